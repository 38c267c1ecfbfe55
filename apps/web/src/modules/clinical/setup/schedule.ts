/** The schedule editor's rows: what the form holds (text for numbers being typed) and the body the server takes. */
import type { LtfuBasis, RepeatUnit, VisitAnchor, VisitDefinitionInput, VisitPhase, VisitSchedule } from '../casebook/visits.types';
import type { ScheduleBody } from '../casebook/visits.api';

export interface VisitRow {
  code: string;
  nameEn: string;
  nameZh: string;
  phase: VisitPhase;
  anchor: VisitAnchor;
  dayOffset: string;
  windowBefore: string;
  windowAfter: string;
  assessments: string[];
  repeats: boolean;
  every: string;
  unit: RepeatUnit;
  count: string;
}

export interface ScheduleDraft {
  rows: VisitRow[];
  ltfuYears: string;
  ltfuBasis: LtfuBasis | '';
}

export const newRow = (n: number): VisitRow => ({
  code: `V${n}`, nameEn: '', nameZh: '', phase: 'follow_up', anchor: 'infusion', dayOffset: '0', windowBefore: '0',
  windowAfter: '0', assessments: [], repeats: false, every: '1', unit: 'day', count: '',
});

export function draftOf(s: VisitSchedule): ScheduleDraft {
  return {
    rows: s.visits.map((v) => ({
      code: v.code, nameEn: v.name.en, nameZh: v.name.zh, phase: v.phase, anchor: v.anchor, dayOffset: String(v.dayOffset),
      windowBefore: String(v.windowBefore), windowAfter: String(v.windowAfter), assessments: [...v.assessments],
      repeats: v.repeat !== null, every: String(v.repeat?.every ?? 1), unit: v.repeat?.unit ?? 'day',
      count: v.repeat?.count == null ? '' : String(v.repeat.count),
    })),
    ltfuYears: s.ltfu ? String(s.ltfu.years) : '',
    ltfuBasis: s.ltfu?.basis ?? '',
  };
}

/** A number as typed; what cannot be read is sent as typed so the server names the field. */
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

function definitionOf(r: VisitRow): VisitDefinitionInput {
  return {
    code: r.code.trim(), name: { en: r.nameEn.trim(), zh: r.nameZh.trim() }, phase: r.phase, anchor: r.anchor,
    dayOffset: num(r.dayOffset), windowBefore: num(r.windowBefore), windowAfter: num(r.windowAfter), assessments: r.assessments,
    repeat: r.repeats ? { every: num(r.every), unit: r.unit, count: r.count.trim() === '' ? null : num(r.count) } : null,
  };
}

export function bodyOf(d: ScheduleDraft, reason: string): ScheduleBody {
  const years = d.ltfuYears.trim();
  return {
    ltfu: years ? { years: num(years), ...(d.ltfuBasis ? { basis: d.ltfuBasis } : {}) } : null,
    visits: d.rows.map(definitionOf),
    ...(reason.trim() ? { reason: reason.trim() } : {}),
  };
}
