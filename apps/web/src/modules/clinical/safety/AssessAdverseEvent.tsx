/**
 * The investigator's assessment of an adverse event (ICH E2A): seriousness criteria, relatedness to the product
 * and to each procedure, expectedness against the reference safety information, signed. A serious assessment
 * starts the SAE reporting clocks; a re-assessment needs the reason.
 */
import { Button, Checkbox, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormActions';
import { SignDialog } from '../../../components/SignDialog';
import { RefusalAlert } from '../../manufacturing/common/RefusalAlert';
import { useSignFlow } from '../../manufacturing/common/useSignFlow';
import { AE_ASSESSMENT_MEANINGS } from './meanings';
import { useAssessAdverseEvent } from './safety.api';
import { RELATEDNESS, SERIOUSNESS, type AdverseEvent } from './safety.types';

const PROCEDURES = ['apheresis', 'lymphodepletion', 'infusion'] as const;

export function AssessAdverseEvent({ ae }: { ae: AdverseEvent }) {
  const { t } = useTranslation();
  const flow = useSignFlow();
  const assess = useAssessAdverseEvent(ae.id);
  const [opened, setOpened] = useState(false);
  const [seriousness, setSeriousness] = useState<string[]>(ae.seriousness ?? []);
  const [relatedness, setRelatedness] = useState<Record<string, string>>(ae.relatedness ?? { product: '' });
  const [expectedness, setExpectedness] = useState(ae.expectedness ?? '');
  const [rsiReference, setRsiReference] = useState(ae.rsiReference ?? '');
  const [reason, setReason] = useState('');
  const reassessment = ae.assessedAt !== null;
  const complete = !!relatedness.product && !!expectedness && (!reassessment || !!reason.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    setOpened(false);
    flow.open();
  };
  const scale = [
    { value: '', label: t('common.choose') },
    ...RELATEDNESS.map((r) => ({ value: r, label: t(`clinical.safety.ae.relatednessScale.${r}`) })),
  ];
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpened(true)} data-testid="ae-assess-open">
        {reassessment ? t('clinical.safety.ae.reassess') : t('clinical.safety.ae.assess')}
      </Button>
      <RefusalAlert error={flow.refusal} testId="ae-assess-error" />
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('clinical.safety.ae.assessTitle', { number: ae.number })} size="lg">
        <Stack component="form" onSubmit={submit} data-testid="ae-assess-form">
          <Checkbox.Group
            label={t('clinical.safety.ae.seriousness')}
            description={t('clinical.safety.ae.seriousnessHint')}
            value={seriousness}
            onChange={setSeriousness}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              {SERIOUSNESS.map((s) => (
                <Checkbox key={s} value={s} label={t(`clinical.safety.ae.seriousnessCriteria.${s}`)} data-testid={`ae-serious-${s}`} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('clinical.safety.ae.relatedTo.product')}
              data={scale}
              value={relatedness.product ?? ''}
              onChange={(e) => setRelatedness({ ...relatedness, product: e.currentTarget.value })}
              required
              data-testid="ae-related-product"
            />
            {PROCEDURES.map((p) => (
              <NativeSelect
                key={p}
                label={t(`clinical.safety.ae.relatedTo.${p}`)}
                data={scale}
                value={relatedness[p] ?? ''}
                onChange={(e) => setRelatedness({ ...relatedness, [p]: e.currentTarget.value })}
                data-testid={`ae-related-${p}`}
              />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('clinical.safety.ae.expectedness')}
              data={[
                { value: '', label: t('common.choose'), disabled: true },
                { value: 'expected', label: t('clinical.safety.ae.expected') },
                { value: 'unexpected', label: t('clinical.safety.ae.unexpected') },
              ]}
              value={expectedness}
              onChange={(e) => setExpectedness(e.currentTarget.value)}
              required
              data-testid="ae-expectedness"
            />
            <TextInput
              label={t('clinical.safety.ae.rsiReference')}
              description={t('clinical.safety.ae.rsiReferenceHint')}
              value={rsiReference}
              onChange={(e) => setRsiReference(e.currentTarget.value)}
              maxLength={200}
              data-testid="ae-rsi"
            />
          </SimpleGrid>
          {reassessment && (
            <TextInput
              label={t('common.changeReason')}
              description={t('common.changeReasonHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              data-testid="ae-assess-reason"
            />
          )}
          <FormActions
            onCancel={() => setOpened(false)}
            submitLabel={t('clinical.safety.ae.signAssessment')}
            loading={false}
            disabled={!complete}
            testId="ae-assess-submit"
          />
        </Stack>
      </Modal>
      <SignDialog
        key={flow.dialogKey}
        opened={flow.opened}
        onClose={flow.close}
        record={t('clinical.safety.ae.assessRecord', { number: ae.number, term: ae.verbatimTerm })}
        meanings={AE_ASSESSMENT_MEANINGS}
        onSign={(signature) =>
          flow.sign(() =>
            assess.mutateAsync({
              seriousness,
              relatedness: Object.fromEntries(Object.entries(relatedness).filter(([, v]) => v)) as { product: string },
              expectedness: expectedness as 'expected' | 'unexpected',
              ...(rsiReference.trim() ? { rsiReference: rsiReference.trim() } : {}),
              ...(reassessment ? { reason: reason.trim() } : {}),
              signature,
            }),
          )
        }
      />
    </>
  );
}
