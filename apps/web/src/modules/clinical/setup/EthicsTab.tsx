/**
 * Ethics committee approvals of a study, each covering a protocol version until its expiry day. The current
 * approval (active, covering the effective version, latest expiry) that has expired is shown red: it blocks
 * screening and enrollment until a renewal is recorded.
 */
import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { EmptyHint, QueryView } from '../../../components/states';
import type { ProtocolVersion } from '../clinical.types';
import { StatusBadge } from '../StatusBadge';
import { RetireButton } from './RetireButton';
import { useAddEthicsApproval, useEthicsApprovals } from './setup.api';
import type { EthicsApproval } from './setup.types';

/** The study's current approval for the effective version, as the server decides it (latest expiry). */
export function currentEthics(items: EthicsApproval[], effectiveId: string): EthicsApproval | undefined {
  return items
    .filter((a) => a.status === 'active' && a.protocolVersionId === effectiveId)
    .sort((a, b) => b.expiresOn.localeCompare(a.expiresOn))[0];
}

export function EthicsTab({ studyId, versions }: { studyId: string; versions: ProtocolVersion[] }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = useEthicsApprovals(studyId);
  const effective = versions.find((v) => v.status === 'effective');
  return (
    <Stack data-testid="ethics-tab">
      <QueryView query={query}>
        {(data) => {
          const current = effective ? currentEthics(data.items, effective.id) : undefined;
          return data.items.length ? (
            <Table.ScrollContainer minWidth={720}>
              <Table data-testid="ethics-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('clinical.setup.ethics.committee')}</Table.Th>
                    <Table.Th>{t('clinical.setup.ethics.number')}</Table.Th>
                    <Table.Th>{t('clinical.setup.ethics.version')}</Table.Th>
                    <Table.Th>{t('clinical.setup.ethics.approvedOn')}</Table.Th>
                    <Table.Th>{t('clinical.setup.ethics.expiresOn')}</Table.Th>
                    <Table.Th>{t('clinical.setup.ethics.status')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((a) => {
                    const blocks = a.id === current?.id && a.expired;
                    return (
                      <Table.Tr
                        key={a.id}
                        data-testid="ethics-row"
                        data-expired={a.expired}
                        bg={blocks ? 'red.0' : undefined}
                      >
                        <Table.Td>{a.committee}</Table.Td>
                        <Table.Td ff="monospace">{a.approvalNumber}</Table.Td>
                        <Table.Td>
                          {a.protocolVersion !== null ? t('clinical.common.version', { version: a.protocolVersion }) : '—'}
                        </Table.Td>
                        <Table.Td>{a.approvedOn}</Table.Td>
                        <Table.Td c={a.expired ? 'red.9' : undefined} fw={a.expired ? 700 : undefined}>
                          {a.expiresOn}
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={4}>
                            {a.status === 'retired' ? (
                              <StatusBadge tone="neutral">{t('clinical.setup.recordStatus.retired')}</StatusBadge>
                            ) : a.expired ? (
                              <StatusBadge tone="bad" testId="ethics-expired">
                                {t('clinical.setup.ethics.expired')}
                              </StatusBadge>
                            ) : (
                              <StatusBadge tone="good">{t('clinical.setup.ethics.valid')}</StatusBadge>
                            )}
                            {blocks && (
                              <Text size="sm" c="red.9" fw={600} data-testid="ethics-blocks">
                                {t('clinical.setup.ethics.blocksEnrollment')}
                              </Text>
                            )}
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          {a.status === 'active' && can('protocols:write') && (
                            <RetireButton kind="ethics-approvals" id={a.id} name={a.approvalNumber} />
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <EmptyHint title={t('clinical.setup.ethics.none')} description={t('clinical.setup.ethics.noneHint')} />
          );
        }}
      </QueryView>
      {can('protocols:write') && versions.length > 0 && <AddEthics studyId={studyId} versions={versions} />}
    </Stack>
  );
}

function AddEthics({ studyId, versions }: { studyId: string; versions: ProtocolVersion[] }) {
  const { t } = useTranslation();
  const add = useAddEthicsApproval(studyId);
  const initial = (versions.find((v) => v.status === 'effective') ?? versions[0])?.id ?? '';
  const [form, setForm] = useState({ committee: '', approvalNumber: '', approvedOn: '', expiresOn: '', protocolVersionId: initial });
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { ...form, committee: form.committee.trim(), approvalNumber: form.approvalNumber.trim() },
      { onSuccess: () => setForm({ ...form, approvalNumber: '', approvedOn: '', expiresOn: '' }) },
    );
  };
  return (
    <Paper withBorder p="md">
      <Stack component="form" onSubmit={submit} gap="sm" data-testid="ethics-form">
        <Title order={5}>{t('clinical.setup.ethics.add')}</Title>
        <ProblemAlert error={add.error} />
        <Group align="flex-start" grow>
          <TextInput
            label={t('clinical.setup.ethics.committee')}
            value={form.committee}
            onChange={set('committee')}
            required
            error={fieldError(add.error, 'committee')}
            data-testid="ethics-committee"
          />
          <TextInput
            label={t('clinical.setup.ethics.number')}
            value={form.approvalNumber}
            onChange={set('approvalNumber')}
            required
            error={fieldError(add.error, 'approvalNumber')}
            data-testid="ethics-number"
          />
          <NativeSelect
            label={t('clinical.setup.ethics.version')}
            data={versions.map((v) => ({
              value: v.id,
              label: `${t('clinical.common.version', { version: v.version })} · ${t(`clinical.common.protocolStatus.${v.status}`)}`,
            }))}
            value={form.protocolVersionId}
            onChange={set('protocolVersionId')}
            error={fieldError(add.error, 'protocolVersionId')}
            data-testid="ethics-version"
          />
        </Group>
        <Group align="flex-start">
          <TextInput
            type="date"
            label={t('clinical.setup.ethics.approvedOn')}
            value={form.approvedOn}
            onChange={set('approvedOn')}
            required
            error={fieldError(add.error, 'approvedOn')}
            data-testid="ethics-approved-on"
          />
          <TextInput
            type="date"
            label={t('clinical.setup.ethics.expiresOn')}
            value={form.expiresOn}
            onChange={set('expiresOn')}
            required
            error={fieldError(add.error, 'expiresOn')}
            data-testid="ethics-expires-on"
          />
        </Group>
        <Text size="sm">{t('clinical.setup.ethics.dateHint')}</Text>
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} data-testid="ethics-submit">
            {t('clinical.setup.ethics.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
