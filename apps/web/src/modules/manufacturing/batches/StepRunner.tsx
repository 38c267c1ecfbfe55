/**
 * The current step at the tablet: instructions, the data fields (out-of-range values flagged before saving),
 * lot and equipment scans, the witness's credentials when the step needs a second person, then "Sign and
 * complete" (the performer's electronic signature). Refusals (qualification, lot, equipment, order, witness)
 * are shown above the button in words the operator can act on.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Divider,
  Group,
  List,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../../api/client';
import { SignDialog } from '../../../components/SignDialog';
import { BATCH_STEP_MEANINGS } from '../../../components/signatureMeanings';
import { RefusalAlert } from '../common/RefusalAlert';
import { isWrongPassword, useSignFlow } from '../common/useSignFlow';
import type { Batch } from '../batches.types';
import type { Equipment } from '../equipment.types';
import { useCompleteStep } from './batches.api';
import { EquipmentScanField } from './EquipmentScanField';
import { LotScanField } from './LotScanField';
import { StepValueField } from './StepValueField';
import {
  missingValues,
  outOfRangeFields,
  uncoveredMaterials,
  uncoveredTypes,
  valuesToSend,
  type Draft,
  type RunnableStep,
  type ScannedLot,
} from './stepLogic';

/** A refusal about the witness (wrong password, same person) belongs on the page, not in the signing dialog. */
function aboutWitness(err: unknown): boolean {
  return isProblem(err) && (/witness/i.test(err.code ?? '') || /witness/i.test(err.detail ?? ''));
}

