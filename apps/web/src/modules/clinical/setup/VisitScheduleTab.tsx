/** A protocol version's visit schedule (anchor, day offset, window, assessments; long-term follow-up). */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyHint } from '../../../components/states';
import type { ProtocolVersion } from '../clinical.types';

export function VisitScheduleTab({ version }: { version: ProtocolVersion }) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="visit-schedule-tab" data-version={version.version}>
      <Text size="sm">{t('clinical.setup.schedule.hint')}</Text>
      <EmptyHint title={t('clinical.setup.schedule.pending')} />
    </Stack>
  );
}
