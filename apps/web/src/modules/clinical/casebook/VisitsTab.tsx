/**
 * A subject's visit schedule: each visit with its target day and window (site calendar days), the assessments
 * due, its state, and — for staff who may write — completing it or recording it as missed (with the reason).
 */
import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useTimeZone } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { FormActions } from '../../../components/FormActions';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { EmptyHint, QueryView } from '../../../components/states';
import { useNowInput } from '../../../lib/useNowInput';
import { SiteTimeInput } from '../../bedside/fields';
import { useCompleteVisit, useMissVisit, useSubjectVisits } from './visits.api';
import type { LocalizedName, Visit } from './visits.types';
import { VisitStatusBadge } from './VisitStatusBadge';

export function windowText(v: Pick<Visit, 'windowStart' | 'windowEnd' | 'targetDate'>): string {
  if (v.windowStart && v.windowEnd && v.windowStart !== v.windowEnd) return `${v.windowStart} – ${v.windowEnd}`;
  return v.targetDate ?? '—';
}

/** The visit's name in the UI language (Chinese for zh-*). */
export function nameIn(name: LocalizedName, lng: string | undefined): string {
  return lng?.startsWith('zh') ? name.zh || name.en : name.en || name.zh;
}

/** Assessment codes in the UI language, joined. */
export function assessmentsText(codes: readonly string[], t: (key: string, o?: Record<string, unknown>) => string): string {
  return codes.map((c) => t(`clinical.visits.assessments.${c}`, { defaultValue: c })).join(t('common.listSeparator')) || '—';
}

export function VisitsTab({ subjectId }: { subjectId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  const { can } = useSession();
  const query = useSubjectVisits(subjectId);
  const [acting, setActing] = useState<{ visit: Visit; action: 'complete' | 'miss' } | null>(null);
  return (
    <QueryView query={query}>
      {(data) =>
        data.items.length === 0 ? (
          <EmptyHint title={t('clinical.casebook.visits.empty')} testId="visits-empty" />
        ) : (
          <>
            <Table.ScrollContainer minWidth={820}>
              <Table striped data-testid="visits-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('clinical.casebook.visits.visit')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.visits.window')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.visits.assessments')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.visits.status')}</Table.Th>
                    {can('clinical:write') && <Table.Th>{t('clinical.casebook.visits.action')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((v) => (
                    <Table.Tr key={v.code} data-testid="visit-row" data-visit-code={v.code} data-status={v.status}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {v.code} · {nameIn(v.name, lng)}
                        </Text>
                        <Text size="xs">{t('clinical.casebook.visits.offset', { day: v.dayOffset, anchor: t(`clinical.casebook.visits.anchors.${v.anchor}`, { defaultValue: v.anchor }) })}</Text>
                      </Table.Td>
                      <Table.Td>{windowText(v)}</Table.Td>
                      <Table.Td>
                        <Text size="xs">{assessmentsText(v.assessments, t)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <VisitStatusBadge status={v.status} />
                        {v.occurredAt && (
                          <Text size="xs">
                            <DateTime value={v.occurredAt} withZone={false} />
                          </Text>
                        )}
                        {v.outOfWindow && (
                          <Text size="xs" c="red.8" data-testid="visit-out-of-window">
                            {t('clinical.visits.outOfWindow')}
                          </Text>
                        )}
                        {v.missedReason && <Text size="xs">{v.missedReason}</Text>}
                      </Table.Td>
                      {can('clinical:write') && (
                        <Table.Td>
                          {v.status !== 'done' && v.status !== 'missed' && (
                            <Group gap="xs">
                              <Button size="xs" onClick={() => setActing({ visit: v, action: 'complete' })} data-testid="visit-complete">
                                {t('clinical.casebook.visits.complete')}
                              </Button>
                              <Button size="xs" variant="default" onClick={() => setActing({ visit: v, action: 'miss' })} data-testid="visit-miss">
                                {t('clinical.casebook.visits.miss')}
                              </Button>
                            </Group>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {acting && <VisitActionModal subjectId={subjectId} visit={acting.visit} action={acting.action} onClose={() => setActing(null)} />}
          </>
        )
      }
    </QueryView>
  );
}

function VisitActionModal({ subjectId, visit, action, onClose }: { subjectId: string; visit: Visit; action: 'complete' | 'miss'; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const tz = useTimeZone();
  const at = useNowInput(tz);
  const [reason, setReason] = useState('');
  const complete = useCompleteVisit(subjectId);
  const miss = useMissVisit(subjectId);
  const mutation = action === 'complete' ? complete : miss;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (action === 'complete') complete.mutate({ code: visit.code, occurredAt: at.toIso() ?? new Date().toISOString() }, { onSuccess: onClose });
    else if (reason.trim()) miss.mutate({ code: visit.code, reason: reason.trim() }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t(`clinical.casebook.visits.${action}Title`, { visit: `${visit.code} · ${nameIn(visit.name, i18n.resolvedLanguage ?? i18n.language)}` })}>
      <Stack component="form" onSubmit={submit} data-testid="visit-action-form">
        <ProblemAlert error={mutation.error} />
        {action === 'complete' ? (
          <SiteTimeInput label={t('clinical.casebook.visits.completedAt')} input={at} testId="visit-completed-at" />
        ) : (
          <TextInput label={t('clinical.casebook.visits.missReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required data-testid="visit-miss-reason" />
        )}
        <FormActions
          onCancel={onClose}
          submitLabel={t(`clinical.casebook.visits.${action}`)}
          loading={mutation.isPending}
          disabled={action === 'miss' && !reason.trim()}
          testId="visit-action-submit"
        />
      </Stack>
    </Modal>
  );
}
