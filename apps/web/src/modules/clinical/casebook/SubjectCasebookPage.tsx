/**
 * A subject's casebook: the header, then one tab per area (consent, visits, labs and scores, adverse events,
 * CRS/ICANS after the infusion, response, product and infusion, long-term follow-up). The tab is kept in the
 * URL (`?tab=labs`). A section whose server module is not built yet says so instead of an empty screen.
 */
import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyHint, QueryView } from '../../../components/states';
import { UrlTabs } from '../../manufacturing/common/UrlTabs';
import { useSubject } from '../clinical.api';
import { LabsTab } from '../labs/LabsTab';
import { AdverseEventsTab } from '../safety/AdverseEventsTab';
import { CrsIcansTab } from '../safety/CrsIcansTab';
import { useCasebook } from './casebook.api';
import type { Casebook } from './casebook.types';
import { CasebookHeader } from './CasebookHeader';
import { ConsentTab } from './ConsentTab';
import { FollowUpTab } from './FollowUpTab';
import { ProductTab } from './ProductTab';
import { ResponseTab } from './ResponseTab';
import { VisitsTab } from './VisitsTab';

export function SubjectCasebookPage() {
  const { id = '' } = useParams();
  const query = useCasebook(id);
  const subject = useSubject(id);
  return (
    <QueryView query={query}>
      {(casebook) => (
        <Stack data-testid="casebook">
          <CasebookHeader casebook={casebook} armCode={subject.data?.armCode} />
          <CasebookTabs casebook={casebook} />
        </Stack>
      )}
    </QueryView>
  );
}

/** Whole years from the birth date to the given instant (FIB-4 needs the age). */
export function ageAt(birthDate: string, at: string): number | undefined {
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate);
  const n = /^(\d{4})-(\d{2})-(\d{2})/.exec(at);
  if (!b || !n) return undefined;
  const [by, bm, bd] = b.slice(1).map(Number) as [number, number, number];
  const [ny, nm, nd] = n.slice(1).map(Number) as [number, number, number];
  return ny - by - (nm < bm || (nm === bm && nd < bd) ? 1 : 0);
}

function CasebookTabs({ casebook }: { casebook: Casebook }) {
  const { t } = useTranslation();
  const id = casebook.subject.id;
  const dins = casebook.product.orders.flatMap((o) => o.infusions.map((i) => i.din));
  const section = (name: string, panel: ReactNode) =>
    casebook.sections[name] === 'not_available' ? (
      <EmptyHint title={t('clinical.casebook.notAvailable')} testId={`section-${name}-not-available`} />
    ) : (
      panel
    );
  const tab = (value: string, panel: ReactNode) => ({
    value,
    label: t(`clinical.casebook.tabs.${value}`),
    testId: `casebook-tab-${value}`,
    panel,
  });
  return (
    <UrlTabs
      tabs={[
        tab('consent', <ConsentTab subjectId={id} casebook={casebook} />),
        tab('visits', section('visits', <VisitsTab subjectId={id} />)),
        tab('labs', section('labs', <LabsTab subjectId={id} sex={casebook.subject.sex} ageYears={ageAt(casebook.subject.birthDate, casebook.generatedAt)} />)),
        tab('adverse-events', <AdverseEventsTab subjectId={id} dins={dins} />),
        tab('crs-icans', <CrsIcansTab subjectId={id} />),
        tab('response', <ResponseTab subjectId={id} />),
        tab('product', <ProductTab orders={casebook.product.orders} />),
        tab('follow-up', section('followUp', <FollowUpTab subjectId={id} />)),
      ]}
    />
  );
}
