/**
 * Electronic signature dialog (21 CFR 11.50, 11.200): the signer sees their printed name and what signing
 * means, chooses the meaning of the signature and re-enters their password. A wrong password (401) is shown
 * here and the dialog stays open; nothing is signed then.
 */
import { Modal, NativeSelect, Paper, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../api/client';
import type { SignatureInput } from '../api/types';
import { useSession } from '../app/session';
import { Field } from './Field';
import { FormActions } from './FormActions';
import { ProblemAlert, fieldError } from './ProblemAlert';
import { SIGNATURE_MEANINGS, meaningLabelKey, type SignatureMeaningId } from './signatureMeanings';

const WRONG_PASSWORD = 'urn:hepatica:problem:wrong-password';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** What is being signed, e.g. "Collection G1234 26 000001". */
  record: ReactNode;
  /** The meanings this kind of record can be signed with. */
  meanings: readonly SignatureMeaningId[];
  /** Sends the signature; rejects with an ApiProblem (e.g. 401 wrong-password). */
  onSign: (signature: SignatureInput) => Promise<unknown>;
}

export function SignDialog({ opened, onClose, record, meanings, onSign }: Props) {
  const { t } = useTranslation();
  const { me } = useSession();
  // A record kind with a single meaning has it chosen already.
  const onlyMeaning: SignatureMeaningId | '' = meanings.length === 1 ? (meanings[0] ?? '') : '';
  const [meaningId, setMeaningId] = useState<SignatureMeaningId | ''>(onlyMeaning);
  const [password, setPassword] = useState('');
  const sign = useMutation({ mutationFn: onSign, onError: () => setPassword('') });

  const close = () => {
    sign.reset();
    setMeaningId(onlyMeaning);
    setPassword('');
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!meaningId || !password) return;
    // The meaning is SENT in English whatever the UI language: the stored meaning is the signed record,
    // so it must read the same for every later reader and auditor. Only the label on screen is translated.
    const meaning = SIGNATURE_MEANINGS[meaningId];
    sign.mutate(
      { password, meaning },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('signatures.signedNotice', { meaning: t(meaningLabelKey(meaningId)) }),
          });
          close();
        },
      },
    );
  };

  const err = sign.error;
  const wrongPassword = isProblem(err, 401) && err.type === WRONG_PASSWORD;
  const english = meaningId ? SIGNATURE_MEANINGS[meaningId] : '';
  const label = meaningId ? t(meaningLabelKey(meaningId)) : '';
  return (
    <Modal opened={opened} onClose={close} title={t('signatures.dialogTitle')} centered size="lg">
      <Stack component="form" onSubmit={submit} data-testid="sign-form">
        {err && (
          <ProblemAlert
            error={wrongPassword ? new Error(t('signatures.wrongPassword')) : err}
            title={wrongPassword ? t('signatures.wrongPasswordTitle') : undefined}
            testId="sign-error"
          />
        )}
        <Paper withBorder p="sm" bg="gray.0">
          <Stack gap="sm">
            <Field label={t('signatures.record')} testId="sign-record">
              {record}
            </Field>
            <SimpleGrid cols={2}>
              <Field label={t('signatures.printedName')} testId="sign-printed-name">
                {me.user.displayName}
              </Field>
              <Field label={t('signatures.username')} mono>
                {me.user.username}
              </Field>
            </SimpleGrid>
          </Stack>
        </Paper>
        <NativeSelect
          label={t('signatures.meaning')}
          description={label && label !== english ? t('signatures.meaningRecordedAs', { meaning: english }) : undefined}
          data={[
            { value: '', label: t('common.choose'), disabled: true },
            ...meanings.map((id) => ({ value: id, label: t(meaningLabelKey(id)) })),
          ]}
          value={meaningId}
          onChange={(e) => setMeaningId(e.currentTarget.value as SignatureMeaningId | '')}
          required
          error={fieldError(err, 'meaning')}
          data-autofocus
          data-testid="sign-meaning"
        />
        <PasswordInput
          label={t('signatures.password')}
          description={t('signatures.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="current-password"
          required
          error={wrongPassword ? true : fieldError(err, 'password')}
          data-testid="sign-password"
        />
        <Text size="sm" fw={500} data-testid="sign-statement">
          {t('signatures.statement')}
        </Text>
        <FormActions
          onCancel={close}
          submitLabel={t('signatures.submit')}
          loading={sign.isPending}
          disabled={!meaningId || !password}
          testId="sign-submit"
        />
      </Stack>
    </Modal>
  );
}
