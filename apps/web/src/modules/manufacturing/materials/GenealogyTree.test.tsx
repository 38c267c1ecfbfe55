// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../../i18n';
import { renderWithApp } from '../../../test/render';
import type { Trace } from '../materials.types';
import { TraceView, traceTree } from './GenealogyTree';

const FORWARD: Trace = {
  root: { kind: 'lot', id: 'vec', label: 'LV-2026-007' },
  direction: 'forward',
  nodes: [
    { kind: 'lot', id: 'vec', label: 'LV-2026-007', depth: 0 },
    { kind: 'batch', id: 'b1', label: 'B-2026-0001', depth: 1 },
    { kind: 'batch', id: 'b2', label: 'B-2026-0002', depth: 1 },
    { kind: 'order', id: 'o1', label: 'CH A9999 26 000001', depth: 2 },
    { kind: 'order', id: 'o2', label: 'CH A9999 26 000002', depth: 2 },
  ],
  edges: [
    { from: 'vec', to: 'b1' },
    { from: 'vec', to: 'b2' },
    { from: 'b1', to: 'o1' },
    { from: 'b2', to: 'o2' },
  ],
};

describe('genealogy tree', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('reaches every batch and patient order forward from a vector lot', () => {
    const tree = traceTree(FORWARD);
    expect(tree.children.map((c) => c.label)).toEqual(['B-2026-0001', 'B-2026-0002']);
    expect(tree.children.map((c) => c.children[0]?.label)).toEqual(['CH A9999 26 000001', 'CH A9999 26 000002']);
  });

  it('walks a backward trace against the edges and shows a shared lot once in full', () => {
    const backward: Trace = {
      root: { kind: 'lot', id: 'out', label: 'OUT-1' },
      direction: 'backward',
      nodes: [
        { kind: 'batch', id: 'b1', label: 'B-1', depth: 1 },
        { kind: 'lot', id: 'l1', label: 'L-1', depth: 2 },
        { kind: 'batch', id: 'b0', label: 'B-0', depth: 3 },
      ],
      edges: [
        { from: 'b1', to: 'out' },
        { from: 'l1', to: 'b1' },
        { from: 'b0', to: 'l1' },
        { from: 'l1', to: 'b0' },
      ],
    };
    const tree = traceTree(backward);
    expect(tree.children[0]?.label).toBe('B-1');
    expect(tree.children[0]?.children[0]?.label).toBe('L-1');
    expect(tree.children[0]?.children[0]?.children[0]?.children[0]).toMatchObject({ id: 'l1', repeated: true });
  });

  it('renders the tree as nested nodes with their kinds', () => {
    renderWithApp(<TraceView trace={FORWARD} />, ['batches:read', 'orders:read']);
    const nodes = screen.getAllByTestId('trace-node');
    expect(nodes.map((n) => [n.getAttribute('data-kind'), n.getAttribute('data-depth')])).toEqual([
      ['lot', '0'],
      ['batch', '1'],
      ['order', '2'],
      ['batch', '1'],
      ['order', '2'],
    ]);
  });
});
