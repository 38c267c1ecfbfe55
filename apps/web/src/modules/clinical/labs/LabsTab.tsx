/** The labs tab of the casebook: the entry form with live scores, the scores over time, the CSV import, the panels. */
import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { EmptyHint, QueryView } from '../../../components/states';
import { LabEntryForm } from './LabEntryForm';
import { LabImport } from './LabImport';
import { useLabPanels, useSubjectScores } from './labs.api';
import { SCORE_KEYS } from './labs.types';
import { ScoresChart } from './ScoresChart';
import { scoreValue } from './ScoresPanel';

export function LabsTab({ subjectId, sex, ageYears }: { subjectId: string; sex?: string; ageYears?: number }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const scores = useSubjectScores(subjectId);
  const panels = useLabPanels(subjectId);
  return (
    <Stack gap="lg">
      <Title order={3}>{t('clinical.labs.chart.title')}</Title>
      <QueryView query={scores}>
        {(data) =>
          data.items.length === 0 ? <EmptyHint title={t('clinical.labs.chart.empty')} testId="scores-chart-empty" /> : <ScoresChart points={data.items} />
        }
      </QueryView>
      {can('clinical:write') && <LabEntryForm subjectId={subjectId} sex={sex} ageYears={ageYears} />}
      {can('clinical:write') && <LabImport subjectId={subjectId} />}
      <Title order={3}>{t('clinical.labs.panels.title')}</Title>
      <QueryView query={panels}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyHint title={t('clinical.labs.panels.empty')} testId="lab-panels-empty" />
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped data-testid="lab-panels">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('clinical.labs.entry.collectedAt')}</Table.Th>
                    <Table.Th>{t('clinical.labs.panels.results')}</Table.Th>
                    <Table.Th>{t('clinical.labs.scores.title')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((p) => (
                    <Table.Tr key={p.id} data-testid="lab-panel">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <DateTime value={p.collectedAt} withZone={false} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {p.results.map((r) => (
                            <Badge key={r.id} variant="outline" color={r.flag === 'high' || r.flag === 'low' ? 'red' : 'dark'} tt="none">
                              {r.analyte} {r.value} {r.unit}
                              {r.flag === 'high' ? ' ↑' : r.flag === 'low' ? ' ↓' : ''}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {p.scores ? (
                          <Text size="xs">
                            {SCORE_KEYS.flatMap((k) => {
                              const v = p.scores ? scoreValue(k, p.scores, t) : null;
                              return v ? [`${t(`clinical.labs.scores.names.${k}`)} ${v}`] : [];
                            }).join(' · ')}
                          </Text>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Stack>
  );
}
