/**
 * One master batch record version: its steps; edit while draft, a new version from an effective one,
 * QA approval with an electronic signature (refused when the approver wrote the draft), the versions of
 * the same code and the signatures.
 */
import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { Field } from '../../../components/Field';
import { SignDialog } from '../../../components/SignDialog';
import { SignaturesList } from '../../../components/SignaturesList';
import { PROCESS_APPROVAL_MEANINGS } from '../../../components/signatureMeanings';
import { QueryView } from '../../../components/states';
import { StatusBadge } from '../common/badges';
import { RefusalAlert } from '../common/RefusalAlert';
import { useSignFlow } from '../common/useSignFlow';
import type { Process } from '../processes.types';
import { useApproveProcess, useProcess, useProcesses } from './processes.api';
import { StepsView } from './StepsView';

function Versions({ process }: { process: Process }) {
  const { t } = useTranslation();
  const query = useProcesses({ code: process.code });
  const others = (query.data?.items ?? []).filter((p) => p.id !== process.id).sort((a, b) => b.version - a.version);
  if (others.length === 0) return null;
  return (
    <Group gap="sm" data-testid="process-versions">
      <Text size="sm" c="dimmed">
        {t('mfg.process.otherVersions')}
      </Text>
      {others.map((p) => (
        <Anchor key={p.id} component={Link} to={`/manufacturing/processes/${p.id}`} size="sm">
          v{p.version} · {t(`mfg.processStatus.${p.status}`)}
        </Anchor>
      ))}
    </Group>
  );
}

function Approval({ process }: { process: Process }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const approve = useApproveProcess(process.id);
  const flow = useSignFlow();
  const isAuthor = process.createdBy === me.user.username || process.createdBy === me.user.id;
  return (
    <Stack gap="xs">
      <RefusalAlert error={flow.refusal} testId="approve-error" />
      {isAuthor && (
        <Alert color="yellow" variant="light" data-testid="approve-author-note">
          {t('mfg.process.authorNote')}
        </Alert>
      )}
      <SignDialog
        key={flow.dialogKey}
        opened={flow.opened}
        onClose={flow.close}
        record={t('mfg.process.signRecord', { code: process.code, version: process.version, name: process.name })}
        meanings={PROCESS_APPROVAL_MEANINGS}
        onSign={(signature) => flow.sign(() => approve.mutateAsync(signature))}
      />
      <Group>
        <Button color="teal" onClick={flow.open} data-testid="process-approve">
          {t('mfg.process.approve')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ProcessDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const query = useProcess(id);
  return (
    <Stack data-testid="process-detail">
      <Anchor component={Link} to="/manufacturing/processes" size="sm">
        ← {t('mfg.process.pageTitle')}
      </Anchor>
      <QueryView query={query}>
        {(p) => (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="sm">
                  <Text ff="monospace" fw={700} size="lg" data-testid="process-code-value">
                    {p.code} v{p.version}
                  </Text>
                  <StatusBadge kind="processStatus" value={p.status} size="lg" testId="process-status" />
                </Group>
                <Title order={2}>{p.name}</Title>
              </div>
              <Group>
                {p.status === 'draft' && can('processes:write') && (
                  <Button
                    variant="default"
                    component={Link}
                    to={`/manufacturing/processes/${p.id}/edit`}
                    data-testid="process-edit"
                  >
                    {t('mfg.process.editDraft')}
                  </Button>
                )}
                {p.status === 'effective' && can('processes:write') && (
                  <Button
                    variant="default"
                    component={Link}
                    to={`/manufacturing/processes/${p.id}/new-version`}
                    data-testid="process-new-version"
                  >
                    {t('mfg.process.newVersion')}
                  </Button>
                )}
              </Group>
            </Group>
            <Card withBorder>
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <Field label={t('mfg.process.product')}>{p.product}</Field>
                <Field label={t('mfg.process.productType')}>
                  {t(`mfg.productType.${p.productType}`, { defaultValue: p.productType })}
                </Field>
                <Field label={t('mfg.process.createdBy')} mono>
                  {p.createdBy}
                </Field>
                <Field label={t('mfg.process.effectiveAt')}>
                  <DateTime value={p.effectiveAt} />
                </Field>
              </SimpleGrid>
            </Card>
            <Versions process={p} />
            {p.status === 'effective' && (
              <Text size="sm" c="dimmed" data-testid="process-frozen-note">
                {t('mfg.process.frozenNote')}
              </Text>
            )}
            {p.status === 'draft' && can('processes:approve') && <Approval process={p} />}
            <Tabs defaultValue="steps" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="steps">{t('mfg.process.stepsTitle', { count: p.steps.length })}</Tabs.Tab>
                <Tabs.Tab value="signatures">{t('signatures.title')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="steps" pt="md">
                <StepsView steps={p.steps} />
              </Tabs.Panel>
              <Tabs.Panel value="signatures" pt="md">
                <SignaturesList signatures={p.signatures ?? []} testId="process-signatures" />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
