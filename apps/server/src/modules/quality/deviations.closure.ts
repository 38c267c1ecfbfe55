/**
 * What a deviation still lacks before QA may close it. Pure: the closure route reads the record and
 * refuses with this list, and the web shows the same list as a checklist.
 */
export type ClosureGapKind = 'classification' | 'investigation' | 'root_cause' | 'impact' | 'capa';
export interface ClosureGap {
  kind: ClosureGapKind;
  /** For `impact`: the batch whose impact is not assessed. */
  batchNumber?: string;
}

interface Closable {
  status: string;
  investigation: string | null;
  rootCause: string | null;
  rootCauseCategory: string | null;
  capaRequired: boolean | null;
}

/** Every missing piece, in the order the work is done. */
export function closureGaps(d: Closable, batches: readonly { batchNumber: string; impact: string | null }[], capaCount: number): ClosureGap[] {
  const gaps: ClosureGap[] = [];
  if (d.status === 'open') gaps.push({ kind: 'classification' });
  if (!d.investigation) gaps.push({ kind: 'investigation' });
  if (!d.rootCause || !d.rootCauseCategory) gaps.push({ kind: 'root_cause' });
  for (const b of [...batches].sort((a, c) => a.batchNumber.localeCompare(c.batchNumber))) {
    if (b.impact === null) gaps.push({ kind: 'impact', batchNumber: b.batchNumber });
  }
  if (d.capaRequired && capaCount === 0) gaps.push({ kind: 'capa' });
  return gaps;
}

const WORDS: Record<ClosureGapKind, string> = {
  classification: 'QA has not classified it',
  investigation: 'the investigation is not described',
  root_cause: 'the root cause or its category is missing',
  impact: 'the impact on batch {batch} is not assessed',
  capa: 'QA required a CAPA and none is linked',
};

/** The gaps as one English clause list: "the investigation is not described; the impact on batch B-1 is not assessed". */
export function describeGaps(gaps: readonly ClosureGap[]): string {
  return gaps.map((g) => WORDS[g.kind].replace('{batch}', g.batchNumber ?? '')).join('; ');
}
