/**
 * One study's set-up (coordinator; the investigator approves): protocol versions, arms, eligibility
 * criteria, visit schedule, consent documents, registrations and ethics approvals. The tabs of a version
 * (arms, criteria, schedule) show the version chosen above them; only a draft can be edited, the effective
 * version and superseded ones are read-only.
 */
import { Alert, Anchor, Group, NativeSelect, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryView } from '../../../components/states';
import { useStudy } from '../clinical.api';
import type { ProtocolVersion } from '../clinical.types';
import { ConsentDocumentsTab } from '../consent/ConsentDocumentsTab';
import { PROTOCOL_TONE, StatusBadge } from '../StatusBadge';
import { EthicsTab, currentEthics } from './EthicsTab';
import { ArmsTab, CriteriaTab, VersionsTab } from './ProtocolPanels';
import { RegistrationsTab } from './RegistrationsTab';
import { useEthicsApprovals, useProtocols } from './setup.api';
import { VisitScheduleTab } from './VisitScheduleTab';

/** The version shown first: the draft being prepared, else the effective one, else the newest. */
export function defaultVersion(items: ProtocolVersion[]): ProtocolVersion | undefined {
  return items.find((v) => v.status === 'draft') ?? items.find((v) => v.status === 'effective') ?? items[0];
}

export function StudyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const study = useStudy(id);
  const protocols = useProtocols(id);
  const [chosen, setChosen] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('versions');
  return (
    <QueryView query={study}>
      {(s) => (
        <Stack data-testid="study-page">
          <PageHeader title={`${s.code} · ${s.title}`} />
          <Group gap="md">
            <Text size="sm">{t(`indication.${s.indication}`)}</Text>
            <Anchor component={Link} to={`/clinical/studies/${s.id}/screening`} size="sm" data-testid="open-screening-log">
              {t('clinical.setup.studies.screeningLog')}
            </Anchor>
          </Group>
          <EthicsBanner studyId={s.id} effective={protocols.data?.items.find((v) => v.status === 'effective')} />
          <QueryView query={protocols}>
            {(data) => {
              const version = data.items.find((v) => v.id === chosen) ?? defaultVersion(data.items);
              return (
                <Stack>
                  {version && (
                    <Group align="flex-end">
                      <NativeSelect
                        label={t('clinical.setup.versions.shown')}
                        data={data.items.map((v) => ({
                          value: v.id,
                          label: `${t('clinical.common.version', { version: v.version })} · ${t(`clinical.common.protocolStatus.${v.status}`)}`,
                        }))}
                        value={version.id}
                        onChange={(e) => setChosen(e.currentTarget.value)}
                        data-testid="version-select"
                      />
                      <StatusBadge tone={PROTOCOL_TONE[version.status] ?? 'neutral'} testId="version-status">
                        {t(`clinical.common.protocolStatus.${version.status}`)}
                      </StatusBadge>
                      {version.status !== 'draft' && <Text size="sm">{t('clinical.setup.versions.readOnly')}</Text>}
                    </Group>
                  )}
                  <Tabs value={tab} onChange={setTab} keepMounted={false}>
                    <Tabs.List>
                      <Tabs.Tab value="versions" data-testid="tab-versions">
                        {t('clinical.setup.tabs.versions')}
                      </Tabs.Tab>
                      <Tabs.Tab value="arms" data-testid="tab-arms" disabled={!version}>
                        {t('clinical.setup.tabs.arms')}
                      </Tabs.Tab>
                      <Tabs.Tab value="criteria" data-testid="tab-criteria" disabled={!version}>
                        {t('clinical.setup.tabs.criteria')}
                      </Tabs.Tab>
                      <Tabs.Tab value="schedule" data-testid="tab-schedule" disabled={!version}>
                        {t('clinical.setup.tabs.schedule')}
                      </Tabs.Tab>
                      <Tabs.Tab value="consent" data-testid="tab-consent-documents">
                        {t('clinical.setup.tabs.consent')}
                      </Tabs.Tab>
                      <Tabs.Tab value="registrations" data-testid="tab-registrations">
                        {t('clinical.setup.tabs.registrations')}
                      </Tabs.Tab>
                      <Tabs.Tab value="ethics" data-testid="tab-ethics">
                        {t('clinical.setup.tabs.ethics')}
                      </Tabs.Tab>
                    </Tabs.List>
                    <Tabs.Panel value="versions" pt="md">
                      <VersionsTab studyId={s.id} versions={data.items} shown={version} onShow={setChosen} />
                    </Tabs.Panel>
                    {version && (
                      <>
                        <Tabs.Panel value="arms" pt="md">
                          <ArmsTab key={version.id} version={version} />
                        </Tabs.Panel>
                        <Tabs.Panel value="criteria" pt="md">
                          <CriteriaTab key={version.id} version={version} />
                        </Tabs.Panel>
                        <Tabs.Panel value="schedule" pt="md">
                          <VisitScheduleTab key={version.id} version={version} />
                        </Tabs.Panel>
                      </>
                    )}
                    <Tabs.Panel value="consent" pt="md">
                      <ConsentDocumentsTab studyId={s.id} versions={data.items} />
                    </Tabs.Panel>
                    <Tabs.Panel value="registrations" pt="md">
                      <RegistrationsTab studyId={s.id} />
                    </Tabs.Panel>
                    <Tabs.Panel value="ethics" pt="md">
                      <EthicsTab studyId={s.id} versions={data.items} />
                    </Tabs.Panel>
                  </Tabs>
                </Stack>
              );
            }}
          </QueryView>
        </Stack>
      )}
    </QueryView>
  );
}

/** Red when the study's current ethics approval has expired or is missing: screening and enrollment are blocked. */
function EthicsBanner({ studyId, effective }: { studyId: string; effective: ProtocolVersion | undefined }) {
  const { t } = useTranslation();
  const ethics = useEthicsApprovals(studyId);
  if (!effective || !ethics.data) return null;
  const current = currentEthics(ethics.data.items, effective.id);
  if (current && !current.expired) return null;
  return (
    <Alert color="red" variant="outline" role="alert" data-testid="ethics-blocked" title={t('clinical.setup.ethics.blockedTitle')}>
      <Text size="sm">
        {current
          ? t('clinical.setup.ethics.expiredBlocks', {
              number: current.approvalNumber,
              committee: current.committee,
              date: current.expiresOn,
            })
          : t('clinical.setup.ethics.missingBlocks', { version: effective.version })}
      </Text>
    </Alert>
  );
}
