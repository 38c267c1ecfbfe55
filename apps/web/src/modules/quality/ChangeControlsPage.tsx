/** Change controls: filtered by status, overdue and "mine" (requested by me); anyone with quality rights may request one. */
import { Anchor, Modal, NativeSelect, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { FormActions } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { EmptyHint, QueryView } from '../../components/states';
import { bodyError, DateInput, DueDate, ListFilters, QualityBadge } from './common';
import { useChangeControls, useRequestChange, type ListFilter } from './quality.api';
import { CHANGE_CATEGORIES, CHANGE_STATUSES, type ChangeControl } from './quality.types';

export function ChangeControlsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [filter, setFilter] = useState<ListFilter>({});
  const [requesting, setRequesting] = useState(false);
  const query = useChangeControls(filter);
  return (
    <Stack data-testid="change-controls-page">
      <PageHeader
        title={t('quality.change.pageTitle')}
        hint={t('quality.change.pageHint')}
        action={
          can('quality:write') && {
            label: t('quality.change.request'),
            onClick: () => setRequesting(true),
            testId: 'request-change',
          }
        }
      />
      <ListFilters statuses={CHANGE_STATUSES} statusKey="quality.changeStatus" value={filter} onChange={setFilter} />
      <QueryView query={query}>
        {(data) =>
          data.items.length ? (
            <ChangeTable items={data.items} />
          ) : (
            <EmptyHint title={t('quality.change.empty')} description={t('quality.emptyHint')} />
          )
        }
      </QueryView>
      {requesting && <RequestModal onClose={() => setRequesting(false)} />}
    </Stack>
  );
}

export function ChangeTable({ items, testId = 'change-table' }: { items: ChangeControl[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('quality.change.number')}</Table.Th>
            <Table.Th>{t('quality.change.titleField')}</Table.Th>
            <Table.Th>{t('quality.change.requestedBy')}</Table.Th>
            <Table.Th>{t('quality.dueDate')}</Table.Th>
            <Table.Th>{t('quality.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id} data-testid="change-row" data-number={c.number} data-overdue={c.overdue}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/quality/change-controls/${c.id}`}
                  ff="monospace"
                  fw={600}
                  size="sm"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {c.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {c.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`quality.changeCategory.${c.category}`)}
                </Text>
              </Table.Td>
              <Table.Td ff="monospace">{c.requestedBy}</Table.Td>
              <Table.Td>
                <DueDate date={c.dueDate} overdue={c.overdue} />
              </Table.Td>
              <Table.Td>
                <QualityBadge kind="changeStatus" value={c.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RequestModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const request = useRequestChange();
  const [form, setForm] = useState({
    title: '',
    description: '',
    justification: '',
    category: '',
    implementationDueDate: '',
  });
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const err = bodyError(request.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate(form, { onSuccess: (c) => void navigate(`/quality/change-controls/${c.id}`) });
  };
  return (
    <Modal opened onClose={onClose} title={t('quality.change.request')} size="lg">
      <Stack component="form" onSubmit={submit} data-testid="change-form">
        <ProblemAlert error={request.error} />
        <TextInput
          label={t('quality.change.titleField')}
          value={form.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          required
          maxLength={200}
          error={err('title')}
          data-testid="change-title"
        />
        <Textarea
          label={t('quality.change.description')}
          value={form.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={4000}
          error={err('description')}
          data-testid="change-description"
        />
        <Textarea
          label={t('quality.change.justification')}
          value={form.justification}
          onChange={(e) => set('justification')(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={4000}
          error={err('justification')}
          data-testid="change-justification"
        />
        <NativeSelect
          label={t('quality.change.category')}
          data={[
            { value: '', label: t('quality.choose') },
            ...CHANGE_CATEGORIES.map((c) => ({ value: c, label: t(`quality.changeCategory.${c}`) })),
          ]}
          value={form.category}
          onChange={(e) => set('category')(e.currentTarget.value)}
          required
          error={err('category')}
          data-testid="change-category"
        />
        <DateInput
          label={t('quality.change.implementationDue')}
          value={form.implementationDueDate}
          onChange={set('implementationDueDate')}
          error={err('implementationDueDate')}
          testId="change-due"
        />
        <FormActions
          onCancel={onClose}
          submitLabel={t('quality.change.request')}
          loading={request.isPending}
          testId="change-submit"
        />
      </Stack>
    </Modal>
  );
}
