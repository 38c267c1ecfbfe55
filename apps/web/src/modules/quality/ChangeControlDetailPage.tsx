/**
 * One change control: the request, its impact assessment, and the signed approval, implementation and closure.
 * Before implementation its requester or QA may withdraw it; a withdrawn change shows who, when and why.
 */
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { SignatureInput } from '../../api/types';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { Field } from '../../components/Field';
import { SignDialog } from '../../components/SignDialog';
import { SignaturesList } from '../../components/SignaturesList';
import { CHANGE_MEANINGS } from '../../components/signatureMeanings';
import { QueryView } from '../../components/states';
import { RefusalAlert } from '../manufacturing/common/RefusalAlert';
import { useSignFlow } from '../manufacturing/common/useSignFlow';
import { ChangeAssessForm } from './ChangeAssessForm';
import { DateInput, DueDate, QualityBadge } from './common';
import { EndedBanner, EndRecordAction } from './EndRecordAction';
import { HistoryPanel } from './HistoryPanel';
import { useChangeControl, useChangeSteps } from './quality.api';
import type { ChangeControlDetail, ChangeImpact, ChangeStatus } from './quality.types';

/** Before implementation a change may still be withdrawn, and its implementation date is what is due. */
const BEFORE_IMPLEMENTATION: readonly ChangeStatus[] = ['draft', 'assessed', 'approved'];

export function ChangeControlDetailPage() {
  const { id = '' } = useParams();
  const query = useChangeControl(id);
  return <QueryView query={query}>{(c) => <Detail change={c} />}</QueryView>;
}

function Detail({ change: c }: { change: ChangeControlDetail }) {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const steps = useChangeSteps(c.id);
  // As the server: before implementation, the requester (who holds quality:write) or QA.
  const mayWithdraw =
    BEFORE_IMPLEMENTATION.includes(c.status) &&
    (can('quality:approve') || (can('quality:write') && me.user.username === c.requestedBy));
  return (
    <Stack data-testid="change-detail" data-status={c.status}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text ff="monospace" fw={700} c="dimmed">
            {c.number}
          </Text>
          <Title order={2}>{c.title}</Title>
        </div>
        <Stack gap="xs" align="flex-end">
          <QualityBadge kind="changeStatus" value={c.status} />
          {mayWithdraw && (
            <EndRecordAction
              testId="withdraw-change"
              label={t('quality.change.withdraw')}
              title={t('quality.change.withdrawTitle', { number: c.number })}
              consequences={t('quality.change.withdrawConsequences')}
              record={(reason) => t('quality.change.withdrawRecord', { number: c.number, reason })}
              meanings={CHANGE_MEANINGS.withdraw}
              onSign={(body) => steps.withdraw.mutateAsync(body)}
            />
          )}
        </Stack>
      </Group>
      {c.status === 'withdrawn' && (
        <EndedBanner
          testId="withdrawn-banner"
          title={t('quality.change.withdrawnTitle')}
          by={c.withdrawnBy}
          at={c.withdrawnAt}
          reason={c.withdrawReason}
        />
      )}
      <Card withBorder>
        <Stack>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Text>
          <Field label={t('quality.change.justification')}>{c.justification}</Field>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Field label={t('quality.change.category')}>{t(`quality.changeCategory.${c.category}`)}</Field>
            <Field label={t('quality.change.requestedBy')}>
              {c.requestedBy} · <DateTime value={c.requestedAt} withZone={false} />
            </Field>
            <Field label={t('quality.change.implementationDue')}>
              {BEFORE_IMPLEMENTATION.includes(c.status) ? (
                <DueDate date={c.implementationDueDate} overdue={c.overdue} />
              ) : (
                c.implementationDueDate
              )}
            </Field>
            {c.effectivenessDueDate && (
              <Field label={t('quality.change.effectivenessDue')}>
                {c.status === 'implemented' ? (
                  <DueDate date={c.effectivenessDueDate} overdue={c.overdue} />
                ) : (
                  c.effectivenessDueDate
                )}
              </Field>
            )}
          </SimpleGrid>
        </Stack>
      </Card>
      {c.impact && <ImpactCard impact={c.impact} by={c.assessedBy} />}
      {c.implementationNote && (
        <Field label={t('quality.change.implementationNote')}>
          {c.implementationNote} · {c.implementedBy}
        </Field>
      )}
      {c.effectivenessNote && (
        <Field label={t('quality.change.effectiveness')}>
          {c.effectivenessNote} · {c.closedBy}
        </Field>
      )}
      {can('quality:write') && c.status === 'draft' && <ChangeAssessForm change={c} />}
      {can('quality:approve') &&
        c.status === 'assessed' &&
        (me.user.username === c.requestedBy ? (
          <Text c="dimmed" data-testid="approve-not-requester">
            {t('quality.change.notYourOwn')}
          </Text>
        ) : (
          <SignStep
            testId="approve"
            title={t('quality.change.approve')}
            record={t('quality.change.approveRecord', { number: c.number })}
            meanings={CHANGE_MEANINGS.approve}
            onSign={(signature) => steps.approve.mutateAsync(signature)}
          />
        ))}
      {can('quality:write') && c.status === 'approved' && (
        <SignStep
          testId="implement"
          title={t('quality.change.implement')}
          record={t('quality.change.implementRecord', { number: c.number })}
          meanings={CHANGE_MEANINGS.implement}
          noteLabel={t('quality.change.implementationNote')}
          withDate={t('quality.change.effectivenessDue')}
          onSign={(signature, note, date) =>
            steps.implement.mutateAsync({ note, effectivenessDueDate: date, signature })
          }
        />
      )}
      {can('quality:approve') && c.status === 'implemented' && (
        <SignStep
          testId="close-change"
          title={t('quality.change.close')}
          record={t('quality.change.closeRecord', { number: c.number })}
          meanings={CHANGE_MEANINGS.close}
          noteLabel={t('quality.change.effectiveness')}
          onSign={(signature, note) => steps.close.mutateAsync({ effectiveness: note, signature })}
        />
      )}
      <Card withBorder>
        <Stack>
          <Title order={4}>{t('quality.signatures')}</Title>
          <SignaturesList signatures={c.signatures} testId="change-signatures" />
        </Stack>
      </Card>
      <HistoryPanel entityType="change_control" entityId={c.id} />
    </Stack>
  );
}

