/**
 * The electronic signatures on a record (21 CFR 11.50): printed name, username, meaning and time in the
 * site's zone. A signature whose record changed after signing no longer covers it; it is shown in red as
 * INVALIDATED, never hidden, so the history of who signed what stays visible.
 */
import { Alert, Badge, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Signature } from '../api/types';
import { DateTime } from './DateTime';
import { meaningLabelKey, signatureMeaningId } from './signatureMeanings';
import { EmptyHint } from './states';

/** The meaning as the reader's language says it, with the stored (English) wording when that differs. */
function Meaning({ meaning }: { meaning: string }) {
  const { t } = useTranslation();
  const id = signatureMeaningId(meaning);
  const shown = id ? t(meaningLabelKey(id)) : meaning;
  return (
    <>
      <Text size="sm" data-testid="signature-meaning">
        {shown}
      </Text>
      {shown !== meaning && (
        <Text size="xs" c="dimmed" title={t('signatures.recordedMeaning')}>
          {meaning}
        </Text>
      )}
    </>
  );
}

/** Green "Valid" or red "Invalidated" with the reason as a tooltip and as visible text. */
export function SignatureValidity({ valid }: { valid: boolean }) {
  const { t } = useTranslation();
  if (valid)
    return (
      <Badge color="teal" variant="light" data-testid="signature-status">
        {t('signatures.valid')}
      </Badge>
    );
  return (
    <Stack gap={2} align="flex-start">
      <Tooltip label={t('signatures.invalidatedHint')} multiline w={280} withArrow>
        <Badge color="red" variant="filled" data-testid="signature-status">
          {t('signatures.invalidated')}
        </Badge>
      </Tooltip>
      <Text size="xs" c="red.8">
        {t('signatures.invalidatedShort')}
      </Text>
    </Stack>
  );
}

export function SignaturesList({
  signatures,
  testId = 'signatures-list',
}: {
  signatures: Signature[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const invalid = signatures.filter((s) => !s.valid).length;
  return (
    <Stack gap="sm" data-testid={testId} data-count={signatures.length}>
      {signatures.length === 0 ? (
        <EmptyHint title={t('signatures.empty')} description={t('signatures.emptyHint')} testId="signatures-empty" />
      ) : (
        <>
          {invalid > 0 && (
            <Alert
              color="red"
              variant="light"
              title={t('signatures.invalidatedTitle')}
              data-testid="signatures-invalidated"
            >
              <Text size="sm">{t('signatures.invalidatedHint')}</Text>
            </Alert>
          )}
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('signatures.signer')}</Table.Th>
                  <Table.Th>{t('signatures.meaning')}</Table.Th>
                  <Table.Th>{t('signatures.at')}</Table.Th>
                  <Table.Th>{t('signatures.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {signatures.map((s) => (
                  <Table.Tr
                    key={`${s.signer}:${s.at}:${s.meaning}`}
                    data-testid="signature-row"
                    data-valid={String(s.valid)}
                    bg={s.valid ? undefined : 'var(--mantine-color-red-0)'}
                  >
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {s.printedName}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {s.signer}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Meaning meaning={s.meaning} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <DateTime value={s.at} />
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <SignatureValidity valid={s.valid} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

/** Compact state for tables of records: not signed, signed (count) or invalidated. */
export function SignatureSummary({ signatures }: { signatures: Signature[] | undefined }) {
  const { t } = useTranslation();
  const list = signatures ?? [];
  if (list.length === 0)
    return (
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="signature-summary" data-state="unsigned">
        {t('signatures.none')}
      </Text>
    );
  if (list.some((s) => !s.valid))
    return (
      <Tooltip label={t('signatures.invalidatedHint')} multiline w={280} withArrow>
        <Badge color="red" variant="filled" miw="max-content" data-testid="signature-summary" data-state="invalidated">
          {t('signatures.invalidated')}
        </Badge>
      </Tooltip>
    );
  return (
    <Badge color="teal" variant="light" miw="max-content" data-testid="signature-summary" data-state="signed">
      {t('signatures.signedCount', { n: list.length })}
    </Badge>
  );
}
