/**
 * The tabs of a protocol version: the versions (create the first, approve a draft with the investigator's
 * signature, amend the effective one into a new draft), its arms with the randomization scheme, and its
 * eligibility criteria. A draft is edited here and saved with the reason of the change; any other version is
 * shown read-only.
 */
import {
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { Field } from '../../../components/Field';
import { FormActions } from '../../../components/FormActions';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { ReasonField } from '../../../components/ReasonField';
import { SignDialog } from '../../../components/SignDialog';
import { SignaturesList } from '../../../components/SignaturesList';
import { EmptyHint } from '../../../components/states';
import type { Arm, Criterion, ProtocolVersion, Randomization } from '../clinical.types';
import { PROTOCOL_TONE, StatusBadge } from '../StatusBadge';
import { CriteriaEditor } from './CriteriaEditor';
import { ruleSummary } from './rules';
import {
  useAmendProtocol,
  useApproveProtocol,
  useCreateProtocol,
  useLabAnalytes,
  useUpdateProtocol,
} from './setup.api';
import type { ProtocolFields } from './setup.types';

/** The draft may be edited by this reader. */
function useEditable(version: ProtocolVersion): boolean {
  const { can } = useSession();
  return version.status === 'draft' && can('protocols:write');
}

/** Reason and Save under a draft's form; the server's problem above them. */
function SaveDraft({
  version,
  build,
  testId,
}: {
  version: ProtocolVersion;
  /** The fields to send, or a message saying what to fix first. */
  build: () => ProtocolFields | string;
  testId: string;
}) {
  const { t } = useTranslation();
  const update = useUpdateProtocol(version.id);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = build();
    if (typeof body === 'string') {
      setLocal(body);
      return;
    }
    setLocal(null);
    update.mutate({ ...body, reason: reason.trim() }, { onSuccess: () => setReason('') });
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      {local && <ProblemAlert error={new Error(local)} testId={`${testId}-local-error`} />}
      <ProblemAlert error={update.error} testId={`${testId}-error`} />
      <ReasonField value={reason} onChange={setReason} error={update.error} testId={`${testId}-reason`} />
      <Group justify="flex-end">
        <Button type="submit" loading={update.isPending} disabled={!reason.trim()} data-testid={`${testId}-save`}>
          {t('clinical.setup.versions.saveDraft')}
        </Button>
      </Group>
      {update.isSuccess && !update.isPending && (
        <Text size="sm" role="status" data-testid={`${testId}-saved`}>
          {t('clinical.setup.versions.saved')}
        </Text>
      )}
    </Stack>
  );
}

