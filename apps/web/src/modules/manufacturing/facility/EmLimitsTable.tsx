/**
 * The alert and action limits per grade, parameter and occupancy state (seeded from EU GMP Annex 1; alert
 * limits are the site's choice). Only QA (facility:limits) edits a limit, with the reason for the change;
 * operators and QC, who record samples against the limits, see them read-only.
 */
import { Button, Group, Modal, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { fieldError } from '../../../components/ProblemAlert';
import { ReasonField } from '../../../components/ReasonField';
import { EmptyHint, QueryView } from '../../../components/states';
import { StatusBadge } from '../common/badges';
import { RefusalAlert } from '../common/RefusalAlert';
import { EM_PARAMETERS, GRADES, type EmLimit, type Grade } from '../facility.types';
import { useEmLimits, useUpdateEmLimit } from './facility.api';

function LimitEditModal({ limit, onClose }: { limit: EmLimit; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateEmLimit(limit.id);
  const [alert, setAlert] = useState<number | string>(limit.alertLimit ?? '');
  const [action, setAction] = useState<number | string>(limit.actionLimit ?? '');
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typeof action !== 'number') return;
    update.mutate(
      { alertLimit: typeof alert === 'number' ? alert : null, actionLimit: action, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('mfg.em.limitSavedNotice') });
          onClose();
        },
      },
    );
  };
  const err = update.error;
  const inverted = typeof alert === 'number' && typeof action === 'number' && alert > action;
  return (
    <Modal opened onClose={onClose} title={t('mfg.em.editLimit')} centered size="lg">
      <Stack component="form" onSubmit={submit} data-testid="limit-form">
        <Text size="sm">
          {t('mfg.room.gradeValue', { grade: limit.grade })} · {t(`mfg.emParameter.${limit.parameter}`)} ·{' '}
          {t(`mfg.occupancy.${limit.occupancy}`)} · {limit.unit}
        </Text>
        {err && <RefusalAlert error={err} testId="limit-error" />}
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('mfg.em.alertLimit')}
            description={t('mfg.em.alertLimitHint')}
            value={alert}
            onChange={setAlert}
            min={0}
            error={inverted ? t('mfg.em.alertAboveAction') : fieldError(err, 'alertLimit')}
            data-testid="limit-alert"
          />
          <NumberInput
            label={t('mfg.em.actionLimit')}
            description={limit.source}
            value={action}
            onChange={setAction}
            min={0}
            required
            error={fieldError(err, 'actionLimit')}
            data-testid="limit-action"
          />
        </SimpleGrid>
        <ReasonField value={reason} onChange={setReason} error={err} testId="limit-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={update.isPending}
            disabled={!reason.trim() || typeof action !== 'number' || inverted}
            data-testid="limit-submit"
          >
            {t('mfg.common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const order = (l: EmLimit) =>
  GRADES.indexOf(l.grade) * 100 + EM_PARAMETERS.indexOf(l.parameter) * 2 + (l.occupancy === 'at_rest' ? 0 : 1);

export function EmLimitsPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = useEmLimits();
  const [grade, setGrade] = useState<Grade | ''>('');
  const [editing, setEditing] = useState<EmLimit | null>(null);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <NativeSelect
          label={t('mfg.room.grade')}
          data={[
            { value: '', label: t('mfg.common.all') },
            ...GRADES.map((g) => ({ value: g, label: t('mfg.room.gradeValue', { grade: g }) })),
          ]}
          value={grade}
          onChange={(e) => setGrade(e.currentTarget.value as Grade | '')}
          data-testid="limit-grade-filter"
        />
        <Text size="sm" c="dimmed" maw={560}>
          {t('mfg.em.limitsHint')}
        </Text>
      </Group>
      <QueryView query={query}>
        {(data) => {
          const items = data.items.filter((l) => !grade || l.grade === grade).sort((a, b) => order(a) - order(b));
          if (items.length === 0) return <EmptyHint title={t('mfg.em.noLimits')} />;
          return (
            <Table.ScrollContainer minWidth={820}>
              <Table striped data-testid="em-limits-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('mfg.room.grade')}</Table.Th>
                    <Table.Th>{t('mfg.em.parameter')}</Table.Th>
                    <Table.Th>{t('mfg.em.occupancy')}</Table.Th>
                    <Table.Th ta="right">{t('mfg.em.alertLimit')}</Table.Th>
                    <Table.Th ta="right">{t('mfg.em.actionLimit')}</Table.Th>
                    <Table.Th>{t('mfg.em.unit')}</Table.Th>
                    <Table.Th>{t('mfg.em.source')}</Table.Th>
                    {can('facility:limits') && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((l) => (
                    <Table.Tr key={l.id} data-testid="em-limit-row" data-grade={l.grade} data-parameter={l.parameter}>
                      <Table.Td>
                        <StatusBadge kind="grade" value={l.grade} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`mfg.emParameter.${l.parameter}`)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`mfg.occupancy.${l.occupancy}`)}</Table.Td>
                      <Table.Td ta="right">{l.alertLimit ?? '—'}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {l.actionLimit ?? '—'}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.unit}</Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed" lineClamp={2} maw={420} title={l.source}>
                          {l.source}
                        </Text>
                      </Table.Td>
                      {can('facility:limits') && (
                        <Table.Td>
                          <Button size="xs" variant="subtle" onClick={() => setEditing(l)} data-testid="em-limit-edit">
                            {t('mfg.common.edit')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          );
        }}
      </QueryView>
      {editing && <LimitEditModal key={editing.id} limit={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
