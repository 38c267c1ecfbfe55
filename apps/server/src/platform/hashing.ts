/** SHA-256 over canonical JSON (RFC 8785), the basis of the audit chain and of signed-record hashes. */
import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';

// canonicalize is CommonJS; under ESM interop the function may sit on .default.
const canonicalize = ((canonicalizeModule as unknown as { default?: unknown }).default ??
  canonicalizeModule) as (value: unknown) => string | undefined;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Dates become ISO strings, undefined fields vanish: the JSON the database will hand back. */
export function toPlainJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

export function canonicalJson(value: unknown): string {
  return canonicalize(toPlainJson(value)) ?? 'null';
}

export function hashRecord(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
