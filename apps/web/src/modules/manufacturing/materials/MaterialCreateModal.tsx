/** New material (materials:write): code, name, kind, storage condition, supplier, unit. */
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../components/ProblemAlert';
import { RefusalAlert } from '../common/RefusalAlert';
import { MATERIAL_KINDS, type MaterialKind } from '../materials.types';
import { useCreateMaterial } from './materials.api';

const EMPTY = { code: '', name: '', kind: '' as MaterialKind | '', storageCondition: '', supplier: '', unit: '' };

export function MaterialCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateMaterial();
  const [f, setF] = useState(EMPTY);
  const set = (key: keyof typeof EMPTY, value: string) => setF((prev) => ({ ...prev, [key]: value }));
  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!f.kind) return;
    create.mutate(
      {
        code: f.code.trim(),
        name: f.name.trim(),
        kind: f.kind,
        ...(f.storageCondition.trim() ? { storageCondition: f.storageCondition.trim() } : {}),
        ...(f.supplier.trim() ? { supplier: f.supplier.trim() } : {}),
        ...(f.unit.trim() ? { unit: f.unit.trim() } : {}),
      },
      {
        onSuccess: (m) => {
          notifications.show({ color: 'teal', message: t('mfg.material.createdNotice', { code: m.code }) });
          setF(EMPTY);
          close();
        },
      },
    );
  };
  const err = create.error;
  return (
    <Modal opened={opened} onClose={close} title={t('mfg.material.new')} centered size="lg">
      <Stack component="form" onSubmit={submit} data-testid="material-form">
        {err && <RefusalAlert error={err} testId="material-error" />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('mfg.material.code')}
            value={f.code}
            onChange={(e) => set('code', e.currentTarget.value.toUpperCase())}
            required
            error={fieldError(err, 'code')}
            data-testid="material-code"
          />
          <NativeSelect
            label={t('mfg.material.kind')}
            data={[
              { value: '', label: t('common.choose'), disabled: true },
              ...MATERIAL_KINDS.map((k) => ({ value: k, label: t(`mfg.materialKind.${k}`) })),
            ]}
            value={f.kind}
            onChange={(e) => set('kind', e.currentTarget.value)}
            required
            error={fieldError(err, 'kind')}
            data-testid="material-kind"
          />
        </SimpleGrid>
        <TextInput
          label={t('mfg.material.name')}
          value={f.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          required
          error={fieldError(err, 'name')}
          data-testid="material-name"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('mfg.material.storageCondition')}
            placeholder="15–25 °C"
            value={f.storageCondition}
            onChange={(e) => set('storageCondition', e.currentTarget.value)}
            error={fieldError(err, 'storageCondition')}
            data-testid="material-storage"
          />
          <TextInput
            label={t('mfg.material.supplier')}
            value={f.supplier}
            onChange={(e) => set('supplier', e.currentTarget.value)}
            error={fieldError(err, 'supplier')}
            data-testid="material-supplier"
          />
          <TextInput
            label={t('mfg.material.unit')}
            placeholder="mL, vial, bag…"
            value={f.unit}
            onChange={(e) => set('unit', e.currentTarget.value)}
            error={fieldError(err, 'unit')}
            data-testid="material-unit"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!f.kind} data-testid="material-submit">
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
