/** Flattens before/after snapshots of an audit event into rows of changed and unchanged fields. */

export interface DiffRow {
  path: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
}

/**
 * Field-by-field comparison of two JSON values. Example:
 * diffJson({ a: 1, b: { c: 2 } }, { a: 1, b: { c: 3 } }) → [{ path: 'a', changed: false, … }, { path: 'b.c', before: 2, after: 3, changed: true }]
 */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths.map((path) => {
    const x = a.get(path);
    const y = b.get(path);
    return { path, before: x, after: y, changed: JSON.stringify(x) !== JSON.stringify(y) };
  });
}

/** Short text of a JSON value for a table cell. */
export function showJson(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
