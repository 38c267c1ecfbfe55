/**
 * The genealogy of a lot as a tree: forward (every batch, produced lot and patient order the lot went
 * into) or backward (every lot and collection that went into it). Built from the trace's nodes and edges;
 * a node reached twice is shown once in full and then as a reference, so a shared lot never loops.
 */
import { Anchor, Badge, Box, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { EmptyHint, QueryView } from '../../../components/states';
import type { Trace, TraceDirection, TraceKind } from '../materials.types';
import { useTrace } from './materials.api';

const KIND_COLORS: Record<TraceKind, string> = { lot: 'teal', batch: 'blue', order: 'grape', collection: 'orange' };

export interface TreeNode {
  kind: TraceKind;
  id: string;
  label: string;
  children: TreeNode[];
  /** Already shown elsewhere in the tree: drawn as a reference without children. */
  repeated: boolean;
}

/**
 * The trace as a tree rooted at the lot. Edges read "went into" (from → to); a backward trace walks them
 * against that sense, unless the server already turned them (an edge leaves the root).
 */
export function traceTree(trace: Trace): TreeNode {
  const byId = new Map(trace.nodes.map((n) => [n.id, n]));
  const turned = trace.direction === 'backward' && !trace.edges.some((e) => e.from === trace.root.id);
  const next = new Map<string, string[]>();
  for (const e of trace.edges) {
    const [a, b] = turned ? [e.to, e.from] : [e.from, e.to];
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  const seen = new Set<string>();
  const build = (id: string, kind: TraceKind, label: string): TreeNode => {
    if (seen.has(id)) return { kind, id, label, children: [], repeated: true };
    seen.add(id);
    const children = (next.get(id) ?? []).flatMap((childId) => {
      const n = byId.get(childId);
      return n ? [build(n.id, n.kind, n.label)] : [];
    });
    return { kind, id, label, children, repeated: false };
  };
  return build(trace.root.id, trace.root.kind, trace.root.label);
}

function NodeLink({ node }: { node: TreeNode }) {
  const { can } = useSession();
  const label = (
    <Text span ff="monospace" fw={600} size="sm">
      {node.label}
    </Text>
  );
  const to: Record<TraceKind, string | null> = {
    lot: `/manufacturing/lots/${node.id}`,
    batch: `/manufacturing/batches/${node.id}`,
    order: can('orders:read') ? `/orders/${node.id}` : null,
    collection: can('collections:read') ? `/collections/${node.id}` : null,
  };
  const target = to[node.kind];
  return target ? (
    <Anchor component={Link} to={target} c="teal.8">
      {label}
    </Anchor>
  ) : (
    label
  );
}

function Branch({ node, depth }: { node: TreeNode; depth: number }): ReactNode {
  const { t } = useTranslation();
  return (
    <Box
      component="li"
      data-testid="trace-node"
      data-kind={node.kind}
      data-id={node.id}
      data-depth={depth}
      style={{ listStyle: 'none' }}
    >
      <Group gap="xs" py={4}>
        <Badge color={KIND_COLORS[node.kind]} variant="light" miw={72}>
          {t(`mfg.trace.kind.${node.kind}`)}
        </Badge>
        <NodeLink node={node} />
        {node.repeated && (
          <Text size="xs" c="dimmed">
            {t('mfg.trace.repeated')}
          </Text>
        )}
      </Group>
      {node.children.length > 0 && (
        <Box component="ul" pl="lg" ml={10} my={0} style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
          {node.children.map((c, i) => (
            <Branch key={`${c.id}:${i}`} node={c} depth={depth + 1} />
          ))}
        </Box>
      )}
    </Box>
  );
}

export function TraceView({ trace }: { trace: Trace }) {
  const { t } = useTranslation();
  const tree = traceTree(trace);
  const counts = trace.nodes.reduce<Partial<Record<TraceKind, number>>>(
    (acc, n) => (n.id === trace.root.id ? acc : { ...acc, [n.kind]: (acc[n.kind] ?? 0) + 1 }),
    {},
  );
  return (
    <Stack gap="xs" data-testid="trace-tree" data-direction={trace.direction} data-nodes={trace.nodes.length}>
      <Group gap="xs">
        {(Object.keys(counts) as TraceKind[]).map((k) => (
          <Badge key={k} color={KIND_COLORS[k]} variant="outline">
            {t(`mfg.trace.kind.${k}`)} · {counts[k]}
          </Badge>
        ))}
      </Group>
      {tree.children.length === 0 ? (
        <EmptyHint
          title={t(`mfg.trace.empty.${trace.direction}`)}
          description={t('mfg.trace.emptyHint')}
          testId="trace-empty"
        />
      ) : (
        <Box component="ul" p={0} m={0}>
          <Branch node={tree} depth={0} />
        </Box>
      )}
    </Stack>
  );
}

export function GenealogyPanel({ lotId }: { lotId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [direction, setDirection] = useState<TraceDirection>('forward');
  const query = useTrace(lotId, direction, can('batches:read'));
  if (!can('batches:read')) return null;
  return (
    <Stack data-testid="genealogy">
      <Group justify="space-between">
        <Text fw={600}>{t(`mfg.trace.hint.${direction}`)}</Text>
        <SegmentedControl
          value={direction}
          onChange={(v) => setDirection(v as TraceDirection)}
          data={[
            { value: 'forward', label: t('mfg.trace.forward') },
            { value: 'backward', label: t('mfg.trace.backward') },
          ]}
          data-testid="trace-direction"
        />
      </Group>
      <QueryView query={query}>{(trace) => <TraceView trace={trace} />}</QueryView>
    </Stack>
  );
}
