/**
 * How long a deviation may stay open, per severity: the core default unless QA has set the site's
 * own period. Changing a period affects deviations opened or reclassified afterwards; due dates
 * already set stay as they were promised.
 */
import { DEFAULT_DEVIATION_CLOSE_DAYS, DEVIATION_SEVERITIES, type DeviationSeverity } from '@hepatica/core';
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { write } from '../../platform/write';
import { deviationDueRules } from './quality.tables';

export type CloseDays = Record<DeviationSeverity, number>;
const ENTITY = 'deviation_due_rule';

/** Days to close per severity, the site's settings over the defaults. */
export async function deviationCloseDays(db: Executor): Promise<CloseDays> {
  const rows = await db.select().from(deviationDueRules);
  const days = { ...DEFAULT_DEVIATION_CLOSE_DAYS };
  for (const r of rows) if ((DEVIATION_SEVERITIES as readonly string[]).includes(r.severity)) days[r.severity as DeviationSeverity] = r.closeDays;
  return days;
}

export async function closeDaysOf(db: Executor, severity: DeviationSeverity): Promise<number> {
  return (await deviationCloseDays(db))[severity];
}

/** Sets the periods given (others keep theirs), audited with the reason. */
export async function setDeviationCloseDays(db: Db, input: Partial<CloseDays>, reason: string): Promise<CloseDays> {
  await write(db, async (w) => {
    for (const severity of DEVIATION_SEVERITIES) {
      const closeDays = input[severity];
      if (closeDays === undefined) continue;
      const [row] = await w.tx.select().from(deviationDueRules).where(eq(deviationDueRules.severity, severity));
      if (!row) await w.insert(deviationDueRules, ENTITY, { severity, closeDays });
      else if (row.closeDays !== closeDays) await w.update(deviationDueRules, ENTITY, row.id, { closeDays }, reason);
    }
  });
  return deviationCloseDays(db);
}