export function StepRunner({ batch, step, total }: { batch: Batch; step: RunnableStep; total: number }) {
  const { t } = useTranslation();
  const complete = useCompleteStep(batch.id);
  const flow = useSignFlow();
  const [values, setValues] = useState<Record<string, Draft>>({});
  const [lots, setLots] = useState<ScannedLot[]>([]);
  const [units, setUnits] = useState<Equipment[]>([]);
  const [witness, setWitness] = useState({ username: '', password: '' });
  const [attempted, setAttempted] = useState(false);

  const outOfRange = outOfRangeFields(step.fields, values);
  const gaps = [
    ...missingValues(step.fields, values).map((f) => t('mfg.run.gap.value', { field: f.label })),
    ...uncoveredMaterials(step.materials, lots).map((code) => t('mfg.run.gap.material', { code })),
    ...uncoveredTypes(step.equipmentTypes, units).map((type) =>
      t('mfg.run.gap.equipment', { type: t(`mfg.equipmentType.${type}`, { defaultValue: type }) }),
    ),
    ...lots
      .filter((l) => typeof l.quantity !== 'number' || l.quantity <= 0)
      .map((l) => t('mfg.run.gap.quantity', { lot: l.lot.lotNumber })),
    ...(step.witness && (!witness.username.trim() || !witness.password) ? [t('mfg.run.gap.witness')] : []),
  ];

  const start = () => {
    setAttempted(true);
    if (gaps.length === 0) flow.open();
  };
  const send = (signature: { password: string; meaning: string }) =>
    flow
      .sign(
        () =>
          complete.mutateAsync({
            index: step.index,
            body: {
              values: valuesToSend(step.fields, values),
              ...(lots.length
                ? { materialLots: lots.map((l) => ({ lotId: l.lot.id, quantity: Number(l.quantity) })) }
                : {}),
              ...(units.length ? { equipment: units.map((u) => u.id) } : {}),
              signature,
              ...(step.witness ? { witness: { username: witness.username.trim(), password: witness.password } } : {}),
            },
          }),
        (err) => isWrongPassword(err) && !aboutWitness(err),
      )
      .then(
        (result) => {
          notifications.show({
            color: 'teal',
            message: t('mfg.run.completedNotice', { n: step.number, title: step.title }),
          });
          return result;
        },
        (err: unknown) => {
          // The witness typed their password at the tablet: it is asked again, never kept after a refusal.
          if (aboutWitness(err)) setWitness((w) => ({ ...w, password: '' }));
          throw err;
        },
      );

  return (
    <Card withBorder shadow="sm" padding="lg" data-testid="step-runner" data-index={step.index}>
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text c="dimmed" fw={600}>
              {t('mfg.run.stepOf', { n: step.number, total })}
            </Text>
            <Title order={2} data-testid="step-title">
              {step.title}
            </Title>
          </div>
          <Group gap="xs">
            {step.requiredQualification && (
              <Badge size="xl" color="indigo" variant="light" tt="none" data-testid="step-qualification">
                {t('mfg.process.qualificationBadge', { code: step.requiredQualification })}
              </Badge>
            )}
            {step.witness && (
              <Badge size="xl" color="orange" variant="light" data-testid="step-witness">
                {t('mfg.process.witnessBadge')}
              </Badge>
            )}
          </Group>
        </Group>
        {step.instructions && (
          <Paper bg="gray.0" p="md" radius="md" data-testid="step-instructions">
            <Text size="lg" style={{ whiteSpace: 'pre-wrap' }}>
              {step.instructions}
            </Text>
          </Paper>
        )}
        {step.fields.length > 0 && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {step.fields.map((f) => (
              <StepValueField
                key={f.key}
                field={f}
                value={values[f.key]}
                onChange={(v) => setValues((prev) => ({ ...prev, [f.key]: v }))}
                showMissing={attempted}
              />
            ))}
          </SimpleGrid>
        )}
        {outOfRange.length > 0 && (
          <Alert color="orange" variant="light" title={t('mfg.run.outOfRangeTitle')} data-testid="out-of-range-warning">
            <Text size="md">{t('mfg.run.outOfRangeNote', { fields: outOfRange.map((f) => f.label).join(', ') })}</Text>
          </Alert>
        )}
        {(step.materials.length > 0 || lots.length > 0) && (
          <>
            <Divider />
            <Title order={4}>{t('mfg.run.materials')}</Title>
            <LotScanField materials={step.materials} value={lots} onChange={setLots} />
          </>
        )}
        {(step.equipmentTypes.length > 0 || units.length > 0) && (
          <>
            <Divider />
            <Title order={4}>{t('mfg.run.equipment')}</Title>
            <EquipmentScanField batchId={batch.id} types={step.equipmentTypes} value={units} onChange={setUnits} />
          </>
        )}
        {step.witness && (
          <Paper withBorder p="md" radius="md" bg="orange.0" data-testid="witness-panel">
            <Stack gap="sm">
              <Text fw={700}>{t('mfg.run.witnessTitle')}</Text>
              <Text size="sm">{t('mfg.run.witnessHint')}</Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  size="lg"
                  label={t('mfg.run.witnessUsername')}
                  value={witness.username}
                  onChange={(e) => setWitness({ ...witness, username: e.currentTarget.value })}
                  autoComplete="off"
                  data-testid="witness-username"
                />
                <PasswordInput
                  size="lg"
                  label={t('mfg.run.witnessPassword')}
                  value={witness.password}
                  onChange={(e) => setWitness({ ...witness, password: e.currentTarget.value })}
                  autoComplete="off"
                  data-testid="witness-password"
                />
              </SimpleGrid>
            </Stack>
          </Paper>
        )}
        <RefusalAlert error={flow.refusal} testId="step-refusal" />
        {attempted && gaps.length > 0 && (
          <Alert color="yellow" variant="light" title={t('mfg.run.gapsTitle')} data-testid="step-gaps">
            <List size="md">
              {gaps.map((g) => (
                <List.Item key={g}>{g}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Button size="xl" fullWidth onClick={start} loading={complete.isPending} data-testid="step-complete">
          {t('mfg.run.signAndComplete')}
        </Button>
      </Stack>
      <SignDialog
        key={flow.dialogKey}
        opened={flow.opened}
        onClose={flow.close}
        record={t('mfg.run.signRecord', { batch: batch.batchNumber, n: step.number, title: step.title })}
        meanings={BATCH_STEP_MEANINGS}
        onSign={send}
      />
    </Card>
  );
}
