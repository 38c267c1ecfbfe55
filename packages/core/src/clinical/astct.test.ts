/**
 * ASTCT 2019 consensus grading (Lee et al., Biol Blood Marrow Transplant 2019;25:625-638): CRS table 4
 * (fever ≥ 38.0 °C; hypotension not needing vasopressors 2, one vasopressor 3, multiple 4; hypoxia low-flow
 * ≤ 6 L/min 2, high-flow 3, positive pressure 4; the more severe event decides; after antipyretics or
 * anti-cytokine therapy fever is no longer required), ICE table 5, adult ICANS table 6.
 */
import { describe, expect, it } from 'vitest';
import { AstctInputError, gradeCrs, gradeIcans, iceScore, worstGrade, type CrsInput, type IceItems, type IcansInput } from './astct';

describe('gradeCrs (ASTCT 2019, table 4)', () => {
  it.each<[string, CrsInput, number, string | null]>([
    ['no fever, nothing else', { temperatureC: 37.2, hypotension: 'none', hypoxia: 'none' }, 0, null],
    ['37.9 °C with hypotension: not CRS (fever required)', { temperatureC: 37.9, hypotension: 'fluids', hypoxia: 'low_flow' }, 0, null],
    ['fever 38.0 °C only', { temperatureC: 38.0, hypotension: 'none', hypoxia: 'none' }, 1, 'fever'],
    ['fever + hypotension on fluids', { temperatureC: 38.5, hypotension: 'fluids', hypoxia: 'none' }, 2, 'hypotension'],
    ['fever + low-flow oxygen', { temperatureC: 39.1, hypotension: 'none', hypoxia: 'low_flow' }, 2, 'hypoxia'],
    ['fever + one vasopressor', { temperatureC: 39, hypotension: 'one_vasopressor', hypoxia: 'low_flow' }, 3, 'hypotension'],
    ['fever + high-flow: the worse of the two', { temperatureC: 38.6, hypotension: 'fluids', hypoxia: 'high_flow' }, 3, 'hypoxia'],
    ['fever + multiple vasopressors', { temperatureC: 40, hypotension: 'multiple_vasopressors', hypoxia: 'none' }, 4, 'hypotension'],
    ['fever + positive pressure', { temperatureC: 38.2, hypotension: 'one_vasopressor', hypoxia: 'positive_pressure' }, 4, 'hypoxia'],
    ['masked by tocilizumab: hypotension drives', { temperatureC: 37.0, hypotension: 'one_vasopressor', hypoxia: 'none', afterAntipyretics: true }, 3, 'hypotension'],
    ['masked, nothing else: no grade', { temperatureC: 36.8, hypotension: 'none', hypoxia: 'none', afterAntipyretics: true }, 0, null],
  ])('%s', (_label, input, grade, drivenBy) => expect(gradeCrs(input)).toEqual({ grade, drivenBy }));
});

const allIce: IceItems = {
  orientationYear: true,
  orientationMonth: true,
  orientationCity: true,
  orientationHospital: true,
  namedObjects: 3,
  followsCommands: true,
  writesSentence: true,
  countsBackBy10: true,
};

describe('iceScore (table 5: orientation 4, naming 3, commands 1, writing 1, attention 1)', () => {
  it.each<[string, Partial<IceItems>, number]>([
    ['all tasks', {}, 10],
    ['no hospital, one object missed', { orientationHospital: false, namedObjects: 2 }, 8],
    ['cannot write, cannot count back', { writesSentence: false, countsBackBy10: false }, 8],
    ['nothing', { orientationYear: false, orientationMonth: false, orientationCity: false, orientationHospital: false, namedObjects: 0, followsCommands: false, writesSentence: false, countsBackBy10: false }, 0],
  ])('%s', (_label, change, score) => expect(iceScore({ ...allIce, ...change })).toBe(score));
  it('refuses a naming count outside 0–3', () => expect(() => iceScore({ ...allIce, namedObjects: 4 })).toThrow(AstctInputError));
});

describe('gradeIcans (adults, table 6: worst domain)', () => {
  it.each<[string, IcansInput, number]>([
    ['ICE 10, awake', { iceScore: 10, consciousness: 'awake' }, 0],
    ['ICE 9', { iceScore: 9, consciousness: 'awake' }, 1],
    ['ICE 7', { iceScore: 7, consciousness: 'awake' }, 1],
    ['ICE 6', { iceScore: 6, consciousness: 'awake' }, 2],
    ['ICE 3', { iceScore: 3, consciousness: 'awake' }, 2],
    ['ICE 2', { iceScore: 2, consciousness: 'awake' }, 3],
    ['ICE 10 but awakens only to voice', { iceScore: 10, consciousness: 'voice' }, 2],
    ['ICE 8, awakens only to touch', { iceScore: 8, consciousness: 'tactile' }, 3],
    ['unarousable, ICE 0', { iceScore: 0, consciousness: 'unarousable' }, 4],
    ['rapidly resolving seizure', { iceScore: 8, consciousness: 'awake', seizure: 'resolving' }, 3],
    ['prolonged seizure', { iceScore: 8, consciousness: 'awake', seizure: 'prolonged' }, 4],
    ['deep focal motor weakness', { iceScore: 9, consciousness: 'awake', motorWeakness: true }, 4],
    ['focal oedema on imaging', { iceScore: 7, consciousness: 'awake', cerebralEdema: 'focal' }, 3],
    ['diffuse cerebral oedema', { iceScore: 7, consciousness: 'voice', cerebralEdema: 'diffuse' }, 4],
  ])('%s', (_label, input, grade) => expect(gradeIcans(input).grade).toBe(grade));
  it('names the domains at the grade', () => expect(gradeIcans({ iceScore: 5, consciousness: 'voice' })).toEqual({ grade: 2, drivenBy: ['ice', 'consciousness'] }));
  it('refuses an ICE score outside 0–10', () => expect(() => gradeIcans({ iceScore: 11, consciousness: 'awake' })).toThrow(expect.objectContaining({ code: 'ice.out_of_range' })));
});

describe('worstGrade', () => {
  it.each<[(number | { grade: number } | null)[], number | null]>([
    [[1, 3, 2], 3],
    [[{ grade: 2 }, 1, null], 2],
    [[0], 0],
    [[], null],
    [[null], null],
  ])('%j → %s', (grades, worst) => expect(worstGrade(grades)).toBe(worst));
});
