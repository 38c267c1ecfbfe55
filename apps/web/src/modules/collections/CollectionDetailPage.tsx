/** One collection: eye-readable DIN with boxed check character, label printing, its order and custody. */
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Collection } from '../../api/types';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { Field } from '../../components/Field';
import { DinDisplay } from '../../components/IdentifierBox';
import { QueryView } from '../../components/states';
import { CustodyEventsForDin } from '../custody/CustodyEventsList';
import { labelUrl, useCollection } from './collections.api';
import { CollectionStatusBadge } from './CollectionsTable';

function CollectionCard({ c }: { c: Collection }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between" align="center">
          <DinDisplay din={c.din} flags={c.flags} check={c.checkCharacter} />
          <Button component="a" href={labelUrl(c.id)} target="_blank" rel="noopener" data-testid="print-label">
            {t('collections.printLabel')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('collections.type')}>{t(`collectionType.${c.type}`, { defaultValue: c.type })}</Field>
          <Field label={t('collections.status')}>
            <CollectionStatusBadge status={c.status} />
          </Field>
          <Field label={t('collections.volume')}>{c.volumeMl != null ? `${c.volumeMl} mL` : '—'}</Field>
          <Field label={t('collections.collectedAt')}>
            <DateTime value={c.collectedAt} />
          </Field>
          <Field label={t('collections.expiresAt')}>
            <DateTime value={c.expiresAt} />
          </Field>
          <Field label={t('orders.subjectCode')} mono>
            {c.subjectCode}
          </Field>
          <Field label={t('orders.coi')}>
            <Anchor component={Link} to={`/orders/${c.orderId}`} ff="monospace" data-testid="collection-order-link">
              {c.coi}
            </Anchor>
          </Field>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

export function CollectionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const query = useCollection(id);
  return (
    <Stack data-testid="collection-detail">
      <Anchor component={Link} to="/collections" size="sm">
        ← {t('collections.title')}
      </Anchor>
      <QueryView query={query}>
        {(c) => (
          <Stack>
            <Title order={2}>{t('collections.detailTitle', { din: c.din })}</Title>
            <CollectionCard c={c} />
            {can('custody:read') && (
              <Stack>
                <Title order={3}>{t('collections.custodyEvents')}</Title>
                <CustodyEventsForDin din={c.din} />
              </Stack>
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
