/**
 * Specifications: the tests and acceptance criteria of a product, versioned per product. A version is
 * written as a draft, approved by QA with an electronic signature (never by its own author) and is
 * then effective and frozen; approving the next version supersedes the previous effective one.
 */
import { criterionProblems, describeCriterion } from '@hepatica/core';
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { auditEvents } from '../../platform/audit.tables';
import { requireUserActor } from '../../platform/context';
import { conflict, notFound, unprocessable, type FieldError } from '../../platform/errors';
import { sign, signaturesOf, type SignatureInput } from '../../platform/signatures';
import { write, type Writer } from '../../platform/write';
import { trainingCourses } from '../training/training.tables';
import { criterionOf } from './qc.criterion';
import { QC_ENTITIES, specifications } from './qc.tables';
import { parseTests, type NewSpecification, type SpecificationStatus, type SpecificationView, type SpecTest } from './specifications.schema';

type SpecificationRow = typeof specifications.$inferSelect;

export type Specification = Omit<SpecificationRow, 'tests' | 'status'> & { status: SpecificationStatus; tests: SpecTest[] };

export const SPEC_ENTITY = QC_ENTITIES.specification;

export function parsedSpecification(row: SpecificationRow): Specification {
  return { ...row, status: row.status as SpecificationStatus, tests: parseTests(row.tests) };
}

export async function getSpecification(db: Executor, id: string): Promise<Specification> {
  const [row] = await db.select().from(specifications).where(eq(specifications.id, id));
  if (!row) throw notFound('Specification');
  return parsedSpecification(row);
}

export async function listSpecifications(db: Executor, filter: { product?: string | undefined; status?: SpecificationStatus | undefined } = {}): Promise<Specification[]> {
  const where: SQL[] = [];
  if (filter.product) where.push(eq(specifications.product, filter.product));
  if (filter.status) where.push(eq(specifications.status, filter.status));
  const rows = await db.select().from(specifications).where(and(...where)).orderBy(asc(specifications.product), desc(specifications.version)).limit(1000);
  return rows.map(parsedSpecification);
}

/** What the approver's signature vouches for: the product and its tests, not the later status. */
function signedContent(s: Specification) {
  // Shelf life joined the signed content later; leaving it out when unset keeps older signatures valid.
  return { product: s.product, version: s.version, tests: s.tests, ...(s.shelfLifeDays === null ? {} : { shelfLifeDays: s.shelfLifeDays }) };
}

async function creatorsOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ entityId: auditEvents.entityId, actor: auditEvents.actor })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, SPEC_ENTITY), eq(auditEvents.action, 'create'), inArray(auditEvents.entityId, ids)));
  return new Map(rows.map((r) => [r.entityId, r.actor]));
}

export async function specificationViews(db: Executor, list: Specification[]): Promise<SpecificationView[]> {
  const creators = await creatorsOf(db, list.map((s) => s.id));
  return Promise.all(
    list.map(async (s) => ({
      id: s.id,
      product: s.product,
      version: s.version,
      status: s.status,
      tests: s.tests.map((t) => ({ ...t, criterion: describeCriterion(criterionOf(t)) })),
      shelfLifeDays: s.shelfLifeDays,
      createdBy: creators.get(s.id) ?? 'system',
      createdAt: s.createdAt.toISOString(),
      effectiveAt: s.effectiveAt?.toISOString() ?? null,
      signatures: await signaturesOf(db, SPEC_ENTITY, s.id, signedContent(s)),
    })),
  );
}

export async function specificationView(db: Executor, s: Specification): Promise<SpecificationView> {
  return (await specificationViews(db, [s]))[0]!;
}

/**
 * The rules between fields that the shape alone cannot say, as 422 naming each bad field: a unit for
 * numeric tests, bounds only on numeric tests, a range something can meet, unique codes, known courses.
 */
export async function assertValidTests(db: Executor, tests: SpecTest[]): Promise<void> {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  tests.forEach((t, i) => {
    const at = (field: string) => `body.tests.${i}.${field}`;
    if (seen.has(t.code)) errors.push({ path: at('code'), message: `Test code ${t.code} is used twice` });
    seen.add(t.code);
    if (t.kind === 'numeric' && !t.unit) errors.push({ path: at('unit'), message: 'A numeric test needs a unit' });
    if (t.kind !== 'numeric') {
      for (const field of ['unit', 'min', 'max'] as const) {
        if (t[field] !== undefined) errors.push({ path: at(field), message: `Only numeric tests have a ${field}` });
      }
    }
    if (t.kind !== 'text' && t.acceptable) errors.push({ path: at('acceptable'), message: 'Only text tests list acceptable results' });
    for (const p of criterionProblems(criterionOf(t))) if (p.field !== 'unit') errors.push({ path: at(p.field), message: p.message });
  });
  const courses = [...new Set(tests.flatMap((t) => (t.qualification ? [t.qualification] : [])))];
  if (courses.length) {
    const known = new Set((await db.select({ code: trainingCourses.code }).from(trainingCourses).where(inArray(trainingCourses.code, courses))).map((c) => c.code));
    tests.forEach((t, i) => {
      if (t.qualification && !known.has(t.qualification)) {
        errors.push({ path: `body.tests.${i}.qualification`, message: `There is no training course ${t.qualification}` });
      }
    });
  }
  if (errors.length) {
    throw unprocessable(`The specification has ${errors.length} problem${errors.length === 1 ? '' : 's'}; correct the marked tests.`, {
      code: 'specification.invalid_tests',
      params: { count: errors.length },
      errors,
    });
  }
}

