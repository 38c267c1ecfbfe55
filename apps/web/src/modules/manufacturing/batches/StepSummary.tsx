/** A completed step in short: values with unit (out-of-range marked), lots, equipment, who did it and witnessed it, when. */
import { Accordion, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/DateTime';
import { SignaturesList } from '../../../components/SignaturesList';
import type { BatchStep, FieldValue } from '../batches.types';
import { rangeText } from '../processes/StepsView';

function shown(value: FieldValue | undefined, t: (k: string) => string): string {
  if (value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('mfg.common.yes') : t('mfg.common.no');
  return String(value);
}

export function StepSummary({ step, number }: { step: BatchStep; number: number }) {
  const { t } = useTranslation();
  const out = new Set(step.outOfRange ?? []);
  return (
    <Accordion.Item
      value={String(step.index)}
      data-testid="step-summary"
      data-index={step.index}
      data-status={step.status}
    >
      <Accordion.Control>
        <Group justify="space-between" wrap="nowrap" pr="sm">
          <Group gap="sm" wrap="nowrap">
            <Badge color="teal" variant="filled" size="lg" circle>
              ✓
            </Badge>
            <Text fw={600} size="lg">
              {t('mfg.process.stepNumber', { n: number })} · {step.title}
            </Text>
            {out.size > 0 && (
              <Badge color="orange" variant="light" data-testid="step-summary-out-of-range">
                {t('mfg.run.outOfRangeCount', { count: out.size })}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {step.performedBy} · <DateTime value={step.performedAt} withZone={false} />
          </Text>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          {step.fields.length > 0 && (
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {step.fields.map((f) => (
                <div
                  key={f.key}
                  data-testid="step-summary-value"
                  data-key={f.key}
                  data-out-of-range={String(out.has(f.key))}
                >
                  <Text size="xs" c="dimmed">
                    {f.label} {rangeText(f) && `(${rangeText(f)})`}
                  </Text>
                  <Text fw={600} c={out.has(f.key) ? 'orange.8' : undefined}>
                    {shown(step.values?.[f.key], t)} {f.unit ?? ''}
                    {out.has(f.key) && ` · ${t('mfg.run.outOfRangeShort')}`}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          )}
          {step.materialLots.length > 0 && (
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('mfg.run.materials')}
              </Text>
              {step.materialLots.map((l) => (
                <Badge key={l.lotId} variant="outline" color="teal" tt="none" ff="monospace">
                  {l.materialCode} · {l.lotNumber}
                  {l.quantity != null ? ` × ${l.quantity}` : ''}
                </Badge>
              ))}
            </Group>
          )}
          {step.equipment.length > 0 && (
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('mfg.run.equipment')}
              </Text>
              {step.equipment.map((e) => (
                <Badge key={e.id} variant="outline" color="blue" tt="none" ff="monospace">
                  {e.code}
                </Badge>
              ))}
            </Group>
          )}
          {step.witnessedBy && <Text size="sm">{t('mfg.run.witnessedBy', { name: step.witnessedBy })}</Text>}
          {step.signatures.length > 0 && <SignaturesList signatures={step.signatures} testId="step-signatures" />}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
