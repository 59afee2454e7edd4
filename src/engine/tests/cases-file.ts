/**
 * Test cases as JSON values (in links, workspace files, `T.jsonl` for the CLI) and back:
 *   {"name": "good", "sample": {...} | "model text", "item"?: {...}, "expect": E}
 * where E is {"reward": 1, "tolerance"?: 1e-9} | {"min"?: 0.5, "max"?: 1} | {"passes": true|false} |
 * {"below": "<case name>"}. Reading returns the cases and, per bad entry, a message that names it; it never
 * throws. The sample and item become pretty JSON texts with number lexemes kept (json.ts).
 */
import { isJsonNumber, isJsonObject, losslessJsonPretty, losslessJsonText, numberLexeme, orderedObject, parseJson } from '../json.ts';
import type { JsonObject, JsonValue } from '../types.ts';
import type { Expectation, TestCase } from './types.ts';

export interface CasesRead {
  cases: TestCase[];
  /** One message per entry that was skipped, naming it (index and name when it has one). */
  problems: string[];
}

const num = (v: JsonValue | undefined): number | undefined => {
  if (v === undefined || !isJsonNumber(v)) return undefined;
  const x = Number(numberLexeme(v));
  return Number.isFinite(x) ? x : undefined;
};

function expectationFrom(v: JsonValue | undefined): Expectation | string {
  if (!isJsonObject(v)) return '"expect" must be an object such as {"reward": 1}, {"min": 0.5}, {"passes": true} or {"below": "good"}';
  const has = (k: string) => Object.hasOwn(v, k);
  if (has('reward')) {
    const reward = num(v.reward);
    if (reward === undefined) return '"expect.reward" must be a number';
    if (!has('tolerance')) return { kind: 'exact', reward };
    const tolerance = num(v.tolerance);
    if (tolerance === undefined || tolerance < 0) return '"expect.tolerance" must be a number ≥ 0';
    return { kind: 'exact', reward, tolerance };
  }
  if (has('min') || has('max')) {
    const min = has('min') ? num(v.min) : undefined;
    const max = has('max') ? num(v.max) : undefined;
    if (has('min') && min === undefined) return '"expect.min" must be a number';
    if (has('max') && max === undefined) return '"expect.max" must be a number';
    if (min !== undefined && max !== undefined && min > max) return `"expect.min" (${min}) is above "expect.max" (${max})`;
    return { kind: 'range', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }
  if (has('passes')) {
    if (typeof v.passes !== 'boolean') return '"expect.passes" must be true or false';
    return { kind: 'passes', passes: v.passes };
  }
  if (has('below')) {
    if (typeof v.below !== 'string' || v.below === '') return '"expect.below" must be the name of another case';
    return { kind: 'below', than: v.below };
  }
  return '"expect" needs one of "reward", "min"/"max", "passes" or "below"';
}

/** One case from its JSON value, or why it is not one. */
export function caseFromValue(v: JsonValue, index: number): TestCase | string {
  const where = `test ${index + 1}`;
  if (!isJsonObject(v)) return `${where} is not a JSON object`;
  const name = typeof v.name === 'string' && v.name.trim() !== '' ? v.name : `test ${index + 1}`;
  const label = typeof v.name === 'string' ? `${where} ("${v.name}")` : where;
  if (!Object.hasOwn(v, 'sample')) return `${label} has no "sample"`;
  const expect = expectationFrom(v.expect);
  if (typeof expect === 'string') return `${label}: ${expect}`;
  const c: TestCase = { name, sample: losslessJsonPretty(v.sample!), expect };
  if (Object.hasOwn(v, 'item')) c.item = losslessJsonPretty(v.item!);
  return c;
}

/** Cases from a JSON list (a link's or workspace file's `"tests"`). */
export function casesFromValue(v: JsonValue | undefined): CasesRead {
  if (v === undefined) return { cases: [], problems: [] };
  if (!Array.isArray(v)) return { cases: [], problems: ['"tests" must be a list of test cases'] };
  return collect(v.map((x, i) => caseFromValue(x, i)));
}

function collect(read: (TestCase | string)[]): CasesRead {
  const cases: TestCase[] = [];
  const problems: string[] = [];
  for (const r of read) (typeof r === 'string' ? problems.push(r) : cases.push(r));
  return { cases, problems };
}

/**
 * Cases from a file: JSON Lines (one case per line), a JSON list, or a workspace file's `"tests"`. Blank lines
 * are skipped; a line that is not JSON is named with its line number.
 */
export function casesFromText(text: string): CasesRead {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{"grader_playground"') || /^\{\s*"grader_playground"/.test(trimmed)) {
    const whole = parseJson(text);
    if (whole.ok) {
      if (Array.isArray(whole.value)) return casesFromValue(whole.value);
      if (isJsonObject(whole.value)) return casesFromValue(whole.value.tests ?? []);
    }
  }
  const read: (TestCase | string)[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseJson(line);
    if (!parsed.ok) read.push(`line ${i + 1} is not JSON (column ${parsed.error.column}: ${parsed.error.message})`);
    else {
      const c = caseFromValue(parsed.value, read.length);
      read.push(typeof c === 'string' ? `line ${i + 1}: ${c}` : c);
    }
  });
  return collect(read);
}

