/** Learners: staff and external, filtered by kind, institution and search; new external learner (training:write). */
import { Badge, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyHint, QueryView } from '../../../components/states';
import { useUrlFilters } from '../../../lib/useUrlFilters';
import { LEARNER_KINDS, type Learner, type LearnerKind } from '../training.types';
import { LearnerCreateModal } from './LearnerCreateModal';
import { useLearners } from './learners.api';

export function LearnerKindBadge({ kind }: { kind: LearnerKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={kind === 'internal' ? 'blue' : 'grape'} variant="light" data-testid="learner-kind">
      {t(`training.learnerKind.${kind}`)}
    </Badge>
  );
}

function LearnersTable({ items }: { items: Learner[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped highlightOnHover data-testid="learners-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.learners.name')}</Table.Th>
            <Table.Th>{t('training.learners.kind')}</Table.Th>
            <Table.Th>{t('training.learners.institution')}</Table.Th>
            <Table.Th>{t('training.learners.profession')}</Table.Th>
            <Table.Th>{t('training.learners.login')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((l) => (
            <Table.Tr key={l.id} data-testid="learner-row" data-learner-id={l.id}>
              <Table.Td>
                <Text
                  component={Link}
                  to={`/training/learners/${l.id}`}
                  c="teal.8"
                  fw={600}
                  size="sm"
                  data-testid="learner-link"
                >
                  {l.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <LearnerKindBadge kind={l.kind} />
              </Table.Td>
              <Table.Td>{l.institution}</Table.Td>
              <Table.Td>{l.profession}</Table.Td>
              <Table.Td ff="monospace">{l.username ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function LearnersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { params, set } = useUrlFilters();
  const kind = (params.get('kind') ?? '') as LearnerKind | '';
  const institution = params.get('institution') ?? '';
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [creating, setCreating] = useState(false);
  const query = useLearners({ kind, search: debounced });
  const all = useLearners({ kind });
  const institutions = [...new Set((all.data?.items ?? []).map((l) => l.institution))].sort();
  return (
    <Stack data-testid="learners-page">
      <PageHeader
        title={t('training.learners.title')}
        action={
          can('training:write') && {
            label: t('training.learners.new'),
            onClick: () => setCreating(true),
            testId: 'learner-new',
          }
        }
      />
      <Group align="flex-end">
        <TextInput
          label={t('common.search')}
          placeholder={t('training.learners.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
          data-testid="learner-search"
        />
        <NativeSelect
          label={t('training.learners.kind')}
          data={[
            { value: '', label: t('training.learners.allKinds') },
            ...LEARNER_KINDS.map((k) => ({ value: k, label: t(`training.learnerKind.${k}`) })),
          ]}
          value={kind}
          onChange={(e) => set('kind', e.currentTarget.value)}
          data-testid="learner-kind-filter"
        />
        <NativeSelect
          label={t('training.learners.institution')}
          data={[{ value: '', label: t('training.learners.allInstitutions') }, ...institutions]}
          value={institution}
          onChange={(e) => set('institution', e.currentTarget.value)}
          data-testid="learner-institution-filter"
        />
      </Group>
      <QueryView query={query}>
        {(data) => {
          const items = institution ? data.items.filter((l) => l.institution === institution) : data.items;
          return items.length > 0 ? (
            <LearnersTable items={items} />
          ) : (
            <EmptyHint title={t('training.learners.empty')} description={t('training.learners.emptyHint')} />
          );
        }}
      </QueryView>
      {can('training:write') && <LearnerCreateModal opened={creating} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
