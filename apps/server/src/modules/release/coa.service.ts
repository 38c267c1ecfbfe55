/**
 * Certificates of analysis, versioned. Version 1 is issued with the QP's release (or conditional
 * release) in the same transaction; every later version is an amendment with a reason (a late result
 * arrived, a retest after issue, a correction), signed by QA or the QP, and only when what the
 * certificate states has actually changed. Every version stays retrievable as it was issued.
 */
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { requireUserActor } from '../../platform/context';
import { conflict, notFound } from '../../platform/errors';
import { hashRecord } from '../../platform/hashing';
import { sign, signaturesOf, type SignatureInput } from '../../platform/signatures';
import { write, type Writer } from '../../platform/write';
import { coaContentOf, type CoaContent } from './coa.content';
import { renderCoa } from './coa.pdf';
import { coaVersions } from './release.tables';
import { batchRow } from './release.views';

type CoaRow = typeof coaVersions.$inferSelect;

/** What an amendment's signature vouches for: this version's content and reason. */
const signedCoa = (r: CoaRow) => ({ batchId: r.batchId, version: r.version, reason: r.reason, content: r.content });

async function latestVersion(db: Executor, batchId: string): Promise<CoaRow | null> {
  const [row] = await db.select().from(coaVersions).where(eq(coaVersions.batchId, batchId)).orderBy(desc(coaVersions.version)).limit(1);
  return row ?? null;
}

/** Issues the next version from the batch as it stands now, in the caller's transaction. */
export async function issueCoa(w: Writer, batchId: string, reason: string): Promise<CoaRow> {
  const actor = requireUserActor();
  const latest = await latestVersion(w.tx, batchId);
  return w.insert(coaVersions, 'coa_version', {
    batchId,
    version: (latest?.version ?? 0) + 1,
    reason,
    content: await coaContentOf(w.tx, batchId),
    issuedById: actor.id,
    issuedBy: actor.displayName,
    issuedAt: new Date(),
  });
}

/** Issues a new version when the content differs from the latest one (a final release after a conditional one). */
export async function reissueIfChanged(w: Writer, batchId: string, reason: string): Promise<void> {
  const latest = await latestVersion(w.tx, batchId);
  if (latest && hashRecord(latest.content) === hashRecord(await coaContentOf(w.tx, batchId))) return;
  await issueCoa(w, batchId, reason);
}

/** An amendment: refused before the first issue and when nothing the certificate states has changed. */
export async function amendCoa(db: Db, batchId: string, input: { reason: string; signature: { password: string; meaning?: string | undefined } }): Promise<CoaRow> {
  requireUserActor();
  await batchRow(db, batchId);
  return write(db, async (w) => {
    const latest = await latestVersion(w.tx, batchId);
    if (!latest) throw notIssued();
    if (hashRecord(latest.content) === hashRecord(await coaContentOf(w.tx, batchId))) {
      throw conflict(`Nothing the certificate states has changed since version ${latest.version}; no amendment is needed.`, {
        code: 'release.coa_unchanged',
        params: { version: latest.version },
      });
    }
    const row = await issueCoa(w, batchId, input.reason);
    const signature: SignatureInput = { password: input.signature.password, meaning: input.signature.meaning ?? 'Amended certificate of analysis' };
    await sign(w, signature, 'coa_version', row.id, signedCoa(row));
    return row;
  });
}

const notIssued = () =>
  conflict('No certificate of analysis has been issued for this batch: it is issued when the QP releases the batch.', { code: 'release.coa_not_issued' });

/** The issued versions, oldest first, each marked outdated when the batch now states something else. */
export async function coaVersionsOf(db: Executor, batchId: string) {
  const rows = await db.select().from(coaVersions).where(eq(coaVersions.batchId, batchId)).orderBy(asc(coaVersions.version));
  if (!rows.length) return [];
  const current = hashRecord(await coaContentOf(db, batchId));
  return rows.map((r, i) => ({
    version: r.version,
    reason: r.reason,
    issuedBy: r.issuedBy,
    issuedAt: r.issuedAt.toISOString(),
    outdated: i < rows.length - 1 || hashRecord(r.content) !== current,
  }));
}

/** The PDF of one version (the latest unless `version` is given). */
export async function coaPdf(db: Executor, batchId: string, version?: number): Promise<{ buffer: Buffer; filename: string }> {
  const batch = await batchRow(db, batchId);
  const where = version ? and(eq(coaVersions.batchId, batchId), eq(coaVersions.version, version)) : eq(coaVersions.batchId, batchId);
  const [row] = await db.select().from(coaVersions).where(where).orderBy(desc(coaVersions.version)).limit(1);
  if (!row) {
    if (version) throw notFound(`Version ${version} of the certificate of analysis`);
    throw notIssued();
  }
  const history = await db.select().from(coaVersions).where(and(eq(coaVersions.batchId, batchId), lte(coaVersions.version, row.version))).orderBy(asc(coaVersions.version));
  const signatures = await signaturesOf(db, 'coa_version', row.id, signedCoa(row));
  const buffer = await renderCoa(row.content as CoaContent, {
    version: row.version,
    reason: row.reason,
    issuedAt: row.issuedAt,
    issuedBy: row.issuedBy,
    signatures,
    history: history.map((h) => ({ version: h.version, reason: h.reason, issuedAt: h.issuedAt, issuedBy: h.issuedBy })),
  });
  return { buffer, filename: `coa-${batch.batchNumber}-v${row.version}.pdf` };
}
