/**
 * Long-term follow-up after the infusion: the contacts the protocol sets (e.g. 15 years for genetically modified
 * cells and integrating vectors), each with its due day and the tests due (replication-competent lentivirus,
 * vector copy number in blood…).
 */
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyHint, QueryView } from '../../../components/states';
import { useFollowUp } from './visits.api';
import { VisitStatusBadge } from './VisitStatusBadge';
import { nameIn } from './VisitsTab';

export function FollowUpTab({ subjectId }: { subjectId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  const query = useFollowUp(subjectId);
  return (
    <QueryView query={query}>
      {(plan) => (
        <Stack>
          {plan.startsOn ? (
            <Text size="sm" data-testid="follow-up-plan">
              {t('clinical.visits.followUpPlan', { years: plan.years ?? '—', from: plan.startsOn, to: plan.endsOn ?? '—' })}
              {plan.basis && ` · ${t(`clinical.visits.bases.${plan.basis}`, { defaultValue: plan.basis })}`}
            </Text>
          ) : (
            <EmptyHint title={t('clinical.casebook.followUp.notStarted')} testId="follow-up-not-started" />
          )}
          {plan.items.length > 0 && (
            <Table.ScrollContainer minWidth={720}>
              <Table striped data-testid="follow-up-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('clinical.casebook.followUp.contact')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.followUp.due')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.followUp.tests')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.visits.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.items.map((c) => (
                    <Table.Tr key={c.code} data-testid="follow-up-row" data-status={c.status}>
                      <Table.Td>
                        {c.code} · {nameIn(c.name, lng)}
                      </Table.Td>
                      <Table.Td>{`${c.windowStart} – ${c.windowEnd}`}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {c.assessments.map((x) => (
                            <Badge key={x} variant="outline" color="dark" tt="none">
                              {t(`clinical.visits.assessments.${x}`, { defaultValue: x })}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <VisitStatusBadge status={c.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </QueryView>
  );
}
