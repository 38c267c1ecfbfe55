/**
 * The eligibility of a subject as the server evaluated it: the overall result (eligible, ineligible,
 * incomplete), the criterion that decided it, and per criterion whether it is met, not met or unknown, the value
 * that decided it, whether it passes (an inclusion met, an exclusion not met, or a signed waiver) and its waiver.
 */
import { Alert, Button, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { StatusBadge, type Tone } from '../StatusBadge';
import type { CriterionEvaluation, Eligibility } from './screening.types';

const STATUS_COLOUR: Record<Eligibility['status'], string> = { eligible: 'teal.9', ineligible: 'red.9', incomplete: 'orange.9' };
const RESULT_TONE: Record<CriterionEvaluation['result'], Tone> = { met: 'info', not_met: 'neutral', unknown: 'waiting' };

/** The value that decided a criterion, as a person reads it: `1.6 mg/dL`, `B`, `yes`, `tace, sorafenib`. */
export function valueText(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('clinical.common.yes') : t('clinical.common.no');
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(v, t)).join(t('common.listSeparator')) : t('clinical.common.none');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('value' in o) return [valueText(o.value, t), typeof o.unit === 'string' ? o.unit : ''].filter(Boolean).join(' ');
    return Object.entries(o)
      .map(([k, v]) => `${k}: ${valueText(v, t)}`)
      .join(t('common.listSeparator'));
  }
  return String(value);
}

export function EligibilityView({
  eligibility,
  onWaive,
}: {
  eligibility: Eligibility;
  /** Offered on a failing criterion without a waiver, to a reader who may sign waivers. */
  onWaive?: (criterion: CriterionEvaluation) => void;
}) {
  const { t } = useTranslation();
  const decided = eligibility.decidedBy;
  return (
    <div data-testid="eligibility" data-status={eligibility.status}>
      <Alert
        color={STATUS_COLOUR[eligibility.status]}
        variant="light"
        title={t(`clinical.screening.eligibility.status.${eligibility.status}`)}
        data-testid="eligibility-status"
        mb="sm"
      >
        <Text size="sm">
          {decided
            ? t('clinical.screening.eligibility.decidedBy', {
                code: decided.code,
                kind: t(`clinical.common.kind.${decided.kind}`),
              })
            : t(`clinical.screening.eligibility.statusHint.${eligibility.status}`)}
        </Text>
      </Alert>
      <Table.ScrollContainer minWidth={760}>
        <Table data-testid="eligibility-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clinical.setup.criteria.code')}</Table.Th>
              <Table.Th>{t('clinical.setup.criteria.kind')}</Table.Th>
              <Table.Th>{t('clinical.setup.criteria.text')}</Table.Th>
              <Table.Th>{t('clinical.screening.eligibility.result')}</Table.Th>
              <Table.Th>{t('clinical.screening.eligibility.value')}</Table.Th>
              <Table.Th>{t('clinical.screening.eligibility.passes')}</Table.Th>
              {onWaive && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {eligibility.criteria.map((c) => {
              const isDecider = decided?.criterionId === c.criterionId;
              return (
                <Table.Tr
                  key={c.criterionId}
                  data-testid="eligibility-row"
                  data-code={c.code}
                  data-result={c.result}
                  data-decided={isDecider || undefined}
                  fw={isDecider ? 700 : undefined}
                  aria-current={isDecider ? 'true' : undefined}
                >
                  <Table.Td ff="monospace">
                    {c.code}
                    {isDecider && (
                      <Text span size="sm" fw={700} ml={6} data-testid="eligibility-decider">
                        {t('clinical.screening.eligibility.decider')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`clinical.common.kind.${c.kind}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.text}</Text>
                    <Text size="xs">{t(`clinical.setup.ruleType.${c.ruleType}`, { defaultValue: c.ruleType })}</Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge tone={RESULT_TONE[c.result]} testId="eligibility-result">
                      {t(`clinical.screening.eligibility.results.${c.result}`)}
                    </StatusBadge>
                  </Table.Td>
                  <Table.Td>{valueText(c.value, t)}</Table.Td>
                  <Table.Td>
                    {c.passes === null ? (
                      <StatusBadge tone="waiting">{t('clinical.screening.eligibility.unknownPass')}</StatusBadge>
                    ) : c.passes ? (
                      <StatusBadge tone="good">
                        {c.waived ? t('clinical.screening.eligibility.waived') : t('clinical.screening.eligibility.pass')}
                      </StatusBadge>
                    ) : (
                      <StatusBadge tone="bad">{t('clinical.screening.eligibility.fail')}</StatusBadge>
                    )}
                  </Table.Td>
                  {onWaive && (
                    <Table.Td>
                      {c.passes === false && !c.waived && (
                        <Button size="xs" variant="default" onClick={() => onWaive(c)} data-testid="waive">
                          {t('clinical.screening.waiver.action')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {eligibility.criteria.length === 0 && <Text size="sm">{t('clinical.screening.eligibility.noCriteria')}</Text>}
    </div>
  );
}
