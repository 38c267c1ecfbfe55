/**
 * One collection: eye-readable DIN with boxed check character, label printing, its order, its electronic
 * signatures (with the Sign dialog for roles that may sign) and its chain of custody.
 */
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Collection } from '../../api/types';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { Field } from '../../components/Field';
import { DinDisplay } from '../../components/IdentifierBox';
import { SignDialog } from '../../components/SignDialog';
import { COLLECTION_SIGNATURE_MEANINGS } from '../../components/signatureMeanings';
import { SignaturesList } from '../../components/SignaturesList';
import { QueryView } from '../../components/states';
import { dinParts } from '../../lib/din';
import { CustodyEventsForDin } from '../custody/CustodyEventsList';
import { labelUrl, useCollection, useSignCollection } from './collections.api';
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

/** The collection as named in the sign dialog: eye-readable DIN with its boxed check character. */
function SignedCollection({ c }: { c: Collection }) {
  const { t } = useTranslation();
  const { fin, year, sequence } = dinParts(c.din);
  return (
    <Group gap={8} wrap="nowrap">
      <Text span>{t('signatures.recordCollection')}</Text>
      <Text span ff="monospace" fw={700}>
        {fin} {year} {sequence}
      </Text>
      <Text span ff="monospace" fw={700} px={5} style={{ border: '2px solid currentColor', borderRadius: 2 }}>
        {c.checkCharacter}
      </Text>
    </Group>
  );
}

function CollectionSignatures({ c }: { c: Collection }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [signing, setSigning] = useState(false);
  const sign = useSignCollection(c.id);
  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={3}>{t('signatures.title')}</Title>
        {can('signatures:sign') && (
          <Button variant="light" onClick={() => setSigning(true)} data-testid="sign-open">
            {t('signatures.sign')}
          </Button>
        )}
      </Group>
      <SignaturesList signatures={c.signatures ?? []} />
      {can('signatures:sign') && (
        <SignDialog
          opened={signing}
          onClose={() => setSigning(false)}
          record={<SignedCollection c={c} />}
          meanings={COLLECTION_SIGNATURE_MEANINGS}
          onSign={sign.mutateAsync}
        />
      )}
    </Stack>
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
            <CollectionSignatures c={c} />
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
