/**
 * Data-logger files: a series of `{ at, temperatureC }` readings, sent as JSON or as the CSV most
 * loggers export. The CSV needs a header naming a time column (`at`, `time` or `timestamp`) and a
 * temperature column (`temperatureC`, `temperature` or `temp_c`); columns are separated by commas,
 * semicolons or tabs. Times are ISO 8601 with an offset, so a file read in another zone means the same.
 */
import type { Reading } from './excursion';

export interface ReadingError {
  /** 1-based line of the CSV, or 1-based position in a JSON list. */
  readonly line: number;
  readonly message: string;
}

export interface ParsedReadings {
  readonly readings: Reading[];
  readonly errors: ReadingError[];
}

/** Loggers record down to LN2 (−196 °C); anything outside these bounds is a misread, not a temperature. */
export const LOGGER_MIN_C = -273.15;
export const LOGGER_MAX_C = 100;
export const MAX_READINGS = 50_000;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const TIME_HEADERS = ['at', 'time', 'timestamp'];
const TEMPERATURE_HEADERS = ['temperaturec', 'temperature', 'temp_c'];

/** Checks one reading; returns what is wrong, or null. */
export function readingProblem(at: string, temperatureC: number): string | null {
  if (!ISO_WITH_OFFSET.test(at) || Number.isNaN(Date.parse(at)))
    return `time "${at}" is not an ISO 8601 date-time with offset`;
  if (!Number.isFinite(temperatureC)) return 'temperature is not a number';
  if (temperatureC < LOGGER_MIN_C || temperatureC > LOGGER_MAX_C)
    return `temperature ${temperatureC} °C is outside ${LOGGER_MIN_C} to ${LOGGER_MAX_C} °C`;
  return null;
}

/** Checks a whole series: each reading, at least one, at most MAX_READINGS, no time twice. */
export function checkReadings(readings: readonly Reading[]): ReadingError[] {
  if (!readings.length) return [{ line: 0, message: 'the file holds no readings' }];
  if (readings.length > MAX_READINGS)
    return [{ line: 0, message: `the file holds ${readings.length} readings; at most ${MAX_READINGS} are accepted` }];
  const errors: ReadingError[] = [];
  const seen = new Set<number>();
  readings.forEach((r, i) => {
    const problem = readingProblem(r.at, r.temperatureC);
    if (problem) return void errors.push({ line: i + 1, message: problem });
    const t = Date.parse(r.at);
    if (seen.has(t)) errors.push({ line: i + 1, message: `time ${r.at} appears twice` });
    seen.add(t);
  });
  return errors;
}

function separatorOf(header: string): string {
  if (header.includes('\t')) return '\t';
  if (header.includes(';')) return ';';
  return ',';
}

const unquote = (cell: string) =>
  cell
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

/**
 * Reads a logger CSV. Line numbers in errors count the header as line 1.
 * @example parseLoggerCsv('at,temperatureC\n2026-05-01T08:00:00+08:00,-180.2').readings
 * // [{ at: '2026-05-01T08:00:00+08:00', temperatureC: -180.2 }]
 */
export function parseLoggerCsv(csv: string): ParsedReadings {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const separator = separatorOf(header);
  const columns = header.split(separator).map((c) => unquote(c).toLowerCase());
  const timeColumn = columns.findIndex((c) => TIME_HEADERS.includes(c));
  const temperatureColumn = columns.findIndex((c) => TEMPERATURE_HEADERS.includes(c));
  if (timeColumn < 0 || temperatureColumn < 0) {
    return {
      readings: [],
      errors: [{ line: 1, message: 'the first line must name the columns, e.g. "at,temperatureC"' }],
    };
  }
  const readings: Reading[] = [];
  const lineOf: number[] = [];
  const errors: ReadingError[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const cells = line.split(separator).map(unquote);
    const at = cells[timeColumn] ?? '';
    const raw = cells[temperatureColumn] ?? '';
    const temperatureC = raw === '' ? Number.NaN : Number(raw);
    const problem = readingProblem(at, temperatureC);
    if (problem) errors.push({ line: i + 2, message: problem });
    else {
      readings.push({ at, temperatureC });
      lineOf.push(i + 2);
    }
  });
  if (errors.length) return { readings, errors };
  return {
    readings,
    errors: checkReadings(readings).map((e) => (e.line > 0 ? { ...e, line: lineOf[e.line - 1]! } : e)),
  };
}
