/** The quality area's own tabs: overview, deviations, CAPA, change control. */
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const TABS = [
  ['/quality/overview', 'quality.overview.tab'],
  ['/quality/deviations', 'quality.deviation.tab'],
  ['/quality/capas', 'quality.capa.tab'],
  ['/quality/change-controls', 'quality.change.tab'],
] as const;

export function QualityNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = [...TABS].reverse().find(([path]) => pathname.startsWith(path))?.[0] ?? '/quality/overview';
  return (
    <Tabs value={active} onChange={(v) => v && void navigate(v)} mb="md">
      <Tabs.List>
        {TABS.map(([path, key]) => (
          <Tabs.Tab key={path} value={path} data-testid={`quality-tab-${path.split('/').pop()}`}>
            {t(key)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
