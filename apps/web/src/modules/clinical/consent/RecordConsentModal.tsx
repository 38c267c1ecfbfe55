/**
 * Recording a consent: the approved document (version and language), when it was signed (site time), by the
 * subject or a legally acceptable representative (name, relationship), the impartial witness (required when
 * the subject cannot read or a representative signs, ICH E6(R2) 4.8.9), the investigator who took it, and a yes
 * or no for each optional part. The recording user signs it.
 */
import { Checkbox, Group, Modal, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useTimeZone } from '../../../app/session';
import { Field } from '../../../components/Field';
import { FormActions } from '../../../components/FormActions';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { SignDialog } from '../../../components/SignDialog';
import { useNowInput } from '../../../lib/useNowInput';
import { SiteTimeField } from '../SiteTimeField';
import { useConsentDocuments, useRecordConsent } from './consent.api';
import type { RecordConsentBody } from './consent.types';

export function RecordConsentModal({
  opened,
  onClose,
  subjectId,
  studyId,
  preferred,
}: {
  opened: boolean;
  onClose: () => void;
  subjectId: string;
  studyId: string;
  /** The document a re-consent asks for. */
  preferred?: string | undefined;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const tz = useTimeZone();
  const documents = useConsentDocuments(opened ? studyId : undefined);
  const record = useRecordConsent(subjectId);
  const approved = (documents.data?.items ?? []).filter((d) => d.status === 'approved');
  const [documentId, setDocumentId] = useState('');
  const consentedAt = useNowInput(tz);
  const [by, setBy] = useState<'subject' | 'lar'>('subject');
  const [larName, setLarName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [canRead, setCanRead] = useState(true);
  const [witness, setWitness] = useState('');
  const [parts, setParts] = useState<Record<string, boolean>>({});
  const [signing, setSigning] = useState(false);

  const chosen = approved.find((d) => d.id === documentId);
  useEffect(() => {
    if (!documentId && approved.length) setDocumentId((approved.find((d) => d.id === preferred) ?? approved[0])?.id ?? '');
  }, [approved, documentId, preferred]);

  const witnessNeeded = by === 'lar' || !canRead;
  const unanswered = (chosen?.optionalParts ?? []).filter((p) => parts[p.code] === undefined);
  const ready =
    !!chosen &&
    consentedAt.valid &&
    (by === 'subject' || (larName.trim() && relationship.trim())) &&
    (!witnessNeeded || witness.trim()) &&
    unanswered.length === 0;

  const body = (): RecordConsentBody => ({
    documentId,
    consentedAt: consentedAt.toIso() ?? '',
    consentedBy: by,
    ...(by === 'lar' ? { lar: { name: larName.trim(), relationship: relationship.trim() } } : {}),
    subjectCanRead: canRead,
    ...(witness.trim() ? { witness: { name: witness.trim() } } : {}),
    investigatorId: me.user.id,
    optionalParts: Object.fromEntries((chosen?.optionalParts ?? []).map((p) => [p.code, parts[p.code] === true])),
  });
  const close = () => {
    record.reset();
    setSigning(false);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) setSigning(true);
  };
  return (
    <>
      <Modal opened={opened && !signing} onClose={close} title={t('clinical.consent.recordTitle')} centered size="lg">
        <Stack component="form" onSubmit={submit} data-testid="consent-form">
          <ProblemAlert error={record.error} testId="consent-error" />
          {documents.isError && <ProblemAlert error={documents.error} />}
          {documents.data && approved.length === 0 && (
            <Text size="sm" fw={600} data-testid="consent-no-document">
              {t('clinical.consent.noApprovedDocument')}
            </Text>
          )}
          <NativeSelect
            label={t('clinical.consent.document')}
            description={t('clinical.consent.documentHint')}
            data={approved.map((d) => ({
              value: d.id,
              label: `${d.versionLabel} · ${t(`clinical.consent.language.${d.language}`)} · ${d.title}`,
            }))}
            value={documentId}
            onChange={(e) => {
              setDocumentId(e.currentTarget.value);
              setParts({});
            }}
            required
            error={fieldError(record.error, 'documentId')}
            data-testid="consent-document"
          />
          <SiteTimeField
            label={t('clinical.consent.consentedAt')}
            input={consentedAt}
            error={fieldError(record.error, 'consentedAt')}
            testId="consent-at"
          />
          <Radio.Group
            label={t('clinical.consent.consentedBy')}
            value={by}
            onChange={(v) => setBy(v as 'subject' | 'lar')}
            required
          >
            <Group mt={4}>
              <Radio value="subject" label={t('clinical.consent.bySubject')} data-testid="consent-by-subject" />
              <Radio value="lar" label={t('clinical.consent.byLarOption')} data-testid="consent-by-lar" />
            </Group>
          </Radio.Group>
          {by === 'lar' && (
            <Group grow align="flex-start">
              <TextInput
                label={t('clinical.consent.larName')}
                value={larName}
                onChange={(e) => setLarName(e.currentTarget.value)}
                required
                error={fieldError(record.error, 'lar.name')}
                data-testid="consent-lar-name"
              />
              <TextInput
                label={t('clinical.consent.larRelationship')}
                description={t('clinical.consent.larRelationshipHint')}
                value={relationship}
                onChange={(e) => setRelationship(e.currentTarget.value)}
                required
                error={fieldError(record.error, 'lar.relationship')}
                data-testid="consent-lar-relationship"
              />
            </Group>
          )}
          <Checkbox
            label={t('clinical.consent.subjectCanRead')}
            checked={canRead}
            onChange={(e) => setCanRead(e.currentTarget.checked)}
            data-testid="consent-can-read"
          />
          <TextInput
            label={t('clinical.consent.witness')}
            description={witnessNeeded ? t('clinical.consent.witnessRequired') : t('clinical.consent.witnessOptional')}
            value={witness}
            onChange={(e) => setWitness(e.currentTarget.value)}
            required={witnessNeeded}
            error={fieldError(record.error, 'witness.name')}
            data-testid="consent-witness"
          />
          <Field label={t('clinical.consent.investigator')} testId="consent-investigator">
            {me.user.displayName}
          </Field>
          {(chosen?.optionalParts ?? []).map((p) => (
            <Radio.Group
              key={p.code}
              label={p.label}
              value={parts[p.code] === undefined ? '' : parts[p.code] ? 'yes' : 'no'}
              onChange={(v) => setParts({ ...parts, [p.code]: v === 'yes' })}
              required
              error={fieldError(record.error, `optionalParts.${p.code}`)}
              data-testid={`consent-part-${p.code}`}
            >
              <Group mt={4}>
                <Radio value="yes" label={t('clinical.consent.agreed')} />
                <Radio value="no" label={t('clinical.consent.declined')} />
              </Group>
            </Radio.Group>
          ))}
          <FormActions
            onCancel={close}
            submitLabel={t('clinical.consent.signAndRecord')}
            loading={record.isPending}
            disabled={!ready}
            testId="consent-submit"
          />
        </Stack>
      </Modal>
      <SignDialog
        opened={signing}
        onClose={() => setSigning(false)}
        record={chosen ? `${chosen.versionLabel} · ${chosen.title}` : ''}
        meanings={['consentRecorded']}
        onSign={async (signature) => {
          await record.mutateAsync({ ...body(), signature });
          close();
        }}
      />
    </>
  );
}
