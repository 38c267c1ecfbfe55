/**
 * Specifications: the list per product and version, one version with its tests and acceptance criteria,
 * and QA approval with a signature (never by the draft's author; approving supersedes the effective one).
 */
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { SignaturesList } from '../../components/SignaturesList';
import { SPECIFICATION_APPROVAL_MEANINGS } from '../../components/signatureMeanings';
import { QueryView } from '../../components/states';
import { useApproveSpecification, useSpecification, useSpecifications } from './qc.api';
import type { Specification, SpecificationStatus } from './qc.types';
import { ListTable } from './ListOrEmpty';
import { QcNav } from './QcNav';
import { SignedStep } from './SignedStep';

const STATUS_COLOR: Record<SpecificationStatus, string> = { draft: 'yellow', effective: 'teal', superseded: 'gray' };

function SpecStatus({ status }: { status: SpecificationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="spec-status">
      {t(`qc.specs.status.${status}`)}
    </Badge>
  );
}

export function SpecificationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = useSpecifications();
  return (
    <Stack data-testid="specs-list">
      <PageHeader
        title={t('qc.specs.title')}
        hint={t('qc.specs.hint')}
        action={
          can('specifications:write') && { label: t('qc.specs.new'), testId: 'spec-new', to: '/qc/specifications/new' }
        }
      />
      <QcNav />
      <ListTable
        query={query}
        empty={t('qc.specs.empty')}
        rowKey={(s) => s.id}
        columns={[
          {
            cell: (s) => (
              <Anchor component={Link} to={`/qc/specifications/${s.id}`}>
                {s.product}
              </Anchor>
            ),
          },
          { cell: (s) => `v${s.version}` },
          { cell: (s) => <SpecStatus status={s.status} /> },
          { cell: (s) => t('qc.specs.testCount', { count: s.tests.length }) },
          { cell: (s) => <DateTime value={s.effectiveAt} /> },
        ]}
      />
    </Stack>
  );
}

function Approval({ spec }: { spec: Specification }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const approve = useApproveSpecification(spec.id);
  return (
    <SignedStep
      gap="xs"
      refusalTestId="spec-approve-refusal"
      record={t('qc.specs.signRecord', { product: spec.product, version: spec.version })}
      meanings={SPECIFICATION_APPROVAL_MEANINGS}
      onSign={(signature) => approve.mutateAsync(signature)}
    >
      {(openSign) => (
        <>
          {spec.createdBy === me.user.username && (
            <Alert color="yellow" data-testid="spec-author-note">
              {t('qc.specs.authorNote')}
            </Alert>
          )}
          <Group>
            <Button color="teal" onClick={openSign} data-testid="spec-approve">
              {t('qc.specs.approve')}
            </Button>
          </Group>
        </>
      )}
    </SignedStep>
  );
}

export function SpecTestsTable({ spec }: { spec: Pick<Specification, 'tests'> }) {
  const { t } = useTranslation();
  return (
    <Table data-testid="spec-tests">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('qc.test')}</Table.Th>
          <Table.Th>{t('qc.specs.method')}</Table.Th>
          <Table.Th>{t('qc.criterion')}</Table.Th>
          <Table.Th>{t('qc.specs.qualification')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {spec.tests.map((x) => (
          <Table.Tr key={x.code}>
            <Table.Td>
              <Text span ff="monospace" fw={600}>
                {x.code}
              </Text>{' '}
              {x.name}{' '}
              {x.lateResultAllowed && (
                <Badge size="xs" variant="outline">
                  {t('qc.late')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{x.method ?? '—'}</Table.Td>
            <Table.Td data-testid={`spec-criterion-${x.code}`}>{x.criterion}</Table.Td>
            <Table.Td ff="monospace">{x.qualification ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function SpecificationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const query = useSpecification(id);
  return (
    <Stack data-testid="spec-detail">
      <Anchor component={Link} to="/qc/specifications" size="sm">
        ← {t('qc.specs.title')}
      </Anchor>
      <QueryView query={query}>
        {(spec) => (
          <Stack>
            <Group justify="space-between">
              <Group>
                <Title order={2}>
                  {spec.product} v{spec.version}
                </Title>
                <SpecStatus status={spec.status} />
              </Group>
              {spec.status === 'effective' && can('specifications:write') && (
                <Button
                  variant="default"
                  component={Link}
                  to={`/qc/specifications/new?from=${spec.id}`}
                  data-testid="spec-new-version"
                >
                  {t('qc.specs.newVersion')}
                </Button>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t('qc.specs.createdBy', { user: spec.createdBy })}
            </Text>
            <Text size="sm" data-testid="spec-shelf-life-value">
              {t('qc.specs.shelfLife')}:{' '}
              {spec.shelfLifeDays == null
                ? t('qc.specs.noShelfLife')
                : t('qc.specs.shelfLifeValue', { days: spec.shelfLifeDays })}
            </Text>
            <SpecTestsTable spec={spec} />
            {spec.status === 'draft' && can('specifications:write') && <Approval spec={spec} />}
            <SignaturesList signatures={spec.signatures} />
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
