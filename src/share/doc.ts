/**
 * The workspace as it leaves and enters the app (links, workspace files, hosted JSON): the editors keep JSON
 * *text*, the outside world carries JSON *values* (`{"grader": {...}}`, so any tool can build one with
 * json.dumps). Both directions go through the lossless parser, so `1.0` stays `1.0` and `1e5` stays `1e5`.
 * This module turns texts into a value and a value back into pretty texts, with messages that name the document.
 * It must not compress, fetch or touch the DOM.
 */
import { isJsonNumber, isJsonObject, losslessJsonPretty, numberLexeme, parseJson, toPlain } from '../engine/json.ts';
import type { EngineSettings, JsonObject, JsonValue } from '../engine/types.ts';
import { mergeSettings, settingsDiff } from './settings.ts';
import { casesFromValue, casesToValue } from '../engine/tests/cases-file.ts';
import type { TestCase } from '../engine/tests/types.ts';

export type DocName = 'grader' | 'sample' | 'item';
export const DOC_NAMES: readonly DocName[] = ['grader', 'sample', 'item'];

/** What the app hands over: the editors' texts, and the rest of the workspace. */
export interface ShareDoc {
  grader: string;
  sample: string;
  item: string;
  title?: string;
  notes?: string;
  /** The app's settings object; only known keys that differ from the defaults are carried (never a key). */
  settings?: Partial<EngineSettings> | Record<string, unknown>;
  /** The grader's test cases; carried as `"tests": [...]` when there are any. */
  tests?: readonly TestCase[];
}

/** What the app gets back: pretty texts (2-space indent, number lexemes kept) and full settings. */
export interface OpenedWorkspace {
  title: string;
  notes: string;
  grader: string;
  sample: string;
  item: string;
  settings: EngineSettings;
  /** The test cases it carries (none when it has no `"tests"`: every old link and file). */
  tests?: TestCase[];
  /** Things that were ignored or assumed while reading (unknown settings, a zlib header...). */
  warnings: string[];
  /**
   * The engine version that made it (the `"engine"` key links carry since engine 4), or null when it does not
   * say (older links, links built by other tools): src/engine/changelog.ts says what changed since.
   */
  engine?: number | null;
}

export type OpenErrorKind = 'malformed' | 'truncated' | 'future_version' | 'not_a_workspace' | 'too_large' | 'unreachable';

export interface OpenError {
  kind: OpenErrorKind;
  message: string;
}

export type OpenResult = { ok: true; doc: OpenedWorkspace } | { ok: false; error: OpenError };

/** Largest JSON a link or hosted workspace may hold once inflated: far above any real grader, far below harm. */
export const MAX_WORKSPACE_BYTES = 5 * 1024 * 1024;

const A_OR_AN: Record<DocName, string> = { grader: 'The grader', sample: 'The sample', item: 'The item' };

/** JSON text with 2-space indent that keeps every number's lexeme and every object's key order. */
export function prettyJson(value: JsonValue): string {
  return losslessJsonPretty(value);
}

export function describeJsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (isJsonObject(v)) return 'an object';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return 'a boolean';
  return 'a number';
}

export type DocsValueResult = { ok: true; value: JsonObject } | { ok: false; doc: DocName; message: string };

/**
 * The JSON value a link or file carries, from the editors' texts: `{grader, sample, item, title?, notes?,
 * settings?}` with empty title/notes and default settings left out.
 */
