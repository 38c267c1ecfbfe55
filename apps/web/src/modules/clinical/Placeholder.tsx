/** A page of the clinical module that is still being built: says so instead of a blank screen. */
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { EmptyHint } from '../../components/states';

export function Placeholder({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t(titleKey)} />
      <EmptyHint title={t('clinical.common.notYet')} testId="clinical-placeholder" />
    </Stack>
  );
}
