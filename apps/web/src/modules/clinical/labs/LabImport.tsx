/**
 * The laboratory CSV export imported in two steps: a preview that stores nothing and names every row it refuses
 * (line, what was read, why), then the commit of the accepted rows. A file with refused rows can still be
 * committed: the refused rows are left out, and the preview said which.
 */
import { Alert, Badge, Button, FileInput, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useLabImport } from './labs.api';
import type { ImportPreview } from './labs.types';

export function LabImport({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const send = useLabImport(subjectId);
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [committed, setCommitted] = useState<ImportPreview | null>(null);
  const readFile = async (file: File | null) => {
    setPreview(null);
    setCommitted(null);
    setCsv(file ? await file.text() : '');
  };
  const doPreview = () => {
    setCommitted(null);
    send.mutate({ csv, commit: false }, { onSuccess: setPreview });
  };
  const doCommit = () =>
    send.mutate(
      { csv, commit: true },
      {
        onSuccess: (result) => {
          setCommitted(result);
          setPreview(null);
          setCsv('');
        },
      },
    );
  return (
    <Paper withBorder p="md">
      <Stack data-testid="lab-import">
        <Title order={4}>{t('clinical.labs.import.title')}</Title>
        <Text size="sm">{t('clinical.labs.import.hint')}</Text>
        <ProblemAlert error={send.error} />
        {committed && (
          <Alert color="teal" data-testid="lab-import-done">
            {t('clinical.labs.import.done', { n: committed.accepted, refused: committed.refused })}
          </Alert>
        )}
        <FileInput
          label={t('clinical.labs.import.file')}
          accept=".csv,text/csv"
          onChange={(f) => void readFile(f)}
          clearable
          data-testid="lab-import-file"
        />
        <Textarea
          label={t('clinical.labs.import.text')}
          description={t('clinical.labs.import.textHint')}
          value={csv}
          onChange={(e) => {
            setCsv(e.currentTarget.value);
            setPreview(null);
          }}
          rows={4}
          ff="monospace"
          data-testid="lab-import-text"
        />
        <Group>
          <Button variant="default" onClick={doPreview} disabled={!csv.trim()} loading={send.isPending && !preview} data-testid="lab-import-preview">
            {t('clinical.labs.import.preview')}
          </Button>
          {preview && (
            <Button onClick={doCommit} disabled={preview.accepted === 0} loading={send.isPending} data-testid="lab-import-commit">
              {t('clinical.labs.import.commit', { n: preview.accepted })}
            </Button>
          )}
        </Group>
        {preview && <PreviewTable preview={preview} />}
      </Stack>
    </Paper>
  );
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text fw={600} data-testid="lab-import-summary">
        {t('clinical.labs.import.summary', { accepted: preview.accepted, refused: preview.refused })}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="lab-import-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clinical.labs.import.line')}</Table.Th>
              <Table.Th>{t('clinical.labs.import.status')}</Table.Th>
              <Table.Th>{t('clinical.labs.entry.analyte')}</Table.Th>
              <Table.Th>{t('clinical.labs.entry.value')}</Table.Th>
              <Table.Th>{t('clinical.labs.entry.unit')}</Table.Th>
              <Table.Th>{t('clinical.labs.import.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.line} data-testid="lab-import-row" data-status={r.status} data-line={r.line} bg={r.status === 'refused' ? 'red.0' : undefined}>
                <Table.Td ff="monospace">{r.line}</Table.Td>
                <Table.Td>
                  <Badge color={r.status === 'refused' ? 'red' : 'teal'}>{t(`clinical.labs.import.statuses.${r.status}`)}</Badge>
                </Table.Td>
                <Table.Td>{r.analyte ?? '—'}</Table.Td>
                <Table.Td>{r.value ?? '—'}</Table.Td>
                <Table.Td>{r.unit ?? '—'}</Table.Td>
                <Table.Td>
                  {r.problems.map((p, i) => (
                    <Text size="sm" key={i}>
                      {p.path ? `${p.path}: ` : ''}
                      {p.message}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
