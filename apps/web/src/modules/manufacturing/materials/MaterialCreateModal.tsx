/** New material (materials:write): code, name, kind, storage condition, supplier, unit. */
import { SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../components/ProblemAlert';
import { CodeInput } from '../common/CodeInput';
import { ChoiceSelect } from '../common/CodeSelect';
import { FormModal } from '../common/ModalForm';
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
  const submit = () => {
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
    <FormModal
      opened={opened}
      title={t('mfg.material.new')}
      size="lg"
      testId="material-form"
      error={err}
      errorTestId="material-error"
      onSubmit={submit}
      onCancel={close}
      submitLabel={t('common.create')}
      submitTestId="material-submit"
      loading={create.isPending}
      disabled={!f.kind}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <CodeInput
          label={t('mfg.material.code')}
          value={f.code}
          onChange={(code) => set('code', code)}
          error={fieldError(err, 'code')}
          testId="material-code"
        />
        <ChoiceSelect
          label={t('mfg.material.kind')}
          codes={MATERIAL_KINDS}
          wordOf={(k) => t(`mfg.materialKind.${k}`)}
          value={f.kind}
          onChange={(kind) => set('kind', kind)}
          required
          error={fieldError(err, 'kind')}
          testId="material-kind"
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
    </FormModal>
  );
}
