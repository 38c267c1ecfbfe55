/** The order's story, oldest first: creation, collections, custody hand-overs, exceptions, and later steps. */
import { Anchor, Code, Group, Text, ThemeIcon, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineItem } from '../../api/types';
import { useTimeZone } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { EmptyHint, QueryView } from '../../components/states';
import { formatDateTime } from '../../lib/time';
import { useTimeline } from './orders.api';
import { isShownDetail, timelineSummary } from './timelineText';

const KIND_COLORS: Record<string, string> = {
  custody_exception: 'red',
  collection: 'cyan',
  custody: 'teal',
  order_created: 'blue',
  manufacturing_started: 'indigo',
  manufacturing_completed: 'indigo',
  release: 'green',
  temperature_excursion: 'red',
  bedside_verification: 'grape',
  infusion: 'grape',
};
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function DetailValue({ value }: { value: unknown }) {
  const tz = useTimeZone();
  if (value === null || value === undefined || value === '') return <>—</>;
  if (typeof value === 'string' && ISO_TIME.test(value)) return <>{formatDateTime(value, tz)}</>;
  if (typeof value === 'object') return <Code>{JSON.stringify(value)}</Code>;
  return <>{String(value)}</>;
}

function Details({ kind, details }: { kind: string; details: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(details).filter(
    ([k, v]) => v !== null && v !== undefined && v !== '' && isShownDetail(kind, k),
  );
  if (entries.length === 0) return null;
  const collectionId = typeof details.collectionId === 'string' ? details.collectionId : undefined;
  return (
    <Group gap={4} mt={4} style={{ columnGap: 16 }} data-testid="timeline-details">
      {entries.map(([key, value]) => (
        <Text key={key} size="xs" c="dimmed">
          {t(`detailKey.${key}`, { defaultValue: key })}
          {t('common.colon')}
          <Text
            span
            size="xs"
            c="dark"
            ff={key.toLowerCase().includes('din') || key === 'coi' ? 'monospace' : undefined}
          >
            {key === 'din' && collectionId ? (
              <Anchor component={Link} to={`/collections/${collectionId}`} size="xs" ff="monospace">
                {String(value)}
              </Anchor>
            ) : (
              <DetailValue value={value} />
            )}
          </Text>
        </Text>
      ))}
    </Group>
  );
}

function sortOldestFirst(items: TimelineItem[]): TimelineItem[] {
  return [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function TimelineView({ items }: { items: TimelineItem[] }) {
  const { t } = useTranslation();
  const sorted = sortOldestFirst(items);
  return (
    <Timeline active={sorted.length - 1} bulletSize={18} lineWidth={2} data-testid="order-timeline">
      {sorted.map((item, i) => (
        <Timeline.Item
          key={`${item.at}-${item.kind}-${i}`}
          color={KIND_COLORS[item.kind] ?? 'gray'}
          bullet={
            item.kind === 'custody_exception' ? (
              <ThemeIcon size={18} color="red" radius="xl">
                !
              </ThemeIcon>
            ) : undefined
          }
          title={t(`timelineKind.${item.kind}`, { defaultValue: item.kind })}
          data-testid="timeline-item"
          data-kind={item.kind}
        >
          <Text size="xs" c="dimmed" data-testid="timeline-time">
            <DateTime value={item.at} />
          </Text>
          <Text size="sm" c={item.kind === 'custody_exception' ? 'red.8' : undefined} data-testid="timeline-summary">
            {timelineSummary(item, t)}
          </Text>
          {item.details && <Details kind={item.kind} details={item.details} />}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

export function OrderTimeline({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const query = useTimeline(orderId);
  return (
    <QueryView query={query}>
      {(data) =>
        data.items.length > 0 ? (
          <TimelineView items={data.items} />
        ) : (
          <EmptyHint title={t('orders.timelineEmpty')} description={t('orders.timelineEmptyHint')} />
        )
      }
    </QueryView>
  );
}
