/**
 * mRECIST for HCC (Lencioni & Llovet, Semin Liver Dis 2010;30:52-60, tables 1–3): targets ≤ 2 per organ and
 * ≤ 5 in all, ≥ 10 mm viable enhancing at baseline; CR disappearance of arterial enhancement in all targets;
 * PR ≥ 30 % decrease from baseline; PD ≥ 20 % increase over the nadir or a new lesion or unequivocal
 * non-target progression; SD otherwise. Target CR with persisting non-target: PR (RECIST combination table).
 */
import { describe, expect, it } from 'vitest';
import { bestOverallResponse, MrecistInputError, mrecistTimepoint, validateTargetLesions, type MrecistTimepointInput } from './mrecist';

describe('mrecistTimepoint', () => {
  it.each<[string, MrecistTimepointInput, string, number | null, number | null]>([
    ['all enhancement gone', { baselineSum: 60, nadirSum: 30, currentSum: 0 }, 'CR', -100, -100],
    ['all enhancement gone, non-target absent', { baselineSum: 60, nadirSum: 60, currentSum: 0, nonTarget: 'absent' }, 'CR', -100, -100],
    ['target CR, viable non-target left → PR', { baselineSum: 60, nadirSum: 60, currentSum: 0, nonTarget: 'present' }, 'PR', -100, -100],
    ['exactly 30 % decrease', { baselineSum: 50, nadirSum: 50, currentSum: 35 }, 'PR', -30, -30],
    ['29 % decrease', { baselineSum: 100, nadirSum: 100, currentSum: 71 }, 'SD', -29, -29],
    ['PR with non-target present', { baselineSum: 60, nadirSum: 60, currentSum: 40, nonTarget: 'present' }, 'PR', -33.3, -33.3],
    ['19 % over nadir', { baselineSum: 80, nadirSum: 40, currentSum: 47.6 }, 'PR', -40.5, 19],
    ['exactly 20 % over nadir → PD even below baseline', { baselineSum: 80, nadirSum: 40, currentSum: 48 }, 'PD', -40, 20],
    ['20 % over baseline (nadir = baseline)', { baselineSum: 50, nadirSum: 50, currentSum: 60 }, 'PD', 20, 20],
    ['new lesion', { baselineSum: 60, nadirSum: 30, currentSum: 20, newLesions: true }, 'PD', -66.7, -33.3],
    ['unequivocal non-target progression', { baselineSum: 60, nadirSum: 60, currentSum: 0, nonTarget: 'unequivocal_progression' }, 'PD', -100, -100],
    ['viable tumour reappears after a CR (nadir 0)', { baselineSum: 60, nadirSum: 0, currentSum: 8 }, 'PD', -86.7, null],
    ['unchanged', { baselineSum: 60, nadirSum: 60, currentSum: 60 }, 'SD', 0, 0],
  ])('%s', (_label, input, response, fromBaseline, fromNadir) =>
    expect(mrecistTimepoint(input)).toEqual({ response, changeFromBaselinePct: fromBaseline, changeFromNadirPct: fromNadir }));

  it('refuses a nadir above the baseline and negative sums', () => {
    expect(() => mrecistTimepoint({ baselineSum: 40, nadirSum: 50, currentSum: 45 })).toThrow(expect.objectContaining({ path: 'nadirSum', code: 'mrecist.nadir_above_baseline' }));
    expect(() => mrecistTimepoint({ baselineSum: 40, nadirSum: 30, currentSum: -1 })).toThrow(MrecistInputError);
  });
});

describe('validateTargetLesions', () => {
  const lesion = (lesionId: string, organ: string, viableDiameterMm: number, typicalArterialEnhancement?: boolean) => ({ lesionId, organ, viableDiameterMm, typicalArterialEnhancement });
  it('accepts 2 liver + 2 lung + 1 node', () => {
    const r = validateTargetLesions([lesion('T1', 'liver', 32), lesion('T2', 'liver', 18), lesion('T3', 'lung', 12), lesion('T4', 'lung', 10), lesion('T5', 'lymph_node', 22)], { baseline: true });
    expect(r).toEqual({ valid: true, errors: [] });
  });
  it('refuses a third lesion in one organ and a sixth in all', () => {
    const r = validateTargetLesions([lesion('T1', 'liver', 32), lesion('T2', 'Liver', 18), lesion('T3', 'liver', 15), lesion('T4', 'lung', 12), lesion('T5', 'lung', 11), lesion('T6', 'bone', 20)]);
    expect(r.errors.map((e) => e.code)).toEqual(['mrecist.too_many_targets', 'mrecist.too_many_in_organ']);
    expect(r.errors[1]!.params).toMatchObject({ organ: 'liver', count: 3 });
  });
  it('at baseline refuses a lesion under 10 mm or without typical arterial enhancement; at follow-up measures them down to 0', () => {
    const lesions = [lesion('T1', 'liver', 9), lesion('T2', 'liver', 25, false)];
    expect(validateTargetLesions(lesions, { baseline: true }).errors.map((e) => [e.code, e.path])).toEqual([
      ['mrecist.not_measurable', '[0].viableDiameterMm'],
      ['mrecist.atypical_enhancement', '[1].typicalArterialEnhancement'],
    ]);
    expect(validateTargetLesions([lesion('T1', 'liver', 0), lesion('T2', 'liver', 6)]).valid).toBe(true);
    expect(validateTargetLesions([lesion('T1', 'liver', -3)]).errors[0]!.code).toBe('mrecist.negative_diameter');
  });
});

describe('bestOverallResponse', () => {
  const tp = (response: string, assessedAt: string) => ({ response, assessedAt });
  it.each<[string, { response: string; assessedAt: string }[], string | null]>([
    ['SD then PR', [tp('SD', '2026-02-01'), tp('PR', '2026-03-01')], 'PR'],
    ['PR then PD: PR', [tp('PR', '2026-02-01'), tp('PD', '2026-03-01')], 'PR'],
    ['PD first: later CR does not count', [tp('PD', '2026-02-01'), tp('CR', '2026-03-01')], 'PD'],
    ['out of order: sorted by date', [tp('CR', '2026-04-01'), tp('PD', '2026-02-01')], 'PD'],
    ['CR', [tp('PR', '2026-02-01'), tp('CR', '2026-03-01'), tp('CR', '2026-04-01')], 'CR'],
    ['none', [], null],
  ])('%s', (_label, timepoints, best) => expect(bestOverallResponse(timepoints)?.response ?? null).toBe(best));

  it('with confirmation (≥ 28 days), an unconfirmed PR reads SD and a CR confirmed only as PR reads PR', () => {
    expect(bestOverallResponse([tp('SD', '2026-02-01'), tp('PR', '2026-03-01'), tp('SD', '2026-04-01')], { confirm: true })).toEqual({ response: 'SD' });
    expect(bestOverallResponse([tp('PR', '2026-02-01'), tp('PR', '2026-02-20')], { confirm: true })).toEqual({ response: 'SD' });
    expect(bestOverallResponse([tp('PR', '2026-02-01'), tp('PR', '2026-03-01')], { confirm: true })).toEqual({ response: 'PR' });
    expect(bestOverallResponse([tp('CR', '2026-02-01'), tp('PR', '2026-03-05')], { confirm: true })).toEqual({ response: 'PR' });
  });
});
