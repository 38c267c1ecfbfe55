/**
 * The batch's audit trail for the QA review: every change to the batch, its steps, deviations and QC
 * records (who, when, what, old and new value, why), and every signature on any of them.
 */
import { Badge, Card, Code, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../components/DateTime';
import { QueryView } from '../../components/states';
import { useReviewRecord } from './release.api';
import type { TrailEvent } from './release.types';

/** Record kinds and actions worded here first, then as the audit viewer words them, else as stored. */
function useWords() {
  const { t } = useTranslation();
  return {
    entity: (type: string) =>
      t(`release.entity.${type}`, { defaultValue: t(`audit.entities.${type}`, { defaultValue: type }) }),
    action: (action: string) =>
      t(`release.action.${action}`, { defaultValue: t(`audit.actions.${action}`, { defaultValue: action }) }),
  };
}

const show = (value: unknown) =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

function Changes({ event }: { event: TrailEvent }) {
  if (!event.changes.length)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={2}>
      {event.changes.map((c) => (
        <Text key={c.field} size="xs">
          <Code>{c.field}</Code>{' '}
          {event.action === 'create' ? (
            ''
          ) : (
            <>
              <s>{show(c.before)}</s> →{' '}
            </>
          )}
          {show(c.after)}
        </Text>
      ))}
    </Stack>
  );
}

export function AuditTrailPanel({ batchId }: { batchId: string }) {
  const { t } = useTranslation();
  const query = useReviewRecord(batchId);
  const words = useWords();
  return (
    <QueryView query={query}>
      {(record) => (
        <Stack>
          <Card withBorder>
            <Title order={4} mb="sm">
              {t('release.trail.signatures', { count: record.signatures.length })}
            </Title>
            <Table withTableBorder striped fz="sm" data-testid="trail-signatures">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('release.trail.record')}</Table.Th>
                  <Table.Th>{t('release.trail.signer')}</Table.Th>
                  <Table.Th>{t('release.trail.meaning')}</Table.Th>
                  <Table.Th>{t('release.trail.at')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {record.signatures.map((s, i) => (
                  <Table.Tr key={`${s.entityId}-${i}`}>
                    <Table.Td>
                      <Badge variant="light">{words.entity(s.entityType)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      {s.printedName} ({s.signer})
                    </Table.Td>
                    <Table.Td>{s.meaning}</Table.Td>
                    <Table.Td>
                      <DateTime value={s.at} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder>
            <Title order={4} mb="sm">
              {t('release.trail.changes', { count: record.trail.length })}
            </Title>
            <Table.ScrollContainer minWidth={720}>
              <Table withTableBorder striped fz="sm" verticalSpacing={4} data-testid="trail-events">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>{t('release.trail.at')}</Table.Th>
                    <Table.Th>{t('release.trail.who')}</Table.Th>
                    <Table.Th>{t('release.trail.what')}</Table.Th>
                    <Table.Th>{t('release.trail.change')}</Table.Th>
                    <Table.Th>{t('release.trail.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {record.trail.map((e) => (
                    <Table.Tr key={e.seq} data-testid="trail-event" data-entity={e.entityType}>
                      <Table.Td>{e.seq}</Table.Td>
                      <Table.Td>
                        <DateTime value={e.at} />
                      </Table.Td>
                      <Table.Td>{e.actor}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{words.entity(e.entityType)}</Badge> {words.action(e.action)}
                      </Table.Td>
                      <Table.Td>
                        <Changes event={e} />
                      </Table.Td>
                      <Table.Td>{e.reason ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </Stack>
      )}
    </QueryView>
  );
}
