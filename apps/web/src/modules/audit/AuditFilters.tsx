/** Filter form of the audit viewer; dates are calendar days in the site's time zone. */
import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { dayBoundaryIso } from '../../lib/time';
import type { AuditFilter } from './audit.api';

interface Draft {
  entityType: string;
  entityId: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY: Draft = { entityType: '', entityId: '', actor: '', action: '', from: '', to: '' };
const TEXT_FIELDS = ['entityType', 'entityId', 'actor', 'action'] as const;

function toFilter(d: Draft, tz: string): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of TEXT_FIELDS) if (d[key].trim()) filter[key] = d[key].trim();
  const from = dayBoundaryIso(d.from, tz);
  const to = dayBoundaryIso(d.to, tz, true);
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
}

export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (key: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setDraft({ ...draft, [key]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(toFilter(draft, tz));
  };
  const reset = () => {
    setDraft(EMPTY);
    onApply({});
  };
  return (
    <form onSubmit={submit} data-testid="audit-filters">
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }}>
        <TextInput
          label={t('audit.entityType')}
          placeholder={t('audit.entityTypePlaceholder')}
          value={draft.entityType}
          onChange={set('entityType')}
          data-testid="audit-filter-entity-type"
        />
        <TextInput
          label={t('audit.entityId')}
          value={draft.entityId}
          onChange={set('entityId')}
          data-testid="audit-filter-entity-id"
        />
        <TextInput
          label={t('audit.actor')}
          value={draft.actor}
          onChange={set('actor')}
          data-testid="audit-filter-actor"
        />
        <TextInput
          label={t('audit.action')}
          placeholder={t('audit.actionPlaceholder')}
          value={draft.action}
          onChange={set('action')}
          data-testid="audit-filter-action"
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={draft.from}
          onChange={set('from')}
          data-testid="audit-filter-from"
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={draft.to}
          onChange={set('to')}
          data-testid="audit-filter-to"
        />
      </SimpleGrid>
      <Group mt="sm" gap="xs">
        <Button type="submit" data-testid="audit-apply">
          {t('audit.apply')}
        </Button>
        <Button variant="default" onClick={reset} data-testid="audit-reset">
          {t('audit.reset')}
        </Button>
      </Group>
    </form>
  );
}
