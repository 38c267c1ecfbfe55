/**
 * Recording an adverse event: the reporter's words, the CTCAE v5.0 term and grade, onset, resolution and when
 * the site learned of it (which starts the SAE clocks once the investigator judges it serious), the action
 * taken and the outcome, and the product it may relate to. Seriousness, relatedness and expectedness are the
 * investigator's, signed in a separate step.
 */
import { Modal, NativeSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { FormActions } from '../../../components/FormActions';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { localInputToIso, nowLocalInput } from '../../../lib/time';
import { useCtcaeTerms, useRecordAdverseEvent, useTermLabel } from './safety.api';
import { ACTIONS_TAKEN, OUTCOMES } from './safety.types';

const EMPTY = {
  verbatimTerm: '',
  ctcaeTerm: '',
  grade: '',
  onsetAt: '',
  resolvedAt: '',
  awareAt: '',
  description: '',
  actionTaken: 'not_applicable',
  outcome: '',
  productDin: '',
};

export function AdverseEventForm({
  subjectId,
  opened,
  onClose,
  dins,
}: {
  subjectId: string;
  opened: boolean;
  onClose: () => void;
  /** The DINs the subject received (from the casebook's product section). */
  dins: string[];
}) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const record = useRecordAdverseEvent(subjectId);
  const terms = useCtcaeTerms();
  const termLabel = useTermLabel();
  const [form, setForm] = useState(() => ({ ...EMPTY, awareAt: nowLocalInput(tz) }));
  const set = (k: keyof typeof EMPTY) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const err = record.error;
  const iso = (v: string) => (v ? localInputToIso(v, tz) : null);
  const close = () => {
    record.reset();
    setForm({ ...EMPTY, awareAt: nowLocalInput(tz) });
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const onsetAt = iso(form.onsetAt);
    if (!onsetAt) return;
    record.mutate(
      {
        verbatimTerm: form.verbatimTerm.trim(),
        ctcaeTerm: form.ctcaeTerm,
        grade: Number(form.grade),
        onsetAt,
        ...(iso(form.resolvedAt) ? { resolvedAt: iso(form.resolvedAt) } : {}),
        ...(iso(form.awareAt) ? { awareAt: iso(form.awareAt) ?? undefined } : {}),
        ...(form.description.trim() ? { description: form.description.trim() } : {}),
        actionTaken: form.actionTaken,
        outcome: form.outcome,
        ...(form.productDin ? { productDin: form.productDin } : {}),
      },
      { onSuccess: close },
    );
  };
  const siteTime = t('common.siteTime', { tz });
  return (
    <Modal opened={opened} onClose={close} title={t('clinical.safety.ae.new')} size="xl">
      <Stack component="form" onSubmit={submit} data-testid="ae-form">
        <ProblemAlert error={err} />
        <TextInput
          label={t('clinical.safety.ae.verbatimTerm')}
          description={t('clinical.safety.ae.verbatimTermHint')}
          value={form.verbatimTerm}
          onChange={(e) => set('verbatimTerm')(e.currentTarget.value)}
          required
          maxLength={500}
          error={fieldError(err, 'verbatimTerm')}
          data-testid="ae-verbatim"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('clinical.safety.ae.ctcaeTerm')}
            searchable
            data={(terms.data?.items ?? []).map((x) => ({ value: x.term, label: termLabel(x.term) }))}
            description={terms.isError ? t('clinical.safety.ae.termsUnavailable') : undefined}
            value={form.ctcaeTerm || null}
            onChange={(v) => set('ctcaeTerm')(v ?? '')}
            required
            error={fieldError(err, 'ctcaeTerm')}
            data-testid="ae-ctcae-term"
          />
          <NativeSelect
            label={t('clinical.safety.ae.grade')}
            data={[
              { value: '', label: t('common.choose'), disabled: true },
              ...([1, 2, 3, 4, 5] as const).flatMap((g) => {
                const text = terms.data?.items.find((x) => x.term === form.ctcaeTerm)?.grades[`${g}`];
                // A grade the term does not define (e.g. grade 4 of fatigue) is not offered.
                if (form.ctcaeTerm && terms.data && text === undefined) return [];
                return [{ value: String(g), label: text ? `${g} · ${text}` : t(`clinical.safety.ae.grades.${g}`) }];
              }),
            ]}
            value={form.grade}
            onChange={(e) => set('grade')(e.currentTarget.value)}
            required
            error={fieldError(err, 'grade')}
            data-testid="ae-grade"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="datetime-local"
            label={t('clinical.safety.ae.onsetAt')}
            description={siteTime}
            value={form.onsetAt}
            onChange={(e) => set('onsetAt')(e.currentTarget.value)}
            required
            error={fieldError(err, 'onsetAt')}
            data-testid="ae-onset"
          />
          <TextInput
            type="datetime-local"
            label={t('clinical.safety.ae.resolvedAt')}
            description={siteTime}
            value={form.resolvedAt}
            onChange={(e) => set('resolvedAt')(e.currentTarget.value)}
            error={fieldError(err, 'resolvedAt')}
            data-testid="ae-resolved"
          />
          <TextInput
            type="datetime-local"
            label={t('clinical.safety.ae.awareAt')}
            description={t('clinical.safety.ae.awareAtHint', { tz })}
            value={form.awareAt}
            onChange={(e) => set('awareAt')(e.currentTarget.value)}
            error={fieldError(err, 'awareAt')}
            data-testid="ae-aware"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('clinical.safety.ae.actionTaken')}
            data={ACTIONS_TAKEN.map((a) => ({ value: a, label: t(`clinical.safety.ae.actions.${a}`) }))}
            value={form.actionTaken}
            onChange={(e) => set('actionTaken')(e.currentTarget.value)}
            required
            error={fieldError(err, 'actionTaken')}
            data-testid="ae-action"
          />
          <NativeSelect
            label={t('clinical.safety.ae.outcome')}
            data={[
              { value: '', label: t('common.choose'), disabled: true },
              ...OUTCOMES.map((o) => ({ value: o, label: t(`clinical.safety.ae.outcomes.${o}`) })),
            ]}
            value={form.outcome}
            onChange={(e) => set('outcome')(e.currentTarget.value)}
            required
            error={fieldError(err, 'outcome')}
            data-testid="ae-outcome"
          />
          <NativeSelect
            label={t('clinical.safety.ae.productDin')}
            data={[{ value: '', label: t('clinical.safety.ae.noProduct') }, ...dins.map((d) => ({ value: d, label: d }))]}
            value={form.productDin}
            onChange={(e) => set('productDin')(e.currentTarget.value)}
            error={fieldError(err, 'productDin')}
            data-testid="ae-product"
          />
        </SimpleGrid>
        <Textarea
          label={t('clinical.safety.ae.description')}
          value={form.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
          maxLength={4000}
          rows={3}
          data-testid="ae-description"
        />
        <FormActions
          onCancel={close}
          submitLabel={t('clinical.safety.ae.record')}
          loading={record.isPending}
          disabled={!form.verbatimTerm.trim() || !form.ctcaeTerm || !form.grade || !form.onsetAt || !form.outcome}
          testId="ae-submit"
        />
      </Stack>
    </Modal>
  );
}