/** Version 1 of a new product, or its next version, as a draft; one draft per product at a time. */
export async function createSpecification(db: Db, input: NewSpecification): Promise<Specification> {
  await assertValidTests(db, input.tests);
  const row = await write(db, async (w) => {
    const versions = await w.tx.select({ version: specifications.version, status: specifications.status }).from(specifications).where(eq(specifications.product, input.product));
    const draft = versions.find((v) => v.status === 'draft');
    if (draft) {
      throw conflict(`${input.product} already has a draft specification (version ${draft.version}); change or approve that draft before starting another.`, {
        code: 'specification.draft_exists',
        params: { product: input.product, version: draft.version },
      });
    }
    const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
    if (input.version !== undefined && input.version !== version) {
      throw conflict(`The next specification version of ${input.product} is ${version}, not ${input.version}.`, {
        code: 'specification.version_not_next',
        params: { product: input.product, version: input.version, expected: version },
      });
    }
    return w.insert(specifications, SPEC_ENTITY, { product: input.product, version, status: 'draft', tests: input.tests, shelfLifeDays: input.shelfLifeDays ?? null });
  });
  return parsedSpecification(row);
}

/** 409 `specification.frozen` unless the version is a draft: an approved specification is never edited. */
function assertDraft(s: { product: string; version: number; status: string }): void {
  if (s.status === 'draft') return;
  throw conflict(`${s.product} specification version ${s.version} is ${s.status} and can no longer be changed; create a new version instead.`, {
    code: 'specification.frozen',
    params: { product: s.product, version: s.version, status: s.status },
  });
}

export async function updateSpecification(
  db: Db,
  id: string,
  patch: { tests: SpecTest[]; shelfLifeDays?: number | null | undefined; reason?: string | undefined },
): Promise<Specification> {
  assertDraft(await getSpecification(db, id));
  await assertValidTests(db, patch.tests);
  const row = await write(db, async (w) => {
    assertDraft(await w.lockById(specifications, id, 'Specification'));
    const shelfLife = patch.shelfLifeDays === undefined ? {} : { shelfLifeDays: patch.shelfLifeDays };
    return w.update(specifications, SPEC_ENTITY, id, { tests: patch.tests, ...shelfLife }, patch.reason ?? 'Draft revised');
  });
  return parsedSpecification(row);
}

async function authorIds(w: Writer, id: string): Promise<Set<string>> {
  const rows = await w.tx
    .select({ actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, SPEC_ENTITY), eq(auditEvents.entityId, id), inArray(auditEvents.action, ['create', 'update'])));
  return new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])));
}

/** QA approves a draft with a signature: it becomes effective, the product's previous effective version superseded. */
export async function approveSpecification(db: Db, id: string, signature: SignatureInput): Promise<Specification> {
  const row = await write(db, async (w) => {
    const draft = parsedSpecification(await w.lockById(specifications, id, 'Specification'));
    if (draft.status !== 'draft') {
      throw conflict(`${draft.product} specification version ${draft.version} is ${draft.status}; only a draft can be approved.`, {
        code: 'specification.not_draft',
        params: { product: draft.product, version: draft.version, status: draft.status },
      });
    }
    if ((await authorIds(w, id)).has(requireUserActor().id)) {
      throw conflict(`You wrote ${draft.product} specification version ${draft.version}, so you cannot approve it; another QA reviewer must approve it.`, {
        code: 'specification.author_cannot_approve',
        params: { product: draft.product, version: draft.version },
      });
    }
    await sign(w, signature, SPEC_ENTITY, id, signedContent(draft));
    const previous = await w.tx
      .select({ id: specifications.id })
      .from(specifications)
      .where(and(eq(specifications.product, draft.product), eq(specifications.status, 'effective')));
    for (const p of previous) {
      await w.update(specifications, SPEC_ENTITY, p.id, { status: 'superseded' }, `Superseded by version ${draft.version}`, 'supersede');
    }
    return w.update(specifications, SPEC_ENTITY, id, { status: 'effective', effectiveAt: new Date() }, `Approved: ${signature.meaning}`, 'approve');
  });
  return parsedSpecification(row);
}