function expectationValue(e: Expectation): JsonObject {
  switch (e.kind) {
    case 'exact':
      return e.tolerance !== undefined ? { reward: e.reward, tolerance: e.tolerance } : { reward: e.reward };
    case 'range':
      return { ...(e.min !== undefined ? { min: e.min } : {}), ...(e.max !== undefined ? { max: e.max } : {}) };
    case 'passes':
      return { passes: e.passes };
    case 'below':
      return { below: e.than };
  }
}

export type CaseValueResult = { ok: true; value: JsonObject } | { ok: false; message: string };

/** A case's JSON value for a link or file, or which of its texts does not parse. */
export function caseToValue(c: TestCase): CaseValueResult {
  const sample = parseJson(c.sample);
  if (!sample.ok) return { ok: false, message: `The sample of test "${c.name}" is not valid JSON (line ${sample.error.line}, column ${sample.error.column}).` };
  const entries: [string, JsonValue][] = [
    ['name', c.name],
    ['sample', sample.value],
  ];
  if (c.item !== undefined) {
    const item = parseJson(c.item);
    if (!item.ok) return { ok: false, message: `The item of test "${c.name}" is not valid JSON (line ${item.error.line}, column ${item.error.column}).` };
    entries.push(['item', item.value]);
  }
  entries.push(['expect', expectationValue(c.expect)]);
  return { ok: true, value: orderedObject(entries) };
}

/** All cases as a JSON list, or the first case that cannot be written. */
export function casesToValue(cases: readonly TestCase[]): { ok: true; value: JsonValue[] } | { ok: false; message: string } {
  const out: JsonValue[] = [];
  for (const c of cases) {
    const v = caseToValue(c);
    if (!v.ok) return v;
    out.push(v.value);
  }
  return { ok: true, value: out };
}

/** JSON Lines for `grader-playground test --tests`. */
export function casesToJsonl(cases: readonly TestCase[]): { ok: true; text: string } | { ok: false; message: string } {
  const v = casesToValue(cases);
  if (!v.ok) return v;
  return { ok: true, text: v.value.map((x) => losslessJsonText(x)).join('\n') + (v.value.length ? '\n' : '') };
}

/**
 * The dataset line (`{"item": ..., "sample": ...}`) a case is graded as, built from the texts without parsing
 * them on the caller's thread (the worker parses; a text that does not parse makes the line fail there).
 */
export function caseLine(c: TestCase, defaultItem: string): string {
  return `{"item":${c.item ?? defaultItem},"sample":${c.sample}}`;
}