function ImpactCard({ impact, by }: { impact: ChangeImpact; by: string | null }) {
  const { t } = useTranslation();
  const list = (items: string[]) =>
    items.length
      ? items.map((i) => (
          <Badge key={i} variant="outline" mr={4} tt="none">
            {i}
          </Badge>
        ))
      : '—';
  return (
    <Card withBorder data-testid="impact-card">
      <Stack>
        <Title order={4}>
          {t('quality.change.impact')}{' '}
          {by && (
            <Text span size="sm" c="dimmed">
              · {by}
            </Text>
          )}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(['documents', 'processes', 'specifications', 'equipment'] as const).map((k) => (
            <Field key={k} label={t(`quality.change.affected.${k}`)}>
              {list(impact[k])}
            </Field>
          ))}
          <Field label={t('quality.change.validationRequired')}>
            {impact.validationRequired ? `${t('quality.yes')} — ${impact.validationNotes ?? ''}` : t('quality.no')}
          </Field>
          <Field label={t('quality.change.regulatoryImpact')}>
            {t(`quality.regulatory.${impact.regulatoryImpact}`)}{' '}
            {impact.regulatoryNotes ? `— ${impact.regulatoryNotes}` : ''}
          </Field>
        </SimpleGrid>
        <Field label={t('quality.change.risk')}>{impact.risk}</Field>
      </Stack>
    </Card>
  );
}

/** A signed lifecycle step, with a note and a date where the step needs them. */
function SignStep(props: {
  testId: string;
  title: string;
  record: string;
  meanings: readonly ('changeApproved' | 'changeImplemented' | 'changeClosed')[];
  noteLabel?: string;
  withDate?: string;
  onSign: (signature: SignatureInput, note: string, date: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const flow = useSignFlow();
  const [note, setNote] = useState('');
  const [date, setDate] = useState('');
  const ready = (!props.noteLabel || note.trim()) && (!props.withDate || date);
  return (
    <Card withBorder data-testid={`${props.testId}-panel`}>
      <Stack>
        <Title order={4}>{props.title}</Title>
        <RefusalAlert error={flow.refusal} testId={`${props.testId}-error`} />
        {props.noteLabel && (
          <Textarea
            label={props.noteLabel}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={4000}
            data-testid={`${props.testId}-note`}
          />
        )}
        {props.withDate && (
          <DateInput label={props.withDate} value={date} onChange={setDate} testId={`${props.testId}-date`} />
        )}
        <Button onClick={flow.open} disabled={!ready} w="fit-content" data-testid={`${props.testId}-sign`}>
          {t('quality.signAnd', { step: props.title })}
        </Button>
        <SignDialog
          key={flow.dialogKey}
          opened={flow.opened}
          onClose={flow.close}
          record={props.record}
          meanings={props.meanings}
          onSign={(s) => flow.sign(() => props.onSign(s, note.trim(), date))}
        />
      </Stack>
    </Card>
  );
}
