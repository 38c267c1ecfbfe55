/** Chain of custody: record hand-overs with scan-to-verify, look up a DIN's events, review exceptions. */
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { CustodyLookup } from './CustodyEventsList';
import { CustodyExceptionsList } from './CustodyExceptionsList';
import { CustodyForm } from './CustodyForm';

export function CustodyPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [din, setDin] = useState('');
  return (
    <Stack data-testid="custody-page">
      <div>
        <Title order={2}>{t('custody.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('custody.intro')}
        </Text>
      </div>
      {can('custody:write') ? (
        <CustodyForm onRecorded={setDin} />
      ) : (
        <Alert color="gray" variant="light">
          {t('custody.readOnly')}
        </Alert>
      )}
      <CustodyLookup din={din} onDin={setDin} />
      <CustodyExceptionsList />
    </Stack>
  );
}
