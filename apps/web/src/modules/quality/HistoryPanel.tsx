/** The audit trail of one quality record (every change with who, when and why), for readers of the audit trail. */
import { Button, Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { QueryView } from '../../components/states';
import { useAudit } from '../audit/audit.api';
import { AuditTable } from '../audit/AuditTable';

export function HistoryPanel({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { can } = useSession();
  if (!can('audit:read')) return null;
  return <History entityType={entityType} entityId={entityId} />;
}

function History({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { t } = useTranslation();
  const query = useAudit({ entityType, entityId });
  return (
    <Card withBorder data-testid="quality-history">
      <Stack>
        <Title order={4}>{t('quality.history')}</Title>
        <QueryView query={query}>
          {(data) => (
            <>
              <AuditTable items={data.pages.flatMap((p) => p.items)} />
              {query.hasNextPage && (
                <Button
                  variant="subtle"
                  onClick={() => void query.fetchNextPage()}
                  loading={query.isFetchingNextPage}
                  w="fit-content"
                >
                  {t('quality.moreHistory')}
                </Button>
              )}
            </>
          )}
        </QueryView>
      </Stack>
    </Card>
  );
}