export function docsToValue(doc: ShareDoc): DocsValueResult {
  const out: JsonObject = {};
  for (const name of DOC_NAMES) {
    const parsed = parseJson(doc[name]);
    if (!parsed.ok) {
      const e = parsed.error;
      return {
        ok: false,
        doc: name,
        message: `${A_OR_AN[name]} is not valid JSON (line ${e.line}, column ${e.column}: ${e.message}). Fix it before sharing or exporting.`,
      };
    }
    if (!isJsonObject(parsed.value)) {
      return {
        ok: false,
        doc: name,
        message: `${A_OR_AN[name]} must be a JSON object ({...}) to be shared or exported, but it is ${describeJsonType(parsed.value)}.`,
      };
    }
    out[name] = parsed.value;
  }
  if (doc.title) out.title = doc.title;
  if (doc.notes) out.notes = doc.notes;
  const settings = settingsDiff(doc.settings);
  if (Object.keys(settings).length > 0) out.settings = settings as JsonObject;
  if (doc.tests && doc.tests.length > 0) {
    const tests = casesToValue(doc.tests);
    if (!tests.ok) return { ok: false, doc: 'sample', message: `${tests.message} Fix it before sharing or exporting.` };
    out.tests = tests.value;
  }
  return { ok: true, value: out };
}

/**
 * Read a parsed `{grader, sample, item, ...}` value into an opened workspace. `what` names the source in
 * messages ("This link", "This file"). Unknown top-level keys are ignored: a newer version may add some.
 */
export function workspaceFromValue(value: JsonValue, what: string): OpenResult {
  const notWorkspace = (message: string): OpenResult => ({ ok: false, error: { kind: 'not_a_workspace', message } });
  if (!isJsonObject(value)) {
    return notWorkspace(`${what} holds ${describeJsonType(value)}, not a workspace: expected {"grader": {...}, "sample": {...}, "item": {...}}.`);
  }
  const missing = DOC_NAMES.filter((k) => !Object.hasOwn(value, k));
  if (missing.length > 0) {
    return notWorkspace(
      `${what} holds JSON that is not a workspace: it has no ${missing.map((k) => `"${k}"`).join(', ')} (expected {"grader": {...}, "sample": {...}, "item": {...}}).`,
    );
  }
  const texts: Partial<Record<DocName, string>> = {};
  for (const name of DOC_NAMES) {
    const v = value[name]!;
    if (!isJsonObject(v)) return notWorkspace(`${what} is not a valid workspace: "${name}" must be an object, but it is ${describeJsonType(v)}.`);
    texts[name] = prettyJson(v);
  }
  for (const key of ['title', 'notes'] as const) {
    const v = value[key];
    if (v !== undefined && typeof v !== 'string') {
      return notWorkspace(`${what} is not a valid workspace: "${key}" must be a string, but it is ${describeJsonType(v)}.`);
    }
  }
  const rawSettings = value.settings;
  if (rawSettings !== undefined && !isJsonObject(rawSettings)) {
    return notWorkspace(`${what} is not a valid workspace: "settings" must be an object, but it is ${describeJsonType(rawSettings)}.`);
  }
  // Plain JS values: a numeric setting must compare as a number, not as a LosslessNumber.
  const { settings, warnings } = mergeSettings(rawSettings && (toPlain(rawSettings) as Record<string, unknown>));
  const engine = engineVersionOf(value.engine);
  if (value.engine !== undefined && engine === null) warnings.push(`The engine version ${JSON.stringify(toPlain(value.engine))} is not a version number; it was ignored.`);
  // Tests are an addition: a bad entry is skipped with a warning, and the workspace still opens.
  const tests = casesFromValue(value.tests);
  warnings.push(...tests.problems.map((p) => `A test case was skipped: ${p}.`));
  return {
    ok: true,
    doc: {
      title: typeof value.title === 'string' ? value.title : '',
      notes: typeof value.notes === 'string' ? value.notes : '',
      grader: texts.grader!,
      sample: texts.sample!,
      item: texts.item!,
      settings,
      ...(value.tests !== undefined ? { tests: tests.cases } : {}),
      warnings,
      ...(engine === null ? {} : { engine }),
    },
  };
}

/** A recorded engine version: a positive integer, or null. */
function engineVersionOf(v: JsonValue | undefined): number | null {
  if (v === undefined || !isJsonNumber(v)) return null;
  const n = Number(numberLexeme(v));
  return Number.isSafeInteger(n) && n >= 1 && /^\d+$/.test(numberLexeme(v)) ? n : null;
}
