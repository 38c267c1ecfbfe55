/** Audit trail viewer: filters, newest events first, "load more" going back in time. */
import { Button, Card, Center, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyHint, ErrorState, PageLoader } from '../../components/states';
import { useAudit, type AuditFilter } from './audit.api';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';

function AuditResults({ filter }: { filter: AuditFilter }) {
  const { t } = useTranslation();
  const query = useAudit(filter);
  if (query.isPending) return <PageLoader />;
  if (!query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    const filtered = Object.keys(filter).length > 0;
    return (
      <EmptyHint title={t('audit.empty')} description={filtered ? t('audit.emptyFiltered') : t('audit.emptyHint')} />
    );
  }
  return (
    <Stack>
      <AuditTable items={items} />
      {query.isFetchNextPageError && <ErrorState error={query.error} />}
      <Center>
        {query.hasNextPage ? (
          <Button
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
            data-testid="audit-load-more"
          >
            {t('audit.loadMore')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed" data-testid="audit-end">
            {t('audit.end', { shown: items.length })}
          </Text>
        )}
      </Center>
    </Stack>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  return (
    <Stack data-testid="audit-page">
      <div>
        <Title order={2}>{t('audit.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('audit.intro')}
        </Text>
      </div>
      <Card withBorder>
        <AuditFilters onApply={setFilter} />
      </Card>
      <AuditResults filter={filter} />
    </Stack>
  );
}
