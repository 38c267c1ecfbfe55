/**
 * The consent documents of a study, per protocol version and language (zh-CN, en), each with its optional
 * parts (future use of samples, genetic research, …). A draft becomes approved when the coordinator records the
 * ethics committee's approval with a signature; the earlier document of that language is then superseded and
 * the subjects consented on it are flagged for re-consent.
 */
import { Button, Group, Modal, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { FormActions } from '../../../components/FormActions';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { SignDialog } from '../../../components/SignDialog';
import { EmptyHint, QueryView } from '../../../components/states';
import type { ProtocolVersion } from '../clinical.types';
import { StatusBadge, type Tone } from '../StatusBadge';
import { useApproveConsentDocument, useConsentDocuments, useCreateConsentDocument } from './consent.api';
import { CONSENT_LANGUAGES, type ConsentDocument, type ConsentLanguage, type OptionalPart } from './consent.types';

const DOC_TONE: Record<ConsentDocument['status'], Tone> = { draft: 'waiting', approved: 'good', superseded: 'neutral' };

export function ConsentDocumentsTab({ studyId, versions }: { studyId: string; versions: ProtocolVersion[] }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = useConsentDocuments(studyId);
  return (
    <Stack data-testid="consent-documents-tab">
      <QueryView query={query}>
        {(data) =>
          data.items.length ? (
            <Table.ScrollContainer minWidth={820}>
              <Table data-testid="consent-documents-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('clinical.consent.documents.versionLabel')}</Table.Th>
                    <Table.Th>{t('clinical.consent.documents.language')}</Table.Th>
                    <Table.Th>{t('clinical.consent.documents.title')}</Table.Th>
                    <Table.Th>{t('clinical.consent.documents.protocol')}</Table.Th>
                    <Table.Th>{t('clinical.consent.documents.status')}</Table.Th>
                    <Table.Th>{t('clinical.consent.documents.approvedOn')}</Table.Th>
                    <Table.Th>{t('clinical.consent.documents.optionalParts')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((d) => (
                    <Table.Tr key={d.id} data-testid="consent-document-row" data-status={d.status} data-language={d.language}>
                      <Table.Td ff="monospace">{d.versionLabel}</Table.Td>
                      <Table.Td>{t(`clinical.consent.language.${d.language}`)}</Table.Td>
                      <Table.Td>{d.title}</Table.Td>
                      <Table.Td>{t('clinical.common.version', { version: d.protocolVersion })}</Table.Td>
                      <Table.Td>
                        <StatusBadge tone={DOC_TONE[d.status]}>{t(`clinical.consent.documentStatus.${d.status}`)}</StatusBadge>
                      </Table.Td>
                      <Table.Td>
                        {d.approvedOn ?? '—'}
                        {d.effectiveFrom && d.effectiveFrom !== d.approvedOn && (
                          <Text size="sm">{t('clinical.consent.documents.effectiveFromShort', { date: d.effectiveFrom })}</Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {d.optionalParts.length ? d.optionalParts.map((p) => p.label).join(t('common.listSeparator')) : '—'}
                      </Table.Td>
                      <Table.Td>{d.status === 'draft' && can('protocols:write') && <ApproveDocument document={d} />}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <EmptyHint title={t('clinical.consent.documents.none')} />
          )
        }
      </QueryView>
      {can('protocols:write') && versions.length > 0 && <NewDocument versions={versions} />}
    </Stack>
  );
}

function NewDocument({ versions }: { versions: ProtocolVersion[] }) {
  const { t } = useTranslation();
  const create = useCreateConsentDocument();
  const first = (versions.find((v) => v.status === 'draft') ?? versions.find((v) => v.status === 'effective') ?? versions[0])?.id;
  const [protocolVersionId, setProtocolVersionId] = useState(first ?? '');
  const [language, setLanguage] = useState<ConsentLanguage>('zh-CN');
  const [versionLabel, setVersionLabel] = useState('');
  const [title, setTitle] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [parts, setParts] = useState<OptionalPart[]>([]);
  const setPart = (i: number, patch: Partial<OptionalPart>) => setParts(parts.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        protocolVersionId,
        language,
        versionLabel: versionLabel.trim(),
        title: title.trim(),
        ...(effectiveFrom ? { effectiveFrom } : {}),
        optionalParts: parts.map((p) => ({ code: p.code.trim(), label: p.label.trim() })),
      },
      {
        onSuccess: () => {
          setVersionLabel('');
          setTitle('');
          setEffectiveFrom('');
          setParts([]);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md">
      <Stack component="form" onSubmit={submit} gap="sm" data-testid="consent-document-form">
        <Title order={5}>{t('clinical.consent.documents.add')}</Title>
        <ProblemAlert error={create.error} />
        <Group align="flex-start" grow>
          <NativeSelect
            label={t('clinical.consent.documents.protocol')}
            data={versions.map((v) => ({
              value: v.id,
              label: `${t('clinical.common.version', { version: v.version })} · ${t(`clinical.common.protocolStatus.${v.status}`)}`,
            }))}
            value={protocolVersionId}
            onChange={(e) => setProtocolVersionId(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('clinical.consent.documents.language')}
            data={CONSENT_LANGUAGES.map((l) => ({ value: l, label: t(`clinical.consent.language.${l}`) }))}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as ConsentLanguage)}
            error={fieldError(create.error, 'language')}
            data-testid="consent-document-language"
          />
          <TextInput
            label={t('clinical.consent.documents.versionLabel')}
            description={t('clinical.consent.documents.versionLabelHint')}
            value={versionLabel}
            onChange={(e) => setVersionLabel(e.currentTarget.value)}
            required
            error={fieldError(create.error, 'versionLabel')}
            data-testid="consent-document-label"
          />
        </Group>
        <Group align="flex-start" grow>
          <TextInput
            label={t('clinical.consent.documents.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            error={fieldError(create.error, 'title')}
            data-testid="consent-document-title"
          />
          <TextInput
            type="date"
            label={t('clinical.consent.documents.effectiveFrom')}
            description={t('clinical.consent.documents.effectiveFromHint')}
            value={effectiveFrom}
            onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
            error={fieldError(create.error, 'effectiveFrom')}
          />
        </Group>
        <Text size="sm" fw={600}>
          {t('clinical.consent.documents.optionalParts')}
        </Text>
        {parts.map((p, i) => (
          <Group key={i} align="flex-end">
            <TextInput
              label={t('clinical.consent.documents.partCode')}
              description={t('clinical.consent.documents.partCodeHint')}
              value={p.code}
              onChange={(e) => setPart(i, { code: e.currentTarget.value.toLowerCase() })}
              required
              error={fieldError(create.error, `optionalParts.${i}.code`)}
            />
            <TextInput
              label={t('clinical.consent.documents.partLabel')}
              value={p.label}
              onChange={(e) => setPart(i, { label: e.currentTarget.value })}
              required
              style={{ flex: 1 }}
              error={fieldError(create.error, `optionalParts.${i}.label`)}
            />
            <Button variant="default" onClick={() => setParts(parts.filter((_, j) => j !== i))}>
              {t('clinical.common.remove')}
            </Button>
          </Group>
        ))}
        <Group justify="space-between">
          <Button variant="default" onClick={() => setParts([...parts, { code: '', label: '' }])} data-testid="add-optional-part">
            {t('clinical.consent.documents.addPart')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="consent-document-submit">
            {t('clinical.consent.documents.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ApproveDocument({ document }: { document: ConsentDocument }) {
  const { t } = useTranslation();
  const approve = useApproveConsentDocument(document.id);
  const [open, setOpen] = useState(false);
  const [signing, setSigning] = useState(false);
  const [approvedOn, setApprovedOn] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const close = () => {
    approve.reset();
    setOpen(false);
  };
  return (
    <>
      <Button size="xs" onClick={() => setOpen(true)} data-testid="consent-document-approve">
        {t('clinical.consent.documents.approve')}
      </Button>
      <Modal opened={open && !signing} onClose={close} title={t('clinical.consent.documents.approveTitle', { label: document.versionLabel })} centered>
        <Stack
          component="form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (approvedOn) setSigning(true);
          }}
        >
          <Text size="sm">{t('clinical.consent.documents.approveHint')}</Text>
          <ProblemAlert error={approve.error} />
          <TextInput
            type="date"
            label={t('clinical.consent.documents.approvedOn')}
            value={approvedOn}
            onChange={(e) => setApprovedOn(e.currentTarget.value)}
            required
            error={fieldError(approve.error, 'approvedOn')}
            data-testid="consent-document-approved-on"
          />
          <TextInput
            type="date"
            label={t('clinical.consent.documents.effectiveFrom')}
            description={t('clinical.consent.documents.effectiveFromHint')}
            value={effectiveFrom}
            onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
            error={fieldError(approve.error, 'effectiveFrom')}
          />
          <FormActions
            onCancel={close}
            submitLabel={t('clinical.consent.documents.signApproval')}
            loading={false}
            disabled={!approvedOn}
            testId="consent-document-approve-next"
          />
        </Stack>
      </Modal>
      <SignDialog
        opened={signing}
        onClose={() => setSigning(false)}
        record={`${document.versionLabel} · ${document.title}`}
        meanings={['consentDocumentApproved']}
        onSign={async (signature) => {
          const approved = await approve.mutateAsync({ approvedOn, ...(effectiveFrom ? { effectiveFrom } : {}), signature });
          setOpen(false);
          if (approved.reconsentMarked > 0)
            notifications.show({ color: 'orange', message: t('clinical.consent.documents.reconsentMarked', { n: approved.reconsentMarked }) });
        }}
      />
    </>
  );
}
