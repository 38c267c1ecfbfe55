/**
 * Tumour response per mRECIST for HCC (Lencioni & Llovet 2010): each time point with its target lesions (viable,
 * arterially enhancing diameters), the sum against the baseline and the nadir, new lesions, the non-target
 * state and the computed response; the best overall response. A new time point is entered below.
 */
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { EmptyHint, QueryView } from '../../../components/states';
import { useResponse } from './casebook.api';
import type { ResponseView } from './casebook.types';
import { TumourAssessmentForm } from './TumourAssessmentForm';

const RESPONSE_COLORS: Record<string, string> = { CR: 'teal', PR: 'green', SD: 'yellow', PD: 'red' };

export function ResponseBadge({ response, testId }: { response: string | null; testId?: string }) {
  const { t } = useTranslation();
  if (!response) return <>—</>;
  return (
    <Badge color={RESPONSE_COLORS[response] ?? 'gray'} autoContrast data-testid={testId} data-response={response}>
      {t(`clinical.casebook.response.codes.${response}`, { defaultValue: response })}
    </Badge>
  );
}

const pct = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${v.toFixed(1)} %`);

export function ResponseTab({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = useResponse(subjectId);
  const [adding, setAdding] = useState(false);
  return (
    <QueryView query={query}>
      {(data) => (
        <Stack gap="lg">
          <Group justify="space-between">
            <Group gap="sm">
              <Text fw={600}>{t('clinical.casebook.response.best')}</Text>
              <ResponseBadge response={data.bestOverallResponse} testId="best-overall-response" />
              {data.nadir && (
                <Text size="sm">
                  {t('clinical.casebook.response.nadir', { sum: data.nadir.sum })} (<DateTime value={data.nadir.assessedAt} withZone={false} />)
                </Text>
              )}
            </Group>
            {can('clinical:write') && !adding && (
              <Button onClick={() => setAdding(true)} data-testid="tumour-new">
                {data.baseline ? t('clinical.casebook.response.newFollowUp') : t('clinical.casebook.response.newBaseline')}
              </Button>
            )}
          </Group>
          {data.timepoints.length === 0 && !data.baseline ? (
            <EmptyHint title={t('clinical.casebook.response.empty')} testId="response-empty" />
          ) : (
            <TimepointTable data={data} />
          )}
          {adding && <TumourAssessmentForm subjectId={subjectId} baseline={data.baseline} onDone={() => setAdding(false)} />}
        </Stack>
      )}
    </QueryView>
  );
}

function TimepointTable({ data }: { data: ResponseView }) {
  const { t } = useTranslation();
  const rows = data.baseline && !data.timepoints.some((tp) => tp.id === data.baseline?.id) ? [data.baseline, ...data.timepoints] : data.timepoints;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid="response-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clinical.casebook.response.assessedAt')}</Table.Th>
            <Table.Th>{t('clinical.casebook.response.targets')}</Table.Th>
            <Table.Th>{t('clinical.casebook.response.sum')}</Table.Th>
            <Table.Th>{t('clinical.casebook.response.fromBaseline')}</Table.Th>
            <Table.Th>{t('clinical.casebook.response.fromNadir')}</Table.Th>
            <Table.Th>{t('clinical.casebook.response.nonTarget')}</Table.Th>
            <Table.Th>{t('clinical.casebook.response.newLesions')}</Table.Th>
            <Table.Th>{t('clinical.casebook.response.response')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((tp) => (
            <Table.Tr key={tp.id} data-testid="response-timepoint" data-response={tp.response ?? ''} data-baseline={tp.isBaseline}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  <DateTime value={tp.assessedAt} withZone={false} />
                </Text>
                <Text size="xs">
                  {tp.modality.toUpperCase()}
                  {tp.isBaseline ? ` · ${t('clinical.casebook.response.baseline')}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                {tp.targetLesions.map((l) => (
                  <Text size="xs" key={l.lesionId}>
                    {l.lesionId} · {l.organ} · {l.viableDiameterMm} mm
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>{tp.sum} mm</Table.Td>
              <Table.Td>{pct(tp.changeFromBaselinePct)}</Table.Td>
              <Table.Td>{pct(tp.changeFromNadirPct)}</Table.Td>
              <Table.Td>{tp.nonTarget ? t(`clinical.casebook.response.nonTargetStatus.${tp.nonTarget}`) : '—'}</Table.Td>
              <Table.Td>{tp.newLesions ? t('clinical.safety.yes') : t('clinical.safety.no')}</Table.Td>
              <Table.Td>{tp.isBaseline ? t('clinical.casebook.response.baseline') : <ResponseBadge response={tp.response} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
