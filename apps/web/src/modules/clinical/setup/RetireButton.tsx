/** Retires a registration or an ethics approval with the reason (nothing is deleted: it stays listed as retired). */
import { Button, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormActions';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { ReasonField } from '../../../components/ReasonField';
import { useRetire } from './setup.api';

export function RetireButton({ kind, id, name }: { kind: 'registrations' | 'ethics-approvals'; id: string; name: string }) {
  const { t } = useTranslation();
  const retire = useRetire(kind);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const close = () => {
    retire.reset();
    setReason('');
    setOpen(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    retire.mutate({ id, reason: reason.trim() }, { onSuccess: close });
  };
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)} aria-label={t('clinical.setup.retireNamed', { name })}>
        {t('clinical.setup.retire')}
      </Button>
      <Modal opened={open} onClose={close} title={t('clinical.setup.retireTitle', { name })} centered>
        <Stack component="form" onSubmit={submit}>
          <ProblemAlert error={retire.error} />
          <ReasonField value={reason} onChange={setReason} error={retire.error} testId="retire-reason" />
          <FormActions
            onCancel={close}
            submitLabel={t('clinical.setup.retire')}
            loading={retire.isPending}
            disabled={!reason.trim()}
            color="red.9"
            testId="retire-submit"
          />
        </Stack>
      </Modal>
    </>
  );
}
