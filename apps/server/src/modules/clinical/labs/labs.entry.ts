/** Entering a panel of lab results: every bad result named at once, nothing stored on any refusal. */
import type { Db, Executor } from '../../../db/client';
import { requireUserActor } from '../../../platform/context';
import { unprocessable } from '../../../platform/errors';
import { write } from '../../../platform/write';
import { visitCodesOf } from '../visits/visits.service';
import type { NewPanel } from './labs.schema';
import { labSubject } from './labs.subject';
import { labPanels, labResults } from './labs.tables';
import { checkedResult, resultProblems, type ResultProblem } from './labs.validate';
import { onePanelView } from './labs.views';

function refuse(problems: ResultProblem[]): never {
  const first = problems[0]!;
  throw unprocessable(problems.map((p) => p.message).join(' '), { code: first.code, params: { ...first.params, field: first.path }, errors: problems });
}

function panelProblems(input: NewPanel): ResultProblem[] {
  const problems: ResultProblem[] = [];
  if (new Date(input.collectedAt).getTime() > Date.now()) {
    problems.push({ path: 'body.collectedAt', code: 'lab.in_future', message: 'The collection time is in the future.', params: { collectedAt: input.collectedAt } });
  }
  const seen = new Set<string>();
  input.results.forEach((r, i) => {
    problems.push(...resultProblems(r, `body.results.${i}`));
    if (seen.has(r.analyte)) problems.push({ path: `body.results.${i}.analyte`, code: 'lab.duplicate_analyte', message: `${r.analyte} appears twice in the panel.`, params: { analyte: r.analyte } });
    seen.add(r.analyte);
  });
  return problems;
}

/** The visit code must name a scheduled visit of the subject (the visits module's schedule). */
async function checkVisitCode(db: Executor, subjectId: string, code: string | undefined) {
  if (!code) return;
  const { scheduled, awaiting } = await visitCodesOf(db, subjectId);
  if (scheduled.has(code)) return;
  const anchor = awaiting.get(code) ?? awaiting.get(code.replace(/\.\d+$/, ''));
  if (anchor) throw unprocessable(`Visit ${code} is not scheduled yet: its anchor (${anchor}) has not happened.`, { code: 'visit.not_scheduled', params: { code, anchor }, errors: [{ path: 'body.visitCode', message: 'Not scheduled yet' }] });
  throw unprocessable(`The subject's schedule has no visit ${code}.`, { code: 'visit.not_in_schedule', params: { code }, errors: [{ path: 'body.visitCode', message: 'Not in the schedule' }] });
}

export async function enterPanel(db: Db, subjectId: string, input: NewPanel) {
  const actor = requireUserActor();
  const subject = await labSubject(db, subjectId);
  const problems = panelProblems(input);
  if (problems.length) refuse(problems);
  await checkVisitCode(db, subjectId, input.visitCode);
  const collectedAt = new Date(input.collectedAt);
  const panel = await write(db, async (w) => {
    const row = await w.insert(labPanels, 'lab_panel', {
      subjectId,
      visitCode: input.visitCode ?? null,
      collectedAt,
      source: 'entry',
      ascites: input.ascites ?? null,
      encephalopathy: input.encephalopathy ?? null,
      dialysis: input.dialysis ?? null,
      recordedBy: actor.username,
    });
    for (const r of input.results) {
      await w.insert(labResults, 'lab_result', { ...checkedResult(r, subject.sex), panelId: row.id, subjectId, collectedAt, recordedBy: actor.username });
    }
    return row;
  });
  return onePanelView(db, panel.id);
}
