/**
 * The audit spine. appendAudit() adds one event to the hash chain inside the caller's transaction;
 * the Writer (write.ts) calls it for every row it changes, so a module cannot forget the audit.
 * Each event's hash is SHA-256 over the previous hash and the canonical JSON of the event.
 */
import { desc, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { auditEvents } from './audit.tables';
import { currentActor, currentContext } from './context';
import { canonicalJson, sha256Hex, toPlainJson } from './hashing';

export const GENESIS_HASH = '0'.repeat(64);
/** Writers queue on this lock so the chain stays a single line (one predecessor per event). */
const AUDIT_CHAIN_LOCK = 72460002;
/** Secrets never enter the trail, not even hashed. */
const REDACTED_FIELDS = new Set(['passwordHash', 'tokenHash']);

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null | undefined;
}

export type AuditEvent = typeof auditEvents.$inferSelect;

/** The fields the hash covers, in the form they are stored and read back. */
export function hashedContent(e: Omit<AuditEvent, 'prevHash' | 'hash'>): string {
  return canonicalJson({
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actor: e.actor,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason ?? null,
    requestId: e.requestId ?? null,
  });
}

export function chainHash(prevHash: string, content: string): string {
  return sha256Hex(prevHash + content);
}

function redact(value: unknown): unknown {
  const plain = toPlainJson(value);
  if (!plain || typeof plain !== 'object' || Array.isArray(plain)) return plain;
  return Object.fromEntries(Object.entries(plain).filter(([k]) => !REDACTED_FIELDS.has(k)));
}

/** Held until the transaction ends; taking it again in the same transaction is free. */
export async function lockAuditChain(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
}

/** Appends one audit event in the given transaction and returns it. */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<AuditEvent> {
  await lockAuditChain(tx);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const actor = currentActor();
  const event = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: actor.id,
    actor: actor.username,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: redact(entry.before),
    after: redact(entry.after),
    reason: entry.reason ?? null,
    requestId: currentContext()?.requestId ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = chainHash(prevHash, hashedContent(event));
  const [row] = await tx
    .insert(auditEvents)
    .values({ ...event, prevHash, hash })
    .returning();
  return row!;
}
