/** The QC area's own tabs: worklist, OOS investigations, specifications. */
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const TABS = [
  ['/qc', 'qc.worklist.title'],
  ['/qc/oos', 'qc.oos.title'],
  ['/qc/specifications', 'qc.specs.title'],
] as const;

export function QcNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = [...TABS].reverse().find(([path]) => pathname.startsWith(path))?.[0] ?? '/qc';
  return (
    <Tabs value={active} onChange={(v) => v && void navigate(v)}>
      <Tabs.List>
        {TABS.map(([path, key]) => (
          <Tabs.Tab key={path} value={path} data-testid={`qc-tab-${path.split('/').pop()}`}>
            {t(key)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
