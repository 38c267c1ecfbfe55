/** Before/after table of one audit event, changed fields highlighted. */
import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { diffJson, showJson } from './jsonDiff';

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = diffJson(before, after);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  }
  return (
    <Table withTableBorder fz="xs" data-testid="audit-diff">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.field')}</Table.Th>
          <Table.Th>{t('audit.before')}</Table.Th>
          <Table.Th>{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.path} bg={r.changed ? 'yellow.0' : undefined} data-changed={r.changed}>
            <Table.Td ff="monospace">{r.path}</Table.Td>
            <Table.Td>
              <Code c={r.changed ? 'red.8' : undefined} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {showJson(r.before)}
              </Code>
            </Table.Td>
            <Table.Td>
              <Code c={r.changed ? 'green.9' : undefined} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {showJson(r.after)}
              </Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
