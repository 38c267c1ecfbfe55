/** Patient list with search and the "new patient" form. */
import { Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Patient } from '../../api/types';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { EmptyHint, QueryView } from '../../components/states';
import { PatientCreateModal } from './PatientCreateModal';
import { usePatients } from './patients.api';

function PatientsTable({ items }: { items: Patient[] }) {
  const { t } = useTranslation();
  const showIdentity = items.some((p) => p.name != null || p.mrn != null);
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped highlightOnHover data-testid="patients-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('patients.subjectCode')}</Table.Th>
            <Table.Th>{t('patients.sex')}</Table.Th>
            <Table.Th>{t('patients.birthDate')}</Table.Th>
            {showIdentity && <Table.Th>{t('patients.name')}</Table.Th>}
            {showIdentity && <Table.Th>{t('patients.mrn')}</Table.Th>}
            <Table.Th>{t('common.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} data-testid="patient-row">
              <Table.Td>
                <Text
                  component={Link}
                  to={`/patients/${p.id}`}
                  c="teal.8"
                  fw={600}
                  ff="monospace"
                  size="sm"
                  data-testid="patient-link"
                >
                  {p.subjectCode}
                </Text>
              </Table.Td>
              <Table.Td>{t(`sex.${p.sex}`, { defaultValue: p.sex })}</Table.Td>
              <Table.Td>{p.birthDate}</Table.Td>
              {showIdentity && <Table.Td>{p.name ?? '—'}</Table.Td>}
              {showIdentity && <Table.Td>{p.mrn ?? '—'}</Table.Td>}
              <Table.Td>
                <DateTime value={p.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function PatientsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [creating, setCreating] = useState(false);
  const query = usePatients(debounced);
  return (
    <Stack data-testid="patients-page">
      <PageHeader
        title={t('patients.title')}
        action={
          can('patients:write') && { label: t('patients.new'), onClick: () => setCreating(true), testId: 'patient-new' }
        }
      />
      <TextInput
        placeholder={t('patients.searchPlaceholder')}
        aria-label={t('common.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={360}
        data-testid="patient-search"
      />
      <QueryView query={query}>
        {(data) =>
          data.items.length > 0 ? (
            <PatientsTable items={data.items} />
          ) : debounced ? (
            <EmptyHint title={t('patients.noMatch')} description={t('patients.noMatchHint', { search: debounced })} />
          ) : (
            <EmptyHint title={t('patients.empty')} description={t('patients.emptyHint')} />
          )
        }
      </QueryView>
      <PatientCreateModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
