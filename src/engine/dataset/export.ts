/**
 * Dataset results as files to download: JSONL (one line per graded sample, optionally with its full RunResult,
 * the CLI's `--out` shape extended) and CSV for spreadsheets. Builds strings only: no DOM, no Blob, no download
 * (the view does that). Linear time; the chunked forms let the view spread a 100,000-row export over frames.
 */
import type { RunResult } from '../types.ts';
import type { AdvantageRow } from './advantages.ts';
import type { GradedSample } from './types.ts';

export interface ExportOptions {
  /** advantages(results) output; matched to results by (itemKey, row, sampleIndex), probes never match. */
  advantages?: readonly AdvantageRow[];
  /** Full RunResults aligned with `results` (same index), written as `result` (JSONL only). */
  runResults?: readonly (RunResult | undefined)[];
}

/**
 * Each result's advantage (NaN when it has none). advantages() lists the non-probe results in input order, so
 * the common case is a walk in step; anything else (a filtered or reordered list) falls back to a key lookup.
 */
function advantagesFor(results: readonly GradedSample[], rows: readonly AdvantageRow[] | undefined): Float64Array | null {
  if (!rows) return null;
  const out = new Float64Array(results.length).fill(NaN);
  let j = 0;
  let inStep = true;
  for (let i = 0; i < results.length && inStep; i++) {
    const r = results[i]!;
    if (r.probe !== undefined) continue;
    const a = rows[j++];
    if (a && a.itemKey === r.itemKey && a.row === r.row && a.sampleIndex === r.sampleIndex) out[i] = a.advantage;
    else inStep = false;
  }
  if (inStep && j === rows.length) return out;
  const key = (itemKey: string, row: number, sampleIndex: number) => `${row}\u0000${sampleIndex}\u0000${itemKey}`;
  const m = new Map<string, number>();
  for (const a of rows) m.set(key(a.itemKey, a.row, a.sampleIndex), a.advantage);
  out.fill(NaN);
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (r.probe === undefined) out[i] = m.get(key(r.itemKey, r.row, r.sampleIndex)) ?? NaN;
  }
  return out;
}

const jsonNumber = (x: number) => (Number.isFinite(x) ? String(x) : 'null'); // what JSON.stringify writes

/**
 * One JSON object per line, in input order: `{"line", "sample_index", "item_key", "reward", "errors": [...],
 * "label"?, "probe"?, "advantage"?, "text"?, "result"?}`, each line ending in "\n". `line` is the 1-based line
 * number of the row in the input file, as the dataset view shows it (the CLI's `--out` keeps its 0-based `row`). A non-finite reward is written as
 * null (JSON has no NaN). Lines are assembled by hand (same text JSON.stringify gives) because this runs on the
 * main thread over 100,000 results.
 */
export function toJsonl(results: readonly GradedSample[], options: ExportOptions = {}): string {
  return [...jsonlChunks(results, options)].join('');
}

/**
 * toJsonl in pieces of `rowsPerChunk` lines, whose concatenation is the file. The view can yield to the event
 * loop between pieces and hand them to `new Blob(pieces)` without ever building one large string; joining a
 * thousand lines at a time also leaves the garbage collector far less to move than one string per line.
 */
export function* jsonlChunks(results: readonly GradedSample[], options: ExportOptions = {}, rowsPerChunk = 2048): Generator<string> {
  const adv = advantagesFor(results, options.advantages);
  let buf: string[] = [];
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    let line =
      `{"line":${jsonNumber(r.row + 1)},"sample_index":${jsonNumber(r.sampleIndex)},"item_key":${JSON.stringify(r.itemKey)},` +
      `"reward":${jsonNumber(r.reward)},"errors":${r.errorFlags.length ? JSON.stringify(r.errorFlags) : '[]'}`;
    if (r.label !== undefined) line += `,"label":${JSON.stringify(r.label)}`;
    if (r.probe !== undefined) line += `,"probe":${JSON.stringify(r.probe)}`;
    if (adv && !Number.isNaN(adv[i]!)) line += `,"advantage":${jsonNumber(adv[i]!)}`;
    if (r.text !== undefined) line += `,"text":${JSON.stringify(r.text)}`;
    const result = options.runResults?.[i];
    if (result !== undefined) line += `,"result":${JSON.stringify(result)}`;
    buf.push(line + '}\n');
    if (buf.length >= rowsPerChunk) {
      yield buf.join('');
      buf = [];
    }
  }
  if (buf.length) yield buf.join('');
}

/** `line` is 1-based, as in jsonlChunks. */
export const CSV_COLUMNS = ['line', 'sample_index', 'item_key', 'reward', 'errors', 'label', 'probe', 'advantage', 'text'] as const;

/**
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (OWASP's
 * "CSV Injection"), and item keys, labels and error text come from user files. Such text cells get a leading
 * `'`, which spreadsheets treat as "this is text". OWASP also lists tab and carriage return, so those are
 * guarded too. Numeric cells are written by us from JS numbers (e.g. a negative advantage `-0.5`) and cannot
 * hold a formula, so they are left as numbers.
 */
function guardText(s: string): string {
  const c = s.charCodeAt(0); // NaN for ''
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${s}` : s; // = + - @ tab CR
}

/** RFC 4180: quote a field holding a comma, a double quote, CR or LF; double the quotes inside. */
const NEEDS_QUOTES = /[",\r\n]/;
function quote(s: string): string {
  return s !== '' && NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const textCell = (s: string | undefined) => (s === undefined || s === '' ? '' : quote(guardText(s)));
const numberCell = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '' : String(n));

/**
 * CSV with a header row (CSV_COLUMNS), CRLF line ends as RFC 4180 asks, one record per result in input order.
 * `errors` holds the set flags separated by `;`. Empty cells for missing values (and non-finite numbers).
 */
export function toCsv(results: readonly GradedSample[], options: Pick<ExportOptions, 'advantages'> = {}): string {
  return [...csvChunks(results, options)].join('');
}

/** toCsv in pieces of `rowsPerChunk` lines (the header is the first line of the first piece), as jsonlChunks. */
export function* csvChunks(
  results: readonly GradedSample[],
  options: Pick<ExportOptions, 'advantages'> = {},
  rowsPerChunk = 2048,
): Generator<string> {
  const adv = advantagesFor(results, options.advantages);
  let buf: string[] = [CSV_COLUMNS.join(',') + '\r\n'];
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    buf.push(
      `${numberCell(r.row + 1)},${numberCell(r.sampleIndex)},${textCell(r.itemKey)},${numberCell(r.reward)},` +
        `${r.errorFlags.length ? textCell(r.errorFlags.join(';')) : ''},${textCell(r.label)},${textCell(r.probe)},` +
        `${adv ? numberCell(adv[i]) : ''},${textCell(r.text)}\r\n`,
    );
    if (buf.length >= rowsPerChunk) {
      yield buf.join('');
      buf = [];
    }
  }
  if (buf.length) yield buf.join('');
}
