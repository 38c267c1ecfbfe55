/**
 * The ICE (Immune effector Cell-associated Encephalopathy) screen as it is filled in item by item: 10 points,
 * orientation to year, month, city and hospital (4), naming three objects (3), following commands (1), writing a
 * standard sentence (1), counting backwards from 100 by ten (1). Lee DW et al., ASTCT consensus grading for
 * CRS and neurologic toxicity, Biol Blood Marrow Transplant 2019;25:625–638, Table 3.
 */
import type { IceItems } from './safety.types';

/** Items not answered yet are null; `namedObjects` is 0–3. */
export type IceDraft = { [K in keyof IceItems]: IceItems[K] | null };

export const ICE_BOOLEAN_ITEMS = [
  'orientationYear',
  'orientationMonth',
  'orientationCity',
  'orientationHospital',
  'followsCommands',
  'writesSentence',
  'countsBackBy10',
] as const;

export const EMPTY_ICE: IceDraft = {
  orientationYear: null,
  orientationMonth: null,
  orientationCity: null,
  orientationHospital: null,
  namedObjects: null,
  followsCommands: null,
  writesSentence: null,
  countsBackBy10: null,
};

/** The points so far (unanswered items count 0) and how many of the 8 items are answered. */
export function iceProgress(draft: IceDraft): { total: number; answered: number; complete: boolean } {
  const values = Object.values(draft);
  const answered = values.filter((v) => v !== null).length;
  const total = ICE_BOOLEAN_ITEMS.reduce((sum, k) => sum + (draft[k] ? 1 : 0), 0) + (draft.namedObjects ?? 0);
  return { total, answered, complete: answered === values.length };
}

/** The items to send once every one is answered, else null. */
export function iceItems(draft: IceDraft): IceItems | null {
  if (!iceProgress(draft).complete) return null;
  return draft as IceItems;
}
