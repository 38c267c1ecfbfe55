/** Pass or fail of a theory score against the course's pass mark, as the server decides it: `score >= passMark`. */

/** The score typed so far as a number 0–100, or null while it is empty or out of range. */
export function readScore(value: number | string): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

/** True when the score reaches the pass mark (79.9 fails a pass mark of 80; 80 passes). */
export function passes(score: number, passMark: number): boolean {
  return score >= passMark;
}
