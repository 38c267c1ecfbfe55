/**
 * The one way manufacturing's modal forms are laid out: what the form is about, the server's refusal, the
 * fields, then Cancel and the submit button that names what it does. Enter submits without reloading.
 */
import { Modal, Stack, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormActions } from '../../../components/FormActions';
import { RefusalAlert } from './RefusalAlert';

export interface ModalFormProps {
  testId: string;
  /** More `data-*` attributes on the form (which action it records). */
  dataset?: Record<`data-${string}`, string>;
  /** Shown above the refusal: what or whom the form is about. */
  intro?: ReactNode;
  /** The mutation's error, shown as a refusal and pointed at the fields by the caller. */
  error: unknown;
  errorTestId: string;
  onSubmit: () => void;
  onCancel: () => void;
  submitLabel: ReactNode;
  submitTestId: string;
  loading: boolean;
  disabled?: boolean;
  children: ReactNode;
}

export function ModalForm(props: ModalFormProps) {
  const { testId, dataset, intro, error, errorTestId, onSubmit, onCancel, children } = props;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Stack component="form" onSubmit={submit} data-testid={testId} {...dataset}>
      {intro}
      <RefusalAlert error={error} testId={errorTestId} />
      {children}
      <FormActions
        onCancel={onCancel}
        submitLabel={props.submitLabel}
        loading={props.loading}
        disabled={props.disabled}
        testId={props.submitTestId}
      />
    </Stack>
  );
}

/** A centred modal holding one ModalForm; closing it is the form's Cancel. */
export function FormModal({
  opened,
  title,
  size,
  ...form
}: ModalFormProps & { opened: boolean; title: ReactNode; size?: ModalProps['size'] }) {
  return (
    <Modal opened={opened} onClose={form.onCancel} title={title} centered size={size}>
      <ModalForm {...form} />
    </Modal>
  );
}
