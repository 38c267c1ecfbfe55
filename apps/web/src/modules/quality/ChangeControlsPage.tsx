/** Change controls: filtered by status, overdue and "mine" (requested by me); anyone with quality rights may request one. */
import { Modal, NativeSelect, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { FormActions } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { NumberLink, RecordTable, TitleLines } from '../../components/RecordTable';
import { ProblemAlert } from '../../components/ProblemAlert';
import { EmptyHint, QueryView } from '../../components/states';
import { bodyError, DateInput, DueDate, LineInput, ListFilters, QualityBadge, TextBlockInput } from './common';
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
    <RecordTable
      items={items}
      row={(c) => ({ 'data-testid': 'change-row', 'data-number': c.number, 'data-overdue': c.overdue })}
      testId={testId}
      minWidth={800}
      columns={[
        {
          heading: t('quality.change.number'),
          cell: (c) => <NumberLink to={`/quality/change-controls/${c.id}`} number={c.number} />,
        },
        {
          heading: t('quality.change.titleField'),
          cell: (c) => <TitleLines title={c.title}>{t(`quality.changeCategory.${c.category}`)}</TitleLines>,
        },
        { heading: t('quality.change.requestedBy'), cell: (c) => c.requestedBy, monospace: true },
        { heading: t('quality.dueDate'), cell: (c) => <DueDate date={c.dueDate} overdue={c.overdue} /> },
        { heading: t('quality.status'), cell: (c) => <QualityBadge kind="changeStatus" value={c.status} /> },
      ]}
    />
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
        <LineInput
          label={t('quality.change.titleField')}
          value={form.title}
          onChange={set('title')}
          error={err('title')}
          testId="change-title"
        />
        <TextBlockInput
          label={t('quality.change.description')}
          value={form.description}
          onChange={set('description')}
          minRows={2}
          error={err('description')}
          testId="change-description"
        />
        <TextBlockInput
          label={t('quality.change.justification')}
          value={form.justification}
          onChange={set('justification')}
          minRows={2}
          error={err('justification')}
          testId="change-justification"
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
