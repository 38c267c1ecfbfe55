/**
 * Master batch records: versioned process definitions. A version is written as a draft, approved
 * by QA with an electronic signature (never by its own author), and is then effective and frozen;
 * approving the next version of the same code supersedes it. Batches run only from effective
 * versions and read their steps through getProcess().
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { auditEvents } from '../../platform/audit.tables';
import { requireUserActor } from '../../platform/context';
import { conflict, notFound } from '../../platform/errors';
import { sign, signaturesOf, type SignatureInput } from '../../platform/signatures';
import { write, type Writer } from '../../platform/write';
import { parseSteps, type NewProcess, type ProcessPatch, type ProcessStatus, type ProcessStep, type ProcessView, type ProductType } from './processes.schema';
import { assertValidSteps } from './processes.steps';
import { processes } from './processes.tables';

export { parseSteps, type ProcessStep } from './processes.schema';

type ProcessRow = typeof processes.$inferSelect;

/** A process version with its steps parsed (defaults filled in). */
export type Process = Omit<ProcessRow, 'steps' | 'status' | 'productType'> & {
  status: ProcessStatus;
  productType: ProductType;
  steps: ProcessStep[];
};

const ENTITY = 'process';

function parsed(row: ProcessRow): Process {
  return { ...row, status: row.status as ProcessStatus, productType: row.productType as ProductType, steps: parseSteps(row.steps) };
}

/** The process version with parsed steps; 404 when there is none. */
export async function getProcess(db: Executor, id: string): Promise<Process> {
  const [row] = await db.select().from(processes).where(eq(processes.id, id));
  if (!row) throw notFound('Process');
  return parsed(row);
}

export async function listProcesses(db: Executor, filter: { code?: string | undefined; status?: ProcessStatus | undefined } = {}): Promise<Process[]> {
  const where: SQL[] = [];
  if (filter.code) where.push(eq(processes.code, filter.code));
  if (filter.status) where.push(eq(processes.status, filter.status));
  const rows = await db.select().from(processes).where(and(...where)).orderBy(asc(processes.code), desc(processes.version)).limit(1000);
  return rows.map(parsed);
}

/** What the approver's signature vouches for: the definition, not its later status. */
function signedContent(p: Process) {
  return { code: p.code, version: p.version, name: p.name, product: p.product, productType: p.productType, steps: p.steps };
}

/** Username of the creator of each process version, read from its create event in the audit trail. */
async function creatorsOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ entityId: auditEvents.entityId, actor: auditEvents.actor })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, ENTITY), eq(auditEvents.action, 'create'), inArray(auditEvents.entityId, ids)));
  return new Map(rows.map((r) => [r.entityId, r.actor]));
}

export async function processViews(db: Executor, list: Process[]): Promise<ProcessView[]> {
  const creators = await creatorsOf(db, list.map((p) => p.id));
  return Promise.all(
    list.map(async (p) => ({
      id: p.id,
      code: p.code,
      version: p.version,
      name: p.name,
      product: p.product,
      productType: p.productType,
      status: p.status,
      steps: p.steps,
      createdBy: creators.get(p.id) ?? 'system',
      createdAt: p.createdAt.toISOString(),
      effectiveAt: p.effectiveAt?.toISOString() ?? null,
      signatures: await signaturesOf(db, ENTITY, p.id, signedContent(p)),
    })),
  );
}

export async function processView(db: Executor, p: Process): Promise<ProcessView> {
  return (await processViews(db, [p]))[0]!;
}

/**
 * Version 1 of a new code, or the next version of an existing one, as a draft. Only one draft per
 * code at a time (409 `process.draft_exists`): two drafts would compete to supersede the same version.
 * The check runs inside the write, which holds the audit-chain lock, so concurrent creates queue.
 */
