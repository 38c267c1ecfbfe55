/**
 * Certificates of analysis of the batch: every issued version to download (earlier ones stay available),
 * a warning when the batch now states something the latest version does not, and the signed amendment.
 */
import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { SignDialog } from '../../components/SignDialog';
import { COA_AMENDMENT_MEANINGS } from '../../components/signatureMeanings';
import { RefusalAlert } from '../manufacturing/common/RefusalAlert';
import { useSignFlow } from '../manufacturing/common/useSignFlow';
import { coaPdfUrl, useAmendCoa } from './release.api';
import type { ReleaseCheck } from './release.types';

function Amend({ check }: { check: ReleaseCheck }) {
  const { t } = useTranslation();
  const flow = useSignFlow();
  const amend = useAmendCoa(check.batchId);
  const [reason, setReason] = useState('');
  return (
    <Stack gap="xs">
      <RefusalAlert error={flow.refusal} testId="coa-amend-error" />
      <Group align="flex-end">
        <TextInput
          label={t('release.coa.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          w={360}
          data-testid="coa-amend-reason"
        />
        <Button onClick={flow.open} disabled={!reason.trim()} data-testid="coa-amend">
          {t('release.coa.amend')}
        </Button>
      </Group>
      <SignDialog
        key={flow.dialogKey}
        opened={flow.opened}
        onClose={flow.close}
        record={t('release.coa.record', { batch: check.batchNumber })}
        meanings={COA_AMENDMENT_MEANINGS}
        onSign={(signature) => flow.sign(() => amend.mutateAsync({ reason: reason.trim(), signature }))}
      />
    </Stack>
  );
}

export function CoaPanel({ check }: { check: ReleaseCheck }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const versions = check.coaVersions;
  const latest = versions.at(-1);
  return (
    <Card withBorder data-testid="coa-panel">
      <Stack>
        <Title order={4}>{t('release.coa.title')}</Title>
        {!latest ? (
          <Text size="sm" c="dimmed" data-testid="coa-none">
            {t('release.coa.none')}
          </Text>
        ) : (
          <>
            <Anchor href={coaPdfUrl(check.batchId)} target="_blank" fw={600} data-testid="coa-download">
              {t('release.coa.download', { version: latest.version })}
            </Anchor>
            {latest.outdated && (
              <Alert color="yellow" variant="light" data-testid="coa-outdated">
                {t('release.coa.outdated', { version: latest.version })}
              </Alert>
            )}
            <Table withTableBorder fz="sm" data-testid="coa-versions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('release.coa.version')}</Table.Th>
                  <Table.Th>{t('release.coa.issued')}</Table.Th>
                  <Table.Th>{t('release.coa.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.map((v) => (
                  <Table.Tr key={v.version}>
                    <Table.Td>
                      <Anchor
                        href={coaPdfUrl(check.batchId, v.version)}
                        target="_blank"
                        data-testid={`coa-version-${v.version}`}
                      >
                        v{v.version}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <DateTime value={v.issuedAt} /> · {v.issuedBy}
                    </Table.Td>
                    <Table.Td>{v.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {can('coa:amend') && latest.outdated && <Amend check={check} />}
          </>
        )}
      </Stack>
    </Card>
  );
}