export function VersionsTab({
  studyId,
  versions,
  shown,
  onShow,
}: {
  studyId: string;
  versions: ProtocolVersion[];
  shown: ProtocolVersion | undefined;
  onShow: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  if (versions.length === 0)
    return can('protocols:write') ? (
      <CreateFirstVersion studyId={studyId} onCreated={onShow} />
    ) : (
      <EmptyHint title={t('clinical.setup.versions.none')} />
    );
  return (
    <Stack>
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid="versions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clinical.setup.versions.version')}</Table.Th>
              <Table.Th>{t('clinical.setup.versions.status')}</Table.Th>
              <Table.Th>{t('clinical.setup.versions.title')}</Table.Th>
              <Table.Th>{t('clinical.setup.versions.approvedAt')}</Table.Th>
              <Table.Th>{t('clinical.setup.versions.supersededAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.id} data-testid="version-row" data-status={v.status} data-version={v.version}>
                <Table.Td>{t('clinical.common.version', { version: v.version })}</Table.Td>
                <Table.Td>
                  <StatusBadge tone={PROTOCOL_TONE[v.status] ?? 'neutral'}>
                    {t(`clinical.common.protocolStatus.${v.status}`)}
                  </StatusBadge>
                </Table.Td>
                <Table.Td>{v.title}</Table.Td>
                <Table.Td>
                  <DateTime value={v.approvedAt} withZone={false} />
                </Table.Td>
                <Table.Td>
                  <DateTime value={v.supersededAt} withZone={false} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant={shown?.id === v.id ? 'filled' : 'default'}
                    onClick={() => onShow(v.id)}
                    aria-pressed={shown?.id === v.id}
                    data-testid="version-show"
                  >
                    {t('clinical.setup.versions.show')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown && <VersionDetail key={shown.id} version={shown} hasDraft={versions.some((v) => v.status === 'draft')} onShow={onShow} />}
    </Stack>
  );
}

function CreateFirstVersion({ studyId, onCreated }: { studyId: string; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateProtocol(studyId);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { ...(title.trim() ? { title: title.trim() } : {}), ...(summary.trim() ? { summary: summary.trim() } : {}) },
      { onSuccess: (v) => onCreated(v.id) },
    );
  };
  return (
    <Paper withBorder p="md">
      <Stack component="form" onSubmit={submit} gap="sm" data-testid="create-protocol-form">
        <Title order={4}>{t('clinical.setup.versions.createTitle')}</Title>
        <Text size="sm">{t('clinical.setup.versions.createHint')}</Text>
        <ProblemAlert error={create.error} />
        <TextInput
          label={t('clinical.setup.versions.title')}
          description={t('clinical.setup.versions.titleDefault')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fieldError(create.error, 'title')}
        />
        <Textarea
          label={t('clinical.setup.versions.summary')}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldError(create.error, 'summary')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} data-testid="create-protocol">
            {t('clinical.setup.versions.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function VersionDetail({
  version,
  hasDraft,
  onShow,
}: {
  version: ProtocolVersion;
  hasDraft: boolean;
  onShow: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const editable = useEditable(version);
  const approve = useApproveProtocol(version.id);
  const [signing, setSigning] = useState(false);
  const [amending, setAmending] = useState(false);
  const [title, setTitle] = useState(version.title);
  const [summary, setSummary] = useState(version.summary ?? '');
  const label = t('clinical.common.version', { version: version.version });
  return (
    <Paper withBorder p="md" data-testid="version-detail">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{label}</Title>
          <Group>
            {version.status === 'draft' && can('protocols:approve') && (
              <Button onClick={() => setSigning(true)} data-testid="approve-version">
                {t('clinical.setup.versions.approve')}
              </Button>
            )}
            {version.status === 'effective' && can('protocols:write') && !hasDraft && (
              <Button variant="default" onClick={() => setAmending(true)} data-testid="amend-version">
                {t('clinical.setup.versions.amend')}
              </Button>
            )}
          </Group>
        </Group>
        {version.status === 'draft' && !can('protocols:approve') && (
          <Text size="sm">{t('clinical.setup.versions.approveHint')}</Text>
        )}
        {editable ? (
          <>
            <TextInput
              label={t('clinical.setup.versions.title')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              data-testid="version-title"
            />
            <Textarea
              label={t('clinical.setup.versions.summary')}
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
              autosize
              minRows={2}
              data-testid="version-summary"
            />
            <SaveDraft
              version={version}
              build={() => ({ title: title.trim(), summary: summary.trim() })}
              testId="version-general"
            />
          </>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Field label={t('clinical.setup.versions.title')}>{version.title}</Field>
            <Field label={t('clinical.setup.versions.summary')}>{version.summary || '—'}</Field>
            <Field label={t('clinical.setup.versions.approvedAt')}>
              <DateTime value={version.approvedAt} />
            </Field>
            <Field label={t('clinical.setup.versions.criteriaCount')}>{version.criteria.length}</Field>
          </SimpleGrid>
        )}
        {version.signatures.length > 0 && <SignaturesList signatures={version.signatures} />}
      </Stack>
      <SignDialog
        opened={signing}
        onClose={() => setSigning(false)}
        record={t('clinical.setup.versions.signRecord', { version: version.version, title: version.title })}
        meanings={['protocolApproved']}
        onSign={(signature) => approve.mutateAsync(signature)}
      />
      <AmendModal version={version} opened={amending} onClose={() => setAmending(false)} onAmended={onShow} />
    </Paper>
  );
}

function AmendModal({
  version,
  opened,
  onClose,
  onAmended,
}: {
  version: ProtocolVersion;
  opened: boolean;
  onClose: () => void;
  onAmended: (id: string) => void;
}) {
  const { t } = useTranslation();
  const amend = useAmendProtocol(version.id);
  const [reason, setReason] = useState('');
  const close = () => {
    amend.reset();
    setReason('');
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    amend.mutate(
      { reason: reason.trim() },
      {
        onSuccess: (draft) => {
          close();
          onAmended(draft.id);
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title={t('clinical.setup.versions.amendTitle', { version: version.version })} centered>
      <Stack component="form" onSubmit={submit} data-testid="amend-form">
        <Text size="sm">{t('clinical.setup.versions.amendHint')}</Text>
        <ProblemAlert error={amend.error} />
        <ReasonField value={reason} onChange={setReason} error={amend.error} testId="amend-reason" />
        <FormActions
          onCancel={close}
          submitLabel={t('clinical.setup.versions.amendSubmit')}
          loading={amend.isPending}
          disabled={!reason.trim()}
          testId="amend-submit"
        />
      </Stack>
    </Modal>
  );
}

/** `4, 6` → [4, 6]; null when a part is not a whole number. */
function parseSizes(text: string): number[] | null {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  const sizes = parts.map(Number);
  return sizes.every((n) => Number.isInteger(n) && n > 0) ? sizes : null;
}

export function ArmsTab({ version }: { version: ProtocolVersion }) {
  const { t } = useTranslation();
  const editable = useEditable(version);
  const [arms, setArms] = useState<Arm[]>(version.arms.map(({ code, name, ratio }) => ({ code, name, ratio })));
  const [blocks, setBlocks] = useState((version.randomization?.blockSizes ?? []).join(', '));
  const [factors, setFactors] = useState(version.randomization?.factors ?? []);
  if (!editable) return <ArmsView version={version} />;
  const setArm = (i: number, patch: Partial<Arm>) => setArms(arms.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const ratioSum = arms.reduce((s, a) => s + (a.ratio || 0), 0);
  const build = (): ProtocolFields | string => {
    let randomization: Randomization | null = null;
    if (blocks.trim() || arms.length > 1) {
      const sizes = parseSizes(blocks);
      if (!sizes || sizes.length === 0) return t('clinical.setup.arms.blocksInvalid');
      randomization = { blockSizes: sizes, factors: factors.filter((f) => f.name.trim()) };
    }
    return { arms: arms.map((a) => ({ code: a.code.trim(), name: a.name.trim(), ratio: a.ratio })), randomization };
  };
  return (
    <Stack data-testid="arms-editor">
      {arms.map((a, i) => (
        <Group key={i} align="flex-end" data-testid="arm-row">
          <TextInput
            label={t('clinical.setup.arms.code')}
            value={a.code}
            onChange={(e) => setArm(i, { code: e.currentTarget.value.toUpperCase() })}
            w={100}
            required
            data-testid="arm-code"
          />
          <TextInput
            label={t('clinical.setup.arms.name')}
            value={a.name}
            onChange={(e) => setArm(i, { name: e.currentTarget.value })}
            required
            style={{ flex: 1 }}
            data-testid="arm-name"
          />
          <NumberInput
            label={t('clinical.setup.arms.ratio')}
            value={a.ratio}
            onChange={(v) => setArm(i, { ratio: typeof v === 'number' ? v : 1 })}
            min={1}
            max={10}
            allowDecimal={false}
            w={100}
            data-testid="arm-ratio"
          />
          <Button
            variant="default"
            onClick={() => setArms(arms.filter((_, j) => j !== i))}
            disabled={arms.length <= 1}
            aria-label={t('clinical.setup.arms.removeNamed', { code: a.code })}
          >
            {t('clinical.common.remove')}
          </Button>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          onClick={() => setArms([...arms, { code: String.fromCharCode(65 + arms.length), name: '', ratio: 1 }])}
          disabled={arms.length >= 10}
          data-testid="add-arm"
        >
          {t('clinical.setup.arms.add')}
        </Button>
      </Group>
      <Title order={5}>{t('clinical.setup.arms.randomization')}</Title>
      <Text size="sm">{t('clinical.setup.arms.randomizationHint', { sum: ratioSum })}</Text>
      <TextInput
        label={t('clinical.setup.arms.blockSizes')}
        description={t('clinical.setup.arms.blockSizesHint')}
        value={blocks}
        onChange={(e) => setBlocks(e.currentTarget.value)}
        w={320}
        data-testid="block-sizes"
      />
      {factors.map((f, i) => (
        <Group key={i} align="flex-end">
          <TextInput
            label={t('clinical.setup.arms.factorName')}
            description={t('clinical.setup.arms.factorNameHint')}
            value={f.name}
            onChange={(e) => setFactors(factors.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))}
          />
          <TagsInput
            label={t('clinical.setup.arms.factorLevels')}
            value={f.levels}
            onChange={(levels) => setFactors(factors.map((x, j) => (j === i ? { ...x, levels } : x)))}
            style={{ flex: 1 }}
          />
          <Button variant="default" onClick={() => setFactors(factors.filter((_, j) => j !== i))}>
            {t('clinical.common.remove')}
          </Button>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          onClick={() => setFactors([...factors, { name: '', levels: [] }])}
          disabled={factors.length >= 4}
          data-testid="add-factor"
        >
          {t('clinical.setup.arms.addFactor')}
        </Button>
      </Group>
      <SaveDraft version={version} build={build} testId="arms" />
    </Stack>
  );
}

function ArmsView({ version }: { version: ProtocolVersion }) {
  const { t } = useTranslation();
  const r = version.randomization;
  return (
    <Stack data-testid="arms-view">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clinical.setup.arms.code')}</Table.Th>
            <Table.Th>{t('clinical.setup.arms.name')}</Table.Th>
            <Table.Th>{t('clinical.setup.arms.ratio')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {version.arms.map((a) => (
            <Table.Tr key={a.id ?? a.code}>
              <Table.Td ff="monospace">{a.code}</Table.Td>
              <Table.Td>{a.name}</Table.Td>
              <Table.Td>{a.ratio}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Field label={t('clinical.setup.arms.randomization')}>
        {r
          ? t('clinical.setup.arms.randomizationSummary', {
              sizes: r.blockSizes.join(t('common.listSeparator')),
              factors: r.factors.length
                ? r.factors.map((f) => `${f.name} (${f.levels.join('/')})`).join(t('common.listSeparator'))
                : t('clinical.common.none'),
            })
          : t('clinical.setup.arms.noRandomization')}
      </Field>
    </Stack>
  );
}

export function CriteriaTab({ version }: { version: ProtocolVersion }) {
  const { t } = useTranslation();
  const editable = useEditable(version);
  const analytes = useLabAnalytes();
  const [criteria, setCriteria] = useState<Criterion[]>(
    version.criteria.map(({ code, kind, text, rule }) => ({ code, kind, text, rule })),
  );
  const update = useUpdateProtocol(version.id);
  if (!editable) return <CriteriaView criteria={version.criteria} />;
  return (
    <Stack>
      <Text size="sm">{t('clinical.setup.criteria.hint')}</Text>
      {analytes.isError && <ProblemAlert error={analytes.error} testId="analytes-error" />}
      <CriteriaEditor
        value={criteria}
        onChange={setCriteria}
        analytes={analytes.data?.items ?? []}
        errorAt={(path) => fieldError(update.error, path)}
      />
      <CriteriaSave version={version} criteria={criteria} update={update} />
    </Stack>
  );
}

/** The criteria's save; shares the mutation with the editor so field errors land on their inputs. */
function CriteriaSave({
  criteria,
  update,
}: {
  version: ProtocolVersion;
  criteria: Criterion[];
  update: ReturnType<typeof useUpdateProtocol>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ criteria, reason: reason.trim() }, { onSuccess: () => setReason('') });
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm">
      <ProblemAlert error={update.error} testId="criteria-error" />
      <ReasonField value={reason} onChange={setReason} error={update.error} testId="criteria-reason" />
      <Group justify="flex-end">
        <Button type="submit" loading={update.isPending} disabled={!reason.trim()} data-testid="criteria-save">
          {t('clinical.setup.versions.saveDraft')}
        </Button>
      </Group>
      {update.isSuccess && !update.isPending && (
        <Text size="sm" role="status" data-testid="criteria-saved">
          {t('clinical.setup.versions.saved')}
        </Text>
      )}
    </Stack>
  );
}

export function CriteriaView({ criteria, extra }: { criteria: Criterion[]; extra?: (c: Criterion) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const analytes = useLabAnalytes();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  if (criteria.length === 0) return <EmptyHint title={t('clinical.setup.criteria.empty')} />;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table data-testid="criteria-view">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clinical.setup.criteria.code')}</Table.Th>
            <Table.Th>{t('clinical.setup.criteria.kind')}</Table.Th>
            <Table.Th>{t('clinical.setup.criteria.text')}</Table.Th>
            <Table.Th>{t('clinical.setup.criteria.rule')}</Table.Th>
            {extra && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {criteria.map((c) => (
            <Table.Tr key={c.id ?? c.code} data-testid="criterion-view-row" data-code={c.code}>
              <Table.Td ff="monospace">{c.code}</Table.Td>
              <Table.Td>{t(`clinical.common.kind.${c.kind}`)}</Table.Td>
              <Table.Td>{c.text}</Table.Td>
              <Table.Td>{ruleSummary(c.rule, t, lng, analytes.data?.items)}</Table.Td>
              {extra && <Table.Td>{extra(c)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
