/** Audit events with an expandable before/after comparison per row. */
import { Button, Code, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { AuditDiff } from './AuditDiff';

const COLUMNS = 7;

function AuditRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <Table.Tr data-testid="audit-row" data-seq={event.seq}>
        <Table.Td ff="monospace">{event.seq}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <DateTime value={event.at} />
        </Table.Td>
        <Table.Td>{event.actor ?? t('audit.system')}</Table.Td>
        <Table.Td>
          {/* The word in the reader's language; the stored code beneath, as filters and exports use it. */}
          <Text size="sm">{t(`audit.actions.${event.action}`, { defaultValue: event.action })}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {event.action}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{t(`audit.entities.${event.entityType}`, { defaultValue: event.entityType })}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {event.entityId}
          </Text>
        </Table.Td>
        <Table.Td>{event.reason || '—'}</Table.Td>
        <Table.Td>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            data-testid="audit-expand"
          >
            {open ? t('audit.collapse') : t('audit.expand')}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS} bg="gray.0">
            <Stack gap="xs">
              <AuditDiff before={event.before} after={event.after} />
              {event.hash && (
                <Text size="xs" c="dimmed">
                  {t('audit.hash')}
                  {t('common.colon')}
                  <Code>{event.hash}</Code>
                </Text>
              )}
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

export function AuditTable({ items }: { items: AuditEvent[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table data-testid="audit-table" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.seq')}</Table.Th>
            <Table.Th>{t('audit.at')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.entity')}</Table.Th>
            <Table.Th>{t('audit.reason')}</Table.Th>
            <Table.Th>{t('audit.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <AuditRow key={e.seq} event={e} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
