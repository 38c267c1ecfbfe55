/** A CAPA's actions: each with its owner, due date and status; the owner signs completion; further actions can be added while the CAPA is open. */
import { Button, Card, Group, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SignDialog } from '../../components/SignDialog';
import { SignaturesList } from '../../components/SignaturesList';
import { CAPA_ACTION_MEANINGS } from '../../components/signatureMeanings';
import { RefusalAlert } from '../manufacturing/common/RefusalAlert';
import { useSignFlow } from '../manufacturing/common/useSignFlow';
import { bodyError, DateInput, DueDate, OwnerInput, QualityBadge } from './common';
import { useCapaSteps } from './quality.api';
import { ACTION_KINDS, type CapaAction, type CapaDetail, type NewAction } from './quality.types';

export function CapaActions({ capa }: { capa: CapaDetail }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [completing, setCompleting] = useState<CapaAction | null>(null);
  return (
    <Card withBorder data-testid="capa-actions">
      <Stack>
        <Title order={4}>{t('quality.capa.actions')}</Title>
        <Table.ScrollContainer minWidth={800}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('quality.capa.actionDescription')}</Table.Th>
                <Table.Th>{t('quality.owner')}</Table.Th>
                <Table.Th>{t('quality.dueDate')}</Table.Th>
                <Table.Th>{t('quality.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {capa.actions.map((a) => (
                <Table.Tr key={a.id} data-testid="capa-action-row" data-position={a.position} data-status={a.status}>
                  <Table.Td>{a.position}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {t(`quality.actionKind.${a.kind}`)}
                    </Text>
                    <Text size="sm">{a.description}</Text>
                    {a.completionNote && (
                      <Text size="xs" c="dimmed" mt={4}>
                        {a.completionNote} · {a.completedBy} · <DateTime value={a.completedAt} withZone={false} />
                      </Text>
                    )}
                    {a.signatures.length > 0 && <SignaturesList signatures={a.signatures} testId="action-signatures" />}
                  </Table.Td>
                  <Table.Td ff="monospace">{a.owner}</Table.Td>
                  <Table.Td>
                    {a.status === 'completed' ? (
                      <Text size="sm" ff="monospace">
                        {a.dueDate}
                      </Text>
                    ) : (
                      <DueDate date={a.dueDate} overdue={a.overdue} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <QualityBadge kind="actionStatus" value={a.status} />
                      <CompleteButton capa={capa} action={a} onClick={() => setCompleting(a)} />
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {completing && <CompleteAction capa={capa} action={completing} onDone={() => setCompleting(null)} />}
        {can('quality:write') && capa.status !== 'closed' && <AddAction capa={capa} />}
      </Stack>
    </Card>
  );
}

/** Only the action's owner may complete it: the button shows for them alone. */
function CompleteButton({ capa, action, onClick }: { capa: CapaDetail; action: CapaAction; onClick: () => void }) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  if (action.status !== 'open' || capa.status !== 'open' || !can('quality:write') || me.user.username !== action.owner)
    return null;
  return (
    <Button size="compact-sm" variant="light" onClick={onClick} data-testid="action-complete">
      {t('quality.capa.complete')}
    </Button>
  );
}

function CompleteAction({ capa, action, onDone }: { capa: CapaDetail; action: CapaAction; onDone: () => void }) {
  const { t } = useTranslation();
  const { complete } = useCapaSteps(capa.id);
  const flow = useSignFlow();
  const [note, setNote] = useState('');
  return (
    <Card withBorder bg="var(--mantine-color-gray-0)" data-testid="complete-action">
      <Stack>
        <Text fw={600}>{t('quality.capa.completeTitle', { position: action.position })}</Text>
        <RefusalAlert error={flow.refusal} testId="complete-error" />
        <Textarea
          label={t('quality.capa.completionNote')}
          description={t('quality.capa.completionHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          required
          autosize
          maxLength={2000}
          data-testid="completion-note"
        />
        <Group>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button onClick={flow.open} disabled={!note.trim()} data-testid="completion-sign">
            {t('quality.capa.signCompletion')}
          </Button>
        </Group>
        <SignDialog
          key={flow.dialogKey}
          opened={flow.opened}
          onClose={flow.close}
          record={t('quality.capa.completeRecord', { number: capa.number, position: action.position })}
          meanings={CAPA_ACTION_MEANINGS}
          onSign={(signature) =>
            flow.sign(async () => {
              await complete.mutateAsync({ actionId: action.id, note: note.trim(), signature });
              onDone();
            })
          }
        />
      </Stack>
    </Card>
  );
}

function AddAction({ capa }: { capa: CapaDetail }) {
  const { t } = useTranslation();
  const { addAction } = useCapaSteps(capa.id);
  const [a, setA] = useState<NewAction>({ kind: 'corrective', description: '', owner: '', dueDate: '' });
  const err = bodyError(addAction.error);
  return (
    <Stack gap="xs" data-testid="add-action">
      <Text fw={600}>{t('quality.capa.addAction')}</Text>
      <ProblemAlert error={addAction.error} />
      <Group align="flex-start" wrap="nowrap">
        <NativeSelect
          label={t('quality.capa.kind')}
          data={ACTION_KINDS.map((k) => ({ value: k, label: t(`quality.actionKind.${k}`) }))}
          value={a.kind}
          onChange={(e) => setA({ ...a, kind: e.currentTarget.value as NewAction['kind'] })}
        />
        <Textarea
          label={t('quality.capa.actionDescription')}
          value={a.description}
          onChange={(e) => setA({ ...a, description: e.currentTarget.value })}
          autosize
          maxLength={2000}
          error={err('description')}
          style={{ flex: 1 }}
          data-testid="new-action-description"
        />
        <OwnerInput
          label={t('quality.owner')}
          value={a.owner}
          onChange={(owner) => setA({ ...a, owner })}
          error={err('owner')}
          testId="new-action-owner"
        />
        <DateInput
          label={t('quality.dueDate')}
          value={a.dueDate}
          onChange={(dueDate) => setA({ ...a, dueDate })}
          error={err('dueDate')}
          testId="new-action-due"
        />
      </Group>
      <Button
        w="fit-content"
        variant="light"
        loading={addAction.isPending}
        disabled={!a.description.trim() || !a.owner.trim() || !a.dueDate}
        onClick={() =>
          addAction.mutate(
            { ...a, owner: a.owner.trim() },
            { onSuccess: () => setA({ kind: 'corrective', description: '', owner: '', dueDate: '' }) },
          )
        }
        data-testid="new-action-submit"
      >
        {t('quality.capa.addAction')}
      </Button>
    </Stack>
  );
}
