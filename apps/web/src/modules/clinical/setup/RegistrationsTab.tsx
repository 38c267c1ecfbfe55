/**
 * Regulatory registrations of a study: NMPA IND/CTA acceptance or approval number, the NHC investigator-initiated
 * trial filing (number and date), the ChiCTR and ClinicalTrials.gov registry ids.
 */
import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { EmptyHint, QueryView } from '../../../components/states';
import { StatusBadge } from '../StatusBadge';
import { RetireButton } from './RetireButton';
import { useAddRegistration, useRegistrations } from './setup.api';
import { REGISTRATION_KINDS, type RegistrationKind } from './setup.types';

export function RegistrationsTab({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = useRegistrations(studyId);
  return (
    <Stack data-testid="registrations-tab">
      <QueryView query={query}>
        {(data) =>
          data.items.length ? (
            <Table.ScrollContainer minWidth={560}>
              <Table data-testid="registrations-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('clinical.setup.registrations.kind')}</Table.Th>
                    <Table.Th>{t('clinical.setup.registrations.number')}</Table.Th>
                    <Table.Th>{t('clinical.setup.registrations.filedOn')}</Table.Th>
                    <Table.Th>{t('clinical.setup.registrations.status')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((r) => (
                    <Table.Tr key={r.id} data-testid="registration-row" data-kind={r.kind}>
                      <Table.Td>{t(`clinical.setup.registrations.kinds.${r.kind}`)}</Table.Td>
                      <Table.Td ff="monospace">{r.number}</Table.Td>
                      <Table.Td>{r.filedOn ?? '—'}</Table.Td>
                      <Table.Td>
                        <StatusBadge tone={r.status === 'active' ? 'good' : 'neutral'}>
                          {t(`clinical.setup.recordStatus.${r.status}`)}
                        </StatusBadge>
                      </Table.Td>
                      <Table.Td>
                        {r.status === 'active' && can('protocols:write') && (
                          <RetireButton kind="registrations" id={r.id} name={r.number} />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <EmptyHint title={t('clinical.setup.registrations.none')} />
          )
        }
      </QueryView>
      {can('protocols:write') && <AddRegistration studyId={studyId} />}
    </Stack>
  );
}

function AddRegistration({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const add = useAddRegistration(studyId);
  const [kind, setKind] = useState<RegistrationKind>('chictr');
  const [number, setNumber] = useState('');
  const [filedOn, setFiledOn] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { kind, number: number.trim(), ...(filedOn ? { filedOn } : {}) },
      {
        onSuccess: () => {
          setNumber('');
          setFiledOn('');
        },
      },
    );
  };
  return (
    <Paper withBorder p="md">
      <Stack component="form" onSubmit={submit} gap="sm" data-testid="registration-form">
        <Title order={5}>{t('clinical.setup.registrations.add')}</Title>
        <ProblemAlert error={add.error} />
        <Group align="flex-start">
          <NativeSelect
            label={t('clinical.setup.registrations.kind')}
            data={REGISTRATION_KINDS.map((k) => ({ value: k, label: t(`clinical.setup.registrations.kinds.${k}`) }))}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as RegistrationKind)}
            error={fieldError(add.error, 'kind')}
            data-testid="registration-kind"
          />
          <TextInput
            label={t('clinical.setup.registrations.number')}
            description={t(`clinical.setup.registrations.example.${kind}`)}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            required
            error={fieldError(add.error, 'number')}
            data-testid="registration-number"
          />
          <TextInput
            type="date"
            label={t('clinical.setup.registrations.filedOn')}
            description={kind === 'nhc_iit_filing' ? t('clinical.setup.registrations.filedOnRequired') : undefined}
            value={filedOn}
            onChange={(e) => setFiledOn(e.currentTarget.value)}
            required={kind === 'nhc_iit_filing'}
            error={fieldError(add.error, 'filedOn')}
            data-testid="registration-filed-on"
          />
        </Group>
        <Text size="sm">{t('clinical.setup.registrations.dateHint')}</Text>
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} disabled={!number.trim()} data-testid="registration-submit">
            {t('clinical.setup.registrations.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
