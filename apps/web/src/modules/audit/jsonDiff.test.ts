import { describe, expect, it } from 'vitest';
import { diffJson } from './jsonDiff';

describe('diffJson', () => {
  it('flags changed, added and removed nested fields', () => {
    const rows = diffJson({ a: 1, b: { c: 2 }, gone: true }, { a: 1, b: { c: 3 }, added: 'x' });
    expect(rows).toEqual([
      { path: 'a', before: 1, after: 1, changed: false },
      { path: 'b.c', before: 2, after: 3, changed: true },
      { path: 'gone', before: true, after: undefined, changed: true },
      { path: 'added', before: undefined, after: 'x', changed: true },
    ]);
  });
  it('treats a created record (no before) as all added', () => {
    expect(diffJson(null, { id: '1' })).toEqual([{ path: 'id', before: undefined, after: '1', changed: true }]);
  });
});
