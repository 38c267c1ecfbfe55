/**
 * A subject's adverse events: CTCAE v5.0 term and grade, onset and resolution, the investigator's judgement of
 * seriousness, relatedness and expectedness (SUSAR flagged), and the reporting clocks the serious ones started.
 */
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { EmptyHint, QueryView } from '../../../components/states';
import { AdverseEventForm } from './AdverseEventForm';
import { AssessAdverseEvent } from './AssessAdverseEvent';
import { GradeBadge } from './GradeBadge';
import { SaeClockTable, sortForBoard } from './SaeClocksPage';
import { useAdverseEvents, useSaeClocks, useTermLabel } from './safety.api';
import type { AdverseEvent } from './safety.types';

export function AdverseEventsTab({ subjectId, dins }: { subjectId: string; dins: string[] }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [adding, setAdding] = useState(false);
  const events = useAdverseEvents(subjectId);
  const clocks = useSaeClocks({ subjectId });
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={3}>{t('clinical.safety.ae.title')}</Title>
        {can('clinical:write') && (
          <Button onClick={() => setAdding(true)} data-testid="ae-new">
            {t('clinical.safety.ae.new')}
          </Button>
        )}
      </Group>
      <QueryView query={events}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyHint title={t('clinical.safety.ae.empty')} testId="ae-empty" />
          ) : (
            <AdverseEventTable items={data.items} />
          )
        }
      </QueryView>
      <Title order={3}>{t('clinical.safety.board.subjectClocks')}</Title>
      <QueryView query={clocks}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyHint title={t('clinical.safety.board.noClocks')} testId="subject-clocks-empty" />
          ) : (
            <SaeClockTable clocks={sortForBoard(data.items)} withSubject={false} />
          )
        }
      </QueryView>
      {adding && <AdverseEventForm subjectId={subjectId} opened onClose={() => setAdding(false)} dins={dins} />}
    </Stack>
  );
}

function AdverseEventTable({ items }: { items: AdverseEvent[] }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const termLabel = useTermLabel();
  const investigator = can('clinical:investigate');
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped data-testid="ae-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clinical.safety.ae.number')}</Table.Th>
            <Table.Th>{t('clinical.safety.ae.term')}</Table.Th>
            <Table.Th>{t('clinical.safety.ae.grade')}</Table.Th>
            <Table.Th>{t('clinical.safety.ae.onsetAt')}</Table.Th>
            <Table.Th>{t('clinical.safety.ae.seriousness')}</Table.Th>
            <Table.Th>{t('clinical.safety.ae.relatedness')}</Table.Th>
            <Table.Th>{t('clinical.safety.ae.outcome')}</Table.Th>
            {investigator && <Table.Th>{t('clinical.safety.board.action')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((ae) => (
            <Table.Tr key={ae.id} data-testid="ae-row" data-ae-number={ae.number} data-status={ae.status} data-serious={String(ae.serious)}>
              <Table.Td ff="monospace" fw={600}>
                {ae.number}
                {ae.status === 'voided' && (
                  <Badge color="gray" ml={4}>
                    {t('clinical.safety.ae.voided')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {termLabel(ae.ctcaeTerm)}
                </Text>
                <Text size="xs">
                  {ae.verbatimTerm} · CTCAE v{ae.ctcaeVersion}
                  {ae.source === 'crs_assessment' ? ` · ${t('clinical.safety.ae.fromCrs')}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <GradeBadge grade={ae.grade} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  <DateTime value={ae.onsetAt} withZone={false} />
                </Text>
                <Text size="xs">
                  {ae.resolvedAt ? (
                    <>
                      {t('clinical.safety.ae.resolved')} <DateTime value={ae.resolvedAt} withZone={false} />
                    </>
                  ) : (
                    t('clinical.safety.ae.ongoing')
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                {ae.serious === null ? (
                  <Text size="sm">{t('clinical.safety.ae.notAssessed')}</Text>
                ) : ae.serious ? (
                  <Stack gap={2}>
                    <Group gap={4}>
                      <Badge color="red">{t('clinical.safety.ae.serious')}</Badge>
                      {ae.susar && <Badge color="red" variant="filled">SUSAR</Badge>}
                    </Group>
                    <Text size="xs">
                      {(ae.seriousness ?? []).map((s) => t(`clinical.safety.ae.seriousnessCriteria.${s}`, { defaultValue: s })).join(t('common.listSeparator'))}
                    </Text>
                  </Stack>
                ) : (
                  <Text size="sm">{t('clinical.safety.ae.notSerious')}</Text>
                )}
              </Table.Td>
              <Table.Td>
                {ae.relatedness ? (
                  Object.entries(ae.relatedness).map(([to, r]) => (
                    <Text size="xs" key={to}>
                      {t(`clinical.safety.ae.relatedTo.${to}`, { defaultValue: to })}
                      {t('common.colon')}
                      {t(`clinical.safety.ae.relatednessScale.${r}`, { defaultValue: r })}
                    </Text>
                  ))
                ) : (
                  <Text size="sm">—</Text>
                )}
                {ae.expectedness && (
                  <Text size="xs">{t(`clinical.safety.ae.${ae.expectedness}`, { defaultValue: ae.expectedness })}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`clinical.safety.ae.outcomes.${ae.outcome}`, { defaultValue: ae.outcome })}</Text>
              </Table.Td>
              {investigator && <Table.Td>{ae.status !== 'voided' && <AssessAdverseEvent ae={ae} />}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
