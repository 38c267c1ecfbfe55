/**
 * Tabs whose choice is kept in the URL (`?tab=…`), so a link or a reload opens the same tab. The first tab
 * is the default and leaves the URL bare. Panels mount only when shown (their queries run on demand).
 */
import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

export interface UrlTab {
  value: string;
  label: ReactNode;
  testId: string;
  panel: ReactNode;
}

export function UrlTabs({ tabs }: { tabs: UrlTab[] }) {
  const [params, setParams] = useSearchParams();
  const first = tabs[0]?.value;
  const asked = tabs.find((tab) => tab.value === params.get('tab'));
  return (
    <Tabs
      value={asked?.value ?? first ?? null}
      onChange={(v) => setParams(v && v !== first ? { tab: v } : {}, { replace: true })}
      keepMounted={false}
    >
      <Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} data-testid={tab.testId}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value} pt="md">
          {tab.panel}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