export async function createProcess(db: Db, input: NewProcess): Promise<Process> {
  await assertValidSteps(db, input.steps);
  const row = await write(db, async (w) => {
    const versions = await w.tx.select({ version: processes.version, status: processes.status }).from(processes).where(eq(processes.code, input.code));
    const draft = versions.find((v) => v.status === 'draft');
    if (draft) {
      throw conflict(`${input.code} already has a draft (version ${draft.version}); change that draft or have it approved before starting another.`, {
        code: 'process.draft_exists',
        params: { code: input.code, version: draft.version },
      });
    }
    const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
    return w.insert(processes, ENTITY, {
      code: input.code,
      version,
      name: input.name,
      product: input.product,
      productType: input.productType,
      status: 'draft',
      steps: input.steps,
    });
  });
  return parsed(row);
}

/** 409 `process.frozen` unless the version is a draft: an approved definition is never edited. */
function assertDraft(p: { code: string; version: number; status: string }): void {
  if (p.status === 'draft') return;
  throw conflict(`${p.code} version ${p.version} is ${p.status} and can no longer be changed; create a new version with the same code instead.`, {
    code: 'process.frozen',
    params: { code: p.code, version: p.version, status: p.status },
  });
}

export async function updateProcess(db: Db, id: string, patch: ProcessPatch): Promise<Process> {
  assertDraft(await getProcess(db, id));
  if (patch.steps) await assertValidSteps(db, patch.steps);
  const row = await write(db, async (w) => {
    // Checked again under the row lock: an approval may have landed since the read above.
    const current = await w.lockById(processes, id, 'Process');
    assertDraft(current);
    const changes: Partial<typeof processes.$inferInsert> = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.product !== undefined) changes.product = patch.product;
    if (patch.productType !== undefined) changes.productType = patch.productType;
    if (patch.steps !== undefined) changes.steps = patch.steps;
    if (!Object.keys(changes).length) return current;
    return w.update(processes, ENTITY, id, changes, patch.reason ?? null);
  });
  return parsed(row);
}

/**
 * Who wrote the draft: the creator and anyone who changed it (from the audit trail). None of them
 * may approve it: approval is the independent check of what they wrote.
 */
async function authorsOf(w: Writer, id: string): Promise<{ ids: Set<string>; creator: string }> {
  const rows = await w.tx
    .select({ actorId: auditEvents.actorId, actor: auditEvents.actor, action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, ENTITY), eq(auditEvents.entityId, id), inArray(auditEvents.action, ['create', 'update'])));
  const ids = new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])));
  return { ids, creator: rows.find((r) => r.action === 'create')?.actor ?? 'system' };
}

/**
 * QA approves a draft with an electronic signature: it becomes effective and the code's previous
 * effective version is superseded, in the same transaction. A wrong password changes nothing.
 */
export async function approveProcess(db: Db, id: string, signature: SignatureInput): Promise<Process> {
  const row = await write(db, async (w) => {
    const draft = parsed(await w.lockById(processes, id, 'Process'));
    if (draft.status !== 'draft') {
      throw conflict(`${draft.code} version ${draft.version} is ${draft.status}; only a draft can be approved.`, {
        code: 'process.not_draft',
        params: { code: draft.code, version: draft.version, status: draft.status },
      });
    }
    const actor = requireUserActor();
    const authors = await authorsOf(w, id);
    if (authors.ids.has(actor.id)) {
      throw conflict(`You wrote ${draft.code} version ${draft.version}, so you cannot approve it; another QA reviewer must approve it.`, {
        code: 'process.author_cannot_approve',
        params: { code: draft.code, version: draft.version, author: authors.creator },
      });
    }
    await sign(w, signature, ENTITY, id, signedContent(draft));
    const previous = await w.tx
      .select({ id: processes.id })
      .from(processes)
      .where(and(eq(processes.code, draft.code), eq(processes.status, 'effective')));
    for (const p of previous) {
      await w.update(processes, ENTITY, p.id, { status: 'superseded' }, `Superseded by version ${draft.version}`, 'supersede');
    }
    return w.update(processes, ENTITY, id, { status: 'effective', effectiveAt: new Date() }, `Approved: ${signature.meaning}`, 'approve');
  });
  return parsed(row);
}
