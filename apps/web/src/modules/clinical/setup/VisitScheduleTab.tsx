/**
 * A protocol version's visit schedule (anchor, day offset, window, assessments, repeat; long-term follow-up):
 * edited on a draft by who may write protocols (a reason once a schedule exists), read-only otherwise.
 */
import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { ReasonField } from '../../../components/ReasonField';
import { EmptyHint, QueryView } from '../../../components/states';
import { useSaveVisitSchedule, useVisitSchedule } from '../casebook/visits.api';
import { LTFU_BASES, type VisitSchedule } from '../casebook/visits.types';
import { assessmentsText, nameIn } from '../casebook/VisitsTab';
import type { ProtocolVersion } from '../clinical.types';
import { bodyOf, draftOf, newRow, type ScheduleDraft } from './schedule';
import { VisitRowEditor } from './VisitScheduleEditor';

export function VisitScheduleTab({ version }: { version: ProtocolVersion }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = useVisitSchedule(version.id);
  return (
    <Stack data-testid="visit-schedule-tab" data-version={version.version}>
      <Text size="sm">{t('clinical.setup.schedule.hint')}</Text>
      <QueryView query={query}>
        {(schedule) => (schedule.editable && can('protocols:write') ? <ScheduleEditor schedule={schedule} /> : <ScheduleView schedule={schedule} />)}
      </QueryView>
    </Stack>
  );
}

function ScheduleEditor({ schedule }: { schedule: VisitSchedule }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ScheduleDraft>(() => draftOf(schedule));
  const [reason, setReason] = useState('');
  const save = useSaveVisitSchedule(schedule.protocolVersionId);
  const needsReason = schedule.visits.length > 0 || schedule.ltfu !== null;
  const errorAt = (path: string) => fieldError(save.error, path);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(bodyOf(draft, reason), { onSuccess: () => setReason('') });
  };
  const setRows = (rows: ScheduleDraft['rows']) => setDraft({ ...draft, rows });
  return (
    <Stack component="form" onSubmit={submit} data-testid="visit-schedule-editor">
      {draft.rows.length === 0 && <EmptyHint title={t('clinical.visits.schedule.empty')} />}
      {draft.rows.map((row, i) => (
        <VisitRowEditor
          key={i}
          row={row}
          index={i}
          errorAt={errorAt}
          onChange={(r) => setRows(draft.rows.map((x, j) => (j === i ? r : x)))}
          onRemove={() => setRows(draft.rows.filter((_, j) => j !== i))}
        />
      ))}
      <Group>
        <Button variant="default" onClick={() => setRows([...draft.rows, newRow(draft.rows.length + 1)])} data-testid="visit-add">
          {t('clinical.visits.schedule.add')}
        </Button>
      </Group>
      <Group align="flex-start">
        <TextInput
          label={t('clinical.visits.schedule.ltfuYears')}
          description={t('clinical.visits.schedule.ltfuHint')}
          type="number"
          w={320}
          value={draft.ltfuYears}
          onChange={(e) => setDraft({ ...draft, ltfuYears: e.currentTarget.value })}
          error={errorAt('ltfu.years') ?? errorAt('ltfu')}
          data-testid="ltfu-years"
        />
        <NativeSelect
          label={t('clinical.visits.schedule.ltfuBasis')}
          data={[{ value: '', label: '—' }, ...LTFU_BASES.map((b) => ({ value: b, label: t(`clinical.visits.bases.${b}`) }))]}
          value={draft.ltfuBasis}
          onChange={(e) => setDraft({ ...draft, ltfuBasis: e.currentTarget.value as ScheduleDraft['ltfuBasis'] })}
          data-testid="ltfu-basis"
        />
      </Group>
      <ProblemAlert error={save.error} testId="schedule-error" />
      {needsReason && <ReasonField value={reason} onChange={setReason} error={save.error} testId="schedule-reason" />}
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending} disabled={needsReason && !reason.trim()} data-testid="schedule-save">
          {t('clinical.visits.schedule.save')}
        </Button>
      </Group>
      {save.isSuccess && !save.isPending && (
        <Text size="sm" role="status" data-testid="schedule-saved">
          {t('clinical.visits.schedule.saved')}
        </Text>
      )}
    </Stack>
  );
}

function ScheduleView({ schedule }: { schedule: VisitSchedule }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  const repeatText = (r: NonNullable<VisitSchedule['visits'][number]['repeat']>) => {
    const unit = t(`clinical.visits.units.${r.unit}`);
    return r.count == null ? t('clinical.visits.schedule.repeatOpen', { every: r.every, unit }) : t('clinical.visits.schedule.repeatText', { every: r.every, unit, count: r.count });
  };
  return (
    <Stack data-testid="visit-schedule-view">
      {schedule.editable === false && schedule.protocolStatus !== 'draft' && <Text size="sm" c="dimmed">{t('clinical.visits.schedule.readOnly')}</Text>}
      {schedule.visits.length === 0 ? (
        <EmptyHint title={t('clinical.visits.schedule.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clinical.visits.schedule.code')}</Table.Th>
                <Table.Th>{t('clinical.visits.schedule.phase')}</Table.Th>
                <Table.Th>{t('clinical.visits.schedule.anchor')}</Table.Th>
                <Table.Th>{t('clinical.visits.schedule.assessments')}</Table.Th>
                <Table.Th>{t('clinical.visits.schedule.repeats')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schedule.visits.map((v) => (
                <Table.Tr key={v.id} data-testid="visit-definition-view">
                  <Table.Td>
                    {v.code} · {nameIn(v.name, lng)}
                  </Table.Td>
                  <Table.Td>{t(`clinical.visits.phases.${v.phase}`)}</Table.Td>
                  <Table.Td>
                    {t('clinical.visits.schedule.offset', { day: v.dayOffset, anchor: t(`clinical.visits.anchors.${v.anchor}`) })} ·{' '}
                    {t('clinical.visits.schedule.window', { before: v.windowBefore, after: v.windowAfter })}
                  </Table.Td>
                  <Table.Td>{assessmentsText(v.assessments, t)}</Table.Td>
                  <Table.Td>{v.repeat ? repeatText(v.repeat) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {schedule.ltfu && (
        <Text size="sm" data-testid="ltfu-view">
          {t('clinical.visits.schedule.ltfuYears')}: {schedule.ltfu.years}
          {schedule.ltfu.basis && ` · ${t(`clinical.visits.bases.${schedule.ltfu.basis}`)}`}
        </Text>
      )}
    </Stack>
  );
}
