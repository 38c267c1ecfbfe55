/**
 * Release blockers, one case per rule. The rules are cited in blockers.ts: EU GMP Part IV §11 and
 * Annex 16 (QA review, then QP certification by a different person), NMPA cell-therapy appendix
 * (release before late-allowed results with notification), 21 CFR 211.165(f) (OOS only by exception).
 */
import { describe, expect, it } from 'vitest';
import { productExpiry, releaseBlockers, type ReleaseDecision, type ReleaseFacts } from './blockers';

const clear: ReleaseFacts = {
  batchStatus: 'completed',
  qc: { hasSpecification: true, incomplete: [], outOfSpecification: [], pendingLate: [] },
  openDeviations: [],
  reviewer: { id: 'qa-1', username: 'sunli' },
  certifierId: 'qp-1',
  chainOfIdentity: { applies: true, verified: true, din: 'A999926000001', reason: null },
  exceptional: false,
  expiry: { expiresAt: '2027-08-01T02:00:00.000Z', expired: false },
};
const late = { ...clear, qc: { ...clear.qc, pendingLate: ['STERILITY'] } };
const codes = (decision: ReleaseDecision, facts: ReleaseFacts) => releaseBlockers(decision, facts).map((b) => b.code);

describe('releaseBlockers', () => {
  it.each<[string, ReleaseDecision, ReleaseFacts, string[]]>([
    ['everything in order: release', 'release', clear, []],
    ['late test pending: conditional release', 'conditional_release', late, []],
    ['late test pending: full release waits', 'release', late, ['release.results_pending']],
    ['nothing pending: conditional release is pointless', 'conditional_release', clear, ['release.nothing_pending']],
    ['batch still in progress', 'release', { ...clear, batchStatus: 'in_progress' }, ['release.batch_not_completed']],
    ['batch aborted', 'reject', { ...clear, batchStatus: 'aborted' }, ['release.batch_not_completed']],
    ['already released', 'release', { ...clear, batchStatus: 'released' }, ['release.already_decided']],
    ['already rejected', 'reject', { ...clear, batchStatus: 'rejected' }, ['release.already_decided']],
    ['conditionally released: final release allowed', 'release', { ...clear, batchStatus: 'conditionally_released' }, []],
    ['conditionally released: not twice', 'conditional_release', { ...late, batchStatus: 'conditionally_released' }, ['release.already_decided']],
    ['no specification', 'release', { ...clear, qc: { ...clear.qc, hasSpecification: false, incomplete: ['X'] } }, ['release.no_specification']],
    ['a required result missing', 'conditional_release', { ...late, qc: { ...late.qc, incomplete: ['VIAB'] } }, ['release.qc_incomplete']],
    ['out of specification', 'release', { ...clear, qc: { ...clear.qc, outOfSpecification: ['VCN'] } }, ['release.out_of_specification']],
    ['out of specification, exceptional release', 'release', { ...clear, exceptional: true, qc: { ...clear.qc, outOfSpecification: ['VCN'] } }, []],
    ['out of specification is never conditional', 'conditional_release', { ...late, exceptional: true, qc: { ...late.qc, outOfSpecification: ['VCN'] } }, ['release.out_of_specification']],
    ['open deviation', 'release', { ...clear, openDeviations: ['DEV-2026-0001'] }, ['release.open_deviation']],
    ['no QA review', 'release', { ...clear, reviewer: null }, ['release.no_review']],
    ['reviewer is the certifier', 'release', { ...clear, certifierId: 'qa-1' }, ['release.reviewer_is_certifier']],
    ['chain of identity not verified', 'release', { ...clear, chainOfIdentity: { applies: true, verified: false, din: 'A999926000001', reason: 'unresolved_exception' } }, ['release.chain_of_identity']],
    ['specification states no shelf life', 'release', { ...clear, expiry: { expiresAt: null, expired: false } }, ['release.no_shelf_life']],
    ['product expired', 'conditional_release', { ...late, expiry: { expiresAt: '2026-01-01T00:00:00.000Z', expired: true } }, ['release.product_expired']],
    ['expired product may still be rejected', 'reject', { ...clear, expiry: { expiresAt: '2026-01-01T00:00:00.000Z', expired: true } }, []],
    ['no specification: no shelf-life blocker on top', 'release', { ...clear, qc: { ...clear.qc, hasSpecification: false }, expiry: { expiresAt: null, expired: false } }, ['release.no_specification']],
    ['chain of identity does not apply (allogeneic)', 'release', { ...clear, chainOfIdentity: { applies: false, verified: false, din: null, reason: null } }, []],
  ])('%s', (_name, decision, facts, expected) => {
    expect(codes(decision, facts)).toEqual(expected);
  });

  it('a reject is held up by nothing but an unfinished batch', () => {
    const worst: ReleaseFacts = {
      ...clear,
      qc: { hasSpecification: true, incomplete: ['VIAB'], outOfSpecification: ['VCN'], pendingLate: ['STERILITY'] },
      openDeviations: ['DEV-2026-0001'],
      reviewer: null,
      chainOfIdentity: { applies: true, verified: false, din: null, reason: 'no_din' },
    };
    expect(codes('reject', worst)).toEqual([]);
    expect(codes('release', worst)).toEqual([
      'release.qc_incomplete',
      'release.results_pending',
      'release.out_of_specification',
      'release.open_deviation',
      'release.no_review',
      'release.chain_of_identity',
    ]);
  });

  it('names the tests, deviations and people concerned', () => {
    const facts: ReleaseFacts = { ...clear, certifierId: 'qa-1', openDeviations: ['DEV-2026-0001', 'DEV-2026-0004'], qc: { ...clear.qc, outOfSpecification: ['VCN', 'ENDO'] } };
    expect(releaseBlockers('release', facts)).toEqual([
      { code: 'release.out_of_specification', params: { tests: 'VCN, ENDO', count: 2 } },
      { code: 'release.open_deviation', params: { deviations: 'DEV-2026-0001, DEV-2026-0004', count: 2 } },
      { code: 'release.reviewer_is_certifier', params: { reviewer: 'sunli' } },
    ]);
  });
});

describe('productExpiry', () => {
  it.each<[string, string, number, string]>([
    ['whole days from the end of manufacture', '2026-11-20T06:30:00.000Z', 270, '2027-08-17T06:30:00.000Z'],
    ['across a leap day', '2028-02-28T00:00:00.000Z', 2, '2028-03-01T00:00:00.000Z'],
    ['one day', '2026-12-31T23:59:59.999Z', 1, '2027-01-01T23:59:59.999Z'],
  ])('%s', (_name, end, days, expected) => {
    expect(productExpiry(new Date(end), days).toISOString()).toBe(expected);
  });
});
