/**
 * One deviation: what happened, the checklist of what closure still needs, and — for the people who may
 * act — classification, investigation, impact on each batch, CAPA and closure; then signatures and history.
 * QA may cancel one a person reported in error; a cancelled deviation shows who, when and why, and no steps.
 */
import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { Field } from '../../components/Field';
import { SignaturesList } from '../../components/SignaturesList';
import { DEVIATION_CANCEL_MEANINGS } from '../../components/signatureMeanings';
import { QueryView } from '../../components/states';
import { StatusBadge } from '../manufacturing/common/badges';
import { closureChecklist, readyToClose, type ClosureItem } from './closure';
import { DueDate, QualityBadge } from './common';
import { ClassifyPanel, ClosePanel, InvestigationPanel } from './DeviationPanels';
import { EndedBanner, EndRecordAction } from './EndRecordAction';
import { HistoryPanel } from './HistoryPanel';
import { ImpactPanel } from './ImpactPanel';
import { useDeviation, useDeviationSteps } from './quality.api';
import type { DeviationDetail } from './quality.types';

export function DeviationDetailPage() {
  const { id = '' } = useParams();
  const query = useDeviation(id);
  return <QueryView query={query}>{(d) => <Detail d={d} />}</QueryView>;
}

function Detail({ d }: { d: DeviationDetail }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const checklist = closureChecklist(d);
  const closed = d.status === 'closed';
  const cancelled = d.status === 'cancelled';
  // Closed or cancelled: the lifecycle is over, nothing more is worked on it.
  const ended = closed || cancelled;
  const investigating = d.status === 'classified' || d.status === 'investigation';
  return (
    <Stack data-testid="deviation-detail" data-status={d.status}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text ff="monospace" fw={700} c="dimmed" data-testid="deviation-number">
            {d.number}
          </Text>
          <Title order={2}>{d.title}</Title>
        </div>
        <Stack gap="xs" align="flex-end">
          <Group>
            <StatusBadge kind="severity" value={d.severity} />
            <StatusBadge kind="deviationStatus" value={d.status} testId="deviation-status" />
          </Group>
          {can('quality:approve') && d.source === 'manual' && !ended && <CancelAction d={d} />}
        </Stack>
      </Group>
      {cancelled && (
        <EndedBanner
          testId="cancelled-banner"
          title={t('quality.deviation.cancelledTitle')}
          by={d.cancelledBy}
          at={d.cancelledAt}
          reason={d.cancelReason}
        />
      )}
      <Card withBorder>
        <Stack>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{d.description}</Text>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Field label={t('quality.deviation.source')}>
              {t(`mfg.deviationSource.${d.source}`, { defaultValue: d.source })}
            </Field>
            <Field label={t('quality.deviation.opened')}>
              <DateTime value={d.openedAt} /> · {d.openedBy}
            </Field>
            <Field label={t('quality.dueDate')}>
              <DueDate date={d.dueDate} overdue={d.overdue} />
            </Field>
            <Field label={t('quality.deviation.investigator')} mono>
              {d.owner ?? '—'}
            </Field>
            <Field label={t('quality.deviation.capaRequired')}>
              {d.capaRequired === null ? '—' : d.capaRequired ? t('quality.yes') : t('quality.no')}
            </Field>
            {d.roomCode && (
              <Field label={t('quality.deviation.room')} mono>
                {d.roomCode}
              </Field>
            )}
            {d.classifiedBy && (
              <Field label={t('quality.deviation.classifiedBy')}>
                {d.classifiedBy} · <DateTime value={d.classifiedAt} withZone={false} />
              </Field>
            )}
          </SimpleGrid>
          {(d.investigation || d.rootCause) && !investigating && <Findings d={d} />}
        </Stack>
      </Card>
      {!ended && <Checklist items={checklist} />}
      {closed && <ClosedCard d={d} />}
      {can('quality:approve') && !ended && <ClassifyPanel d={d} />}
      {can('quality:write') && investigating && <InvestigationPanel d={d} />}
      <ImpactPanel d={d} editable={can('quality:write') && investigating} />
      <CapaCard d={d} ended={ended} />
      {can('quality:approve') && !ended && <ClosePanel d={d} ready={readyToClose(checklist)} />}
      <Card withBorder>
        <Stack>
          <Title order={4}>{t('quality.signatures')}</Title>
          <SignaturesList signatures={d.signatures} testId="deviation-signatures" />
        </Stack>
      </Card>
      <HistoryPanel entityType="deviation" entityId={d.id} />
    </Stack>
  );
}

function Findings({ d }: { d: DeviationDetail }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Field label={t('quality.deviation.investigationText')}>{d.investigation ?? '—'}</Field>
      <Field label={t('quality.deviation.rootCause')}>
        {d.rootCause ?? '—'}
        {d.rootCauseCategory && (
          <Badge ml="xs" variant="outline">
            {t(`quality.rootCause.${d.rootCauseCategory}`)}
          </Badge>
        )}
      </Field>
    </SimpleGrid>
  );
}

function Checklist({ items }: { items: ClosureItem[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="closure-checklist">
      <Stack gap="xs">
        <Title order={4}>{t('quality.deviation.checklist')}</Title>
        <List spacing={4} center>
          {items.map((i) => (
            <List.Item
              key={i.kind === 'impact' ? `impact-${i.batchNumber}` : i.kind}
              data-testid="closure-item"
              data-done={i.done}
              icon={
                <ThemeIcon size={20} radius="xl" color={i.done ? 'teal' : 'orange'}>
                  {i.done ? '✓' : '!'}
                </ThemeIcon>
              }
            >
              {t(`quality.closure.${i.kind}`, i.kind === 'impact' ? { batch: i.batchNumber } : {})}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}

function ClosedCard({ d }: { d: DeviationDetail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="closed-card">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Field label={t('quality.deviation.conclusion')}>{d.conclusion}</Field>
        <Field label={t('quality.deviation.closedBy')}>
          {d.closedBy} · <DateTime value={d.closedAt} />
        </Field>
      </SimpleGrid>
    </Card>
  );
}

function CancelAction({ d }: { d: DeviationDetail }) {
  const { t } = useTranslation();
  const { cancel } = useDeviationSteps(d.id);
  return (
    <EndRecordAction
      testId="cancel-deviation"
      label={t('quality.deviation.cancel')}
      title={t('quality.deviation.cancelTitle', { number: d.number })}
      consequences={t('quality.deviation.cancelConsequences')}
      record={(reason) => t('quality.deviation.cancelRecord', { number: d.number, reason })}
      meanings={DEVIATION_CANCEL_MEANINGS}
      onSign={(body) => cancel.mutateAsync(body)}
    />
  );
}

function CapaCard({ d, ended }: { d: DeviationDetail; ended: boolean }) {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <Card withBorder data-testid="deviation-capas">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t('quality.capa.title')}</Title>
          {can('quality:write') && !ended && (
            <Button
              component={Link}
              to={`/quality/capas/new?deviationId=${d.id}`}
              variant="light"
              size="compact-sm"
              data-testid="raise-capa"
            >
              {t('quality.capa.raise')}
            </Button>
          )}
        </Group>
        {d.capas.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('quality.capa.none')}
          </Text>
        ) : (
          d.capas.map((c) => (
            <Group key={c.id} gap="sm">
              <Anchor component={Link} to={`/quality/capas/${c.id}`} ff="monospace" fw={600} size="sm">
                {c.number}
              </Anchor>
              <Text size="sm">{c.title}</Text>
              <QualityBadge kind="capaStatus" value={c.status} />
            </Group>
          ))
        )}
      </Stack>
    </Card>
  );
}
