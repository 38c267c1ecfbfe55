/** One material: its master data and its lots; receive a new lot into quarantine (materials:write). */
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { Field } from '../../../components/Field';
import { EmptyHint, QueryView } from '../../../components/states';
import type { Material } from '../materials.types';
import { LotReceiveModal } from './LotReceiveModal';
import { LotsTable } from './LotsTable';
import { useLots, useMaterial } from './materials.api';

function LotList({ items }: { items: NonNullable<Material['lots']> }) {
  const { t } = useTranslation();
  return items.length > 0 ? (
    <LotsTable items={items} withMaterial={false} />
  ) : (
    <EmptyHint title={t('mfg.lot.empty')} description={t('mfg.lot.emptyForMaterial')} testId="lots-empty" />
  );
}

function MaterialLots({ material }: { material: Material }) {
  // The material's answer carries its lots; the lot list is asked when it does not.
  const lots = useLots({ materialId: material.id }, !material.lots);
  if (material.lots) return <LotList items={material.lots} />;
  return <QueryView query={lots}>{(data) => <LotList items={data.items} />}</QueryView>;
}

export function MaterialDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const query = useMaterial(id);
  const [receiving, setReceiving] = useState(false);
  return (
    <Stack data-testid="material-detail">
      <Anchor component={Link} to="/manufacturing/materials" size="sm">
        ← {t('mfg.material.pageTitle')}
      </Anchor>
      <QueryView query={query}>
        {(m) => (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Text ff="monospace" fw={700} size="lg" data-testid="material-code-value">
                  {m.code}
                </Text>
                <Title order={2}>{m.name}</Title>
              </div>
              {can('materials:write') && (
                <Button onClick={() => setReceiving(true)} data-testid="lot-receive">
                  {t('mfg.lot.receive')}
                </Button>
              )}
            </Group>
            <Card withBorder>
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <Field label={t('mfg.material.kind')}>
                  {t(`mfg.materialKind.${m.kind}`, { defaultValue: m.kind })}
                </Field>
                <Field label={t('mfg.material.storageCondition')}>{m.storageCondition}</Field>
                <Field label={t('mfg.material.supplier')}>{m.supplier}</Field>
                <Field label={t('mfg.material.unit')}>{m.unit}</Field>
              </SimpleGrid>
            </Card>
            <Title order={3}>{t('mfg.lot.list')}</Title>
            <MaterialLots material={m} />
            {can('materials:write') && (
              <LotReceiveModal material={m} opened={receiving} onClose={() => setReceiving(false)} />
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
