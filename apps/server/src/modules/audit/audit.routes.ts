/** The audit trail, read-only, with filters. */
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { RoutePlugin } from '../../platform/app-types';
import { hasPermission } from '../../platform/access';
import { auditEvents } from '../../platform/audit.tables';
import { currentActor } from '../../platform/context';
import { instant, listOf } from '../../platform/schemas';

const auditQuery = z.object({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  from: instant.optional(),
  to: instant.optional(),
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const auditItem = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

function filters(q: z.infer<typeof auditQuery>): SQL | undefined {
  const conditions = [
    q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
    q.actor ? eq(auditEvents.actor, q.actor) : undefined,
    q.action ? eq(auditEvents.action, q.action) : undefined,
    q.from ? gte(auditEvents.at, new Date(q.from)) : undefined,
    q.to ? lte(auditEvents.at, new Date(q.to)) : undefined,
    q.beforeSeq ? lt(auditEvents.seq, q.beforeSeq) : undefined,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined));
}

/**
 * Identity fields kept apart from the pseudonymous record (PRODUCT.md: name and MRN only for roles that need
 * them). The stored event and its hash are untouched; a reader without `identity:read` sees the field
 * replaced, so an auditor still sees that it was set or changed, never its value.
 */
const IDENTITY_FIELDS: Record<string, readonly string[]> = {
  patient: ['name', 'mrn'],
  consent_record: ['larName', 'witnessName'],
};
export const REDACTED = '[identity: withheld]';

function redact(entityType: string, state: unknown): unknown {
  const fields = IDENTITY_FIELDS[entityType];
  if (!fields || state === null || typeof state !== 'object') return state;
  const copy: Record<string, unknown> = { ...(state as Record<string, unknown>) };
  for (const f of fields) if (copy[f] !== undefined && copy[f] !== null) copy[f] = REDACTED;
  return copy;
}

export const auditRoutes: RoutePlugin = (app, { database: { db } }) => {
  app.get(
    '/audit',
    { config: { permission: 'audit:read' }, schema: { tags: ['audit'], querystring: auditQuery, response: { 200: listOf(auditItem) } } },
    async (request) => {
      const rows = await db.select().from(auditEvents).where(filters(request.query)).orderBy(desc(auditEvents.seq)).limit(request.query.limit);
      const seesIdentity = hasPermission(currentActor().roles, 'identity:read');
      const shown = (r: (typeof rows)[number]) => (seesIdentity ? r : { ...r, before: redact(r.entityType, r.before), after: redact(r.entityType, r.after) });
      return { items: rows.map((r) => ({ ...shown(r), at: r.at.toISOString() })) };
    },
  );
};
