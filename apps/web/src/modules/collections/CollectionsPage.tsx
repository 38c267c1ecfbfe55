/** All collections (starting materials with a DIN) of the center. */
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyHint, QueryView } from '../../components/states';
import { useCollections } from './collections.api';
import { CollectionsTable } from './CollectionsTable';

export function CollectionsPage() {
  const { t } = useTranslation();
  const query = useCollections();
  return (
    <Stack data-testid="collections-page">
      <Title order={2}>{t('collections.title')}</Title>
      <QueryView query={query}>
        {(data) =>
          data.items.length > 0 ? (
            <CollectionsTable items={data.items} />
          ) : (
            <EmptyHint title={t('collections.empty')} description={t('collections.emptyHint')} />
          )
        }
      </QueryView>
    </Stack>
  );
}
