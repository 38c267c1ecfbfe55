/** One patient: pseudonymous subject code, demographics, identity when allowed, and their orders. */
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Patient } from '../../api/types';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { Field } from '../../components/Field';
import { EmptyHint, QueryView } from '../../components/states';
import { WristbandLink } from '../bedside/WristbandLink';
import { useOrders } from '../orders/orders.api';
import { OrdersTable } from '../orders/OrdersTable';
import { NewOrderModal } from './NewOrderModal';
import { usePatient } from './patients.api';

function PatientCard({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const hasIdentity = patient.name != null || patient.mrn != null;
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Field label={t('patients.subjectCode')} testId="patient-subject-code" mono>
          {patient.subjectCode}
        </Field>
        <Field label={t('patients.sex')}>{t(`sex.${patient.sex}`, { defaultValue: patient.sex })}</Field>
        <Field label={t('patients.birthDate')}>{patient.birthDate}</Field>
        {hasIdentity && <Field label={t('patients.name')}>{patient.name ?? '—'}</Field>}
        {hasIdentity && <Field label={t('patients.mrn')}>{patient.mrn ?? '—'}</Field>}
        <Field label={t('common.createdAt')}>
          <DateTime value={patient.createdAt} />
        </Field>
      </SimpleGrid>
      {!hasIdentity && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('patients.identityHidden')}
        </Text>
      )}
    </Card>
  );
}

function PatientOrders({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const query = useOrders(patientId);
  return (
    <QueryView query={query}>
      {(data) =>
        data.items.length > 0 ? (
          <OrdersTable items={data.items} showSubject={false} />
        ) : (
          <EmptyHint title={t('patients.noOrders')} description={t('patients.noOrdersHint')} />
        )
      }
    </QueryView>
  );
}

export function PatientDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const query = usePatient(id);
  const [ordering, setOrdering] = useState(false);
  return (
    <Stack data-testid="patient-detail">
      <Anchor component={Link} to="/patients" size="sm">
        ← {t('patients.title')}
      </Anchor>
      <QueryView query={query}>
        {(patient) => (
          <Stack>
            <Group justify="space-between">
              <Title order={2}>{t('patients.detailTitle', { code: patient.subjectCode })}</Title>
              <WristbandLink patientId={patient.id} />
            </Group>
            <PatientCard patient={patient} />
            <Group justify="space-between">
              <Title order={3}>{t('patients.orders')}</Title>
              {can('orders:write') && (
                <Button onClick={() => setOrdering(true)} data-testid="order-new">
                  {t('patients.newOrder')}
                </Button>
              )}
            </Group>
            {can('orders:read') && <PatientOrders patientId={patient.id} />}
            <NewOrderModal patientId={patient.id} opened={ordering} onClose={() => setOrdering(false)} />
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
