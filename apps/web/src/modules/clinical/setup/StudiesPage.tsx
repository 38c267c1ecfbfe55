/** The studies of the site: each opens its set-up (protocol versions, registrations, ethics) and screening log. */
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Study } from '../../../api/types';
import { PageHeader } from '../../../components/PageHeader';
import { RecordTable, type RecordColumn } from '../../../components/RecordTable';
import { EmptyHint, QueryView } from '../../../components/states';
import { useStudies } from '../clinical.api';

/** `mode` "screening" makes every row open the study's screening log (the "Screening log" entry of the nav). */
export function StudiesPage({ mode = 'setup' }: { mode?: 'setup' | 'screening' }) {
  const { t } = useTranslation();
  const query = useStudies();
  const target = (s: Study) => (mode === 'screening' ? `/clinical/studies/${s.id}/screening` : `/clinical/studies/${s.id}`);
  const columns: RecordColumn<Study>[] = [
    {
      heading: t('clinical.setup.studies.code'),
      cell: (s) => (
        <Anchor component={Link} to={target(s)} ff="monospace" fw={600} size="sm" data-testid={`study-link-${s.code}`}>
          {s.code}
        </Anchor>
      ),
    },
    { heading: t('clinical.setup.studies.studyTitle'), cell: (s) => <Text size="sm">{s.title}</Text> },
    {
      heading: t('clinical.setup.studies.indication'),
      cell: (s) => <Text size="sm">{t(`indication.${s.indication}`)}</Text>,
    },
    { heading: t('clinical.setup.studies.phase'), cell: (s) => <Badge variant="outline">{s.phase}</Badge> },
    {
      heading: t('clinical.setup.studies.links'),
      cell: (s) => (
        <Group gap="sm" wrap="nowrap">
          <Anchor component={Link} to={`/clinical/studies/${s.id}`} size="sm">
            {t('clinical.setup.studies.setUp')}
          </Anchor>
          <Anchor component={Link} to={`/clinical/studies/${s.id}/screening`} size="sm">
            {t('clinical.setup.studies.screeningLog')}
          </Anchor>
        </Group>
      ),
    },
  ];
  return (
    <Stack data-testid={mode === 'screening' ? 'clinical-screening-studies' : 'clinical-studies-page'}>
      <PageHeader title={t(mode === 'screening' ? 'clinical.screening.pickTitle' : 'clinical.setup.studies.title')} />
      <Text size="sm">{t(mode === 'screening' ? 'clinical.screening.pickHint' : 'clinical.setup.studies.hint')}</Text>
      <QueryView query={query}>
        {(data) =>
          data.items.length ? (
            <RecordTable
              items={data.items}
              columns={columns}
              row={(s) => ({ 'data-testid': 'study-row', 'data-code': s.code })}
              testId="studies-table"
              minWidth={720}
            />
          ) : (
            <EmptyHint title={t('clinical.common.noStudies')} />
          )
        }
      </QueryView>
    </Stack>
  );
}
