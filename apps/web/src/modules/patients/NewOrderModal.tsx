/** Opens a therapy order (and its chain-of-identity identifier) for a patient in a chosen study. */
import { Modal, NativeSelect, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormActions } from '../../components/FormActions';
import { ProblemAlert, fieldError } from '../../components/ProblemAlert';
import { EmptyHint, QueryView } from '../../components/states';
import { useCreateOrder } from '../orders/orders.api';
import { useStudies } from './patients.api';

export function NewOrderModal({
  patientId,
  opened,
  onClose,
}: {
  patientId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const studies = useStudies(opened);
  const create = useCreateOrder();
  const [studyId, setStudyId] = useState('');

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { patientId, studyId },
      {
        onSuccess: (order) => {
          notifications.show({ color: 'teal', message: t('orders.createdNotice', { coi: order.coi }) });
          close();
          void navigate(`/orders/${order.id}`);
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title={t('patients.newOrder')} centered>
      <QueryView query={studies}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyHint title={t('patients.noStudies')} description={t('patients.noStudiesHint')} />
          ) : (
            <Stack component="form" onSubmit={submit} data-testid="order-form">
              {create.error && <ProblemAlert error={create.error} />}
              <NativeSelect
                label={t('orders.study')}
                data={[
                  { value: '', label: t('common.choose'), disabled: true },
                  ...data.items.map((s) => ({
                    value: s.id,
                    label: `${s.code} · ${s.title} (${t(`indication.${s.indication}`, { defaultValue: s.indication })}, ${t('orders.phase', { phase: s.phase.replace(/_/g, '/') })})`,
                  })),
                ]}
                value={studyId}
                onChange={(e) => setStudyId(e.currentTarget.value)}
                required
                error={fieldError(create.error, 'studyId')}
                data-testid="order-study"
              />
              <FormActions
                onCancel={close}
                submitLabel={t('patients.createOrder')}
                loading={create.isPending}
                disabled={!studyId}
                testId="order-submit"
              />
            </Stack>
          )
        }
      </QueryView>
    </Modal>
  );
}
