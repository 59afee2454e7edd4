/**
 * The sandbox boundary, app side: every value that comes out of the sandbox (a grader worker's replies, the
 * arguments of the callbacks the app hands it, the frame's events) is untrusted input. This module copies it
 * into fresh plain data, checks it against its schema, and cuts oversized strings to a hard cap, recording how
 * much was cut. Nothing from the sandbox reaches the app's state or the UI except through these functions.
 *
 * A cut string keeps its head and ends with a marker, `… [N more characters]` (see `capText`/`splitCapped`).
 * An honest worker never sends a string that long in a live reply: it cuts long strings to their head itself and
 * sends each whole text as a Blob beside the reply (long-text.ts), which the views use for copy and download.
 */
import { MODEL_OPERATIONS, type AssetRequest, type BatchResponse, type FrameEvent, type ModelOperation, type RunProgress, type RunResponse } from './protocol.ts';
import type { AstResponse } from './ast-request.ts';
import { LONG_TEXT_HEAD, type LongText } from './long-text.ts';

export const BOUNDARY_LIMITS = {
  /**
   * Any string in a live run's reply (exception details, stdout, explanations). The worker itself cuts longer
   * strings to this head and sends their whole text as a Blob beside the reply (long-text.ts).
   */
  stringChars: LONG_TEXT_HEAD,
  /** The whole texts sent as Blobs beside a live run's reply: how many, and their total size in bytes. */
  longTexts: 64,
  longTextBytes: 128 * 1024 * 1024,
  /** A dataset row's message (100,000 rows must stay light). */
  rowMessageChars: 2_000,
  /** Nesting of objects and lists in a reply. */
  depth: 64,
  /** Values (objects, lists, strings, numbers...) in one reply. */
  nodes: 500_000,
  /** A model call's body, as JSON text. */
  modelBodyChars: 4_000_000,
  /** An asset request's URL. */
  urlChars: 4_096,
} as const;

/** A reply from the sandbox that is not what the protocol allows. */
export class BoundaryError extends Error {
  override name = 'BoundaryError';
}

const MARK = /\u2026 \[(\d+) more characters\]$/;

/** `s` cut to `max` characters (never inside a surrogate pair), with a marker saying how many were cut. */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // keep a pair whole
  return `${s.slice(0, end)}\u2026 [${s.length - end} more characters]`;
}

/** A capped string's kept text and how many characters were cut (0 for a whole string). */
export interface CappedText {
  text: string;
  omitted: number;
}

/** Undo `capText`'s marker: the kept text and the count of characters cut. */
export function splitCapped(s: string): CappedText {
  const m = MARK.exec(s);
  return m ? { text: s.slice(0, m.index), omitted: Number(m[1]) } : { text: s, omitted: 0 };
}

interface CopyOptions {
  stringChars: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A fresh copy of `value` made only of plain data (null, booleans, numbers, strings, lists, plain objects),
 * strings cut to the cap, within the depth and size limits; anything else (a Map, a port, a buffer, a class
 * instance) is refused. Iterative, so no reply can exhaust the stack.
 */
export function plainCopy(value: unknown, options: CopyOptions): unknown {
  let nodes = 0;
  const leaf = (v: unknown, where: string): unknown => {
    if (++nodes > BOUNDARY_LIMITS.nodes) throw new BoundaryError(`the reply holds more than ${BOUNDARY_LIMITS.nodes} values`);
    if (v === null || v === undefined || typeof v === 'boolean' || typeof v === 'number') return v;
    if (typeof v === 'string') return capText(v, options.stringChars);
    if (Array.isArray(v)) return v;
    if (typeof v === 'object') {
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto === Object.prototype || proto === null) return v;
    }
    throw new BoundaryError(`${where} is not plain data (${Object.prototype.toString.call(v)})`);
  };
  const root = { v: leaf(value, 'the reply') };
  const out: { v: unknown } = { v: undefined };
  // Each entry: a source container, its copy, and its depth.
  const stack: { src: unknown; set: (x: unknown) => void; depth: number }[] = [{ src: root.v, set: (x) => (out.v = x), depth: 0 }];
  while (stack.length > 0) {
    const { src, set, depth } = stack.pop()!;
    if (src === null || typeof src !== 'object') {
      set(src);
      continue;
    }
    if (depth >= BOUNDARY_LIMITS.depth) throw new BoundaryError(`the reply is nested more than ${BOUNDARY_LIMITS.depth} levels deep`);
    if (Array.isArray(src)) {
      const copy: unknown[] = new Array<unknown>(src.length);
      set(copy);
      for (let i = 0; i < src.length; i++) {
        const x = leaf(src[i], 'a list item');
        stack.push({ src: x, set: (y) => (copy[i] = y), depth: depth + 1 });
      }
    } else {
      const copy: Record<string, unknown> = {};
      set(copy);
      for (const k of Object.keys(src)) {
        const x = leaf((src as Record<string, unknown>)[k], `the field ${JSON.stringify(capText(k, 40))}`);
        if (x === undefined) continue;
        const key = capText(k, 1_000);
        // defineProperty: a key named "__proto__" stays a key and never sets the copy's prototype.
        stack.push({ src: x, set: (y) => Object.defineProperty(copy, key, { value: y, enumerable: true, writable: true, configurable: true }), depth: depth + 1 });
      }
    }
  }
  return out.v;
}

// --- schema checks (on the copies) ----------------------------------------------------------------------------

function need(ok: boolean, what: string): asserts ok {
  if (!ok) throw new BoundaryError(what);
}
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number';
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);
const listOf = (v: unknown, check: (x: unknown) => boolean) => Array.isArray(v) && v.every(check);

function checkRunResult(r: unknown) {
  need(isRecord(r), 'result is not an object');
  need(isNum(r.reward), 'result.reward is not a number');
  const m = r.metadata;
  need(isRecord(m), 'result.metadata is not an object');
  need(isStr(m.name) && isStr(m.type), 'result.metadata.name/type are not strings');
  need(isRecord(m.errors), 'result.metadata.errors is not an object');
  need(Object.values(m.errors).every((x) => typeof x === 'boolean' || isStr(x) || x === null), 'result.metadata.errors holds other than flags');
  need(isNum(m.execution_time), 'result.metadata.execution_time is not a number');
  need(isRecord(m.scores), 'result.metadata.scores is not an object');
  need(m.token_usage === null || isRecord(m.token_usage), 'result.metadata.token_usage is not an object');
  need(m.sampled_model_name === null || isStr(m.sampled_model_name), 'result.metadata.sampled_model_name is not a string');
  need(isRecord(r.sub_rewards) && Object.values(r.sub_rewards).every(isNum), 'result.sub_rewards is not a map of numbers');
  need(isRecord(r.model_grader_token_usage_per_model), 'result.model_grader_token_usage_per_model is not an object');
  if (r.explain !== undefined) checkExplanation(r.explain, 'result.explain');
}

function checkExplanation(e: unknown, at: string) {
  // Iterative over children, so a deep tree cannot exhaust the stack (depth is bounded by the copy anyway).
  const todo: [unknown, string][] = [[e, at]];
  while (todo.length > 0) {
    const [x, where] = todo.pop()!;
    need(isRecord(x), `${where} is not an object`);
    need(isStr(x.type) && isStr(x.summary), `${where}.type/summary are not strings`);
    need(listOf(x.rendered, (f) => isRecord(f) && isStr(f.pointer) && isStr(f.template) && isStr(f.rendered)), `${where}.rendered is malformed`);
    need(listOf(x.problems, (p) => isRecord(p) && isStr(p.flag) && isStr(p.message) && optional(p.pointer, isStr)), `${where}.problems is malformed`);
    need(listOf(x.assumptions, (a) => isRecord(a) && isStr(a.id) && isStr(a.text)), `${where}.assumptions is malformed`);
    need(optional(x.details, isRecord), `${where}.details is not an object`);
    need(optional(x.pass, (p) => isRecord(p) && isNum(p.threshold) && typeof p.passed === 'boolean'), `${where}.pass is malformed`);
    if (x.children !== undefined) {
      need(isRecord(x.children), `${where}.children is not an object`);
      for (const [k, c] of Object.entries(x.children)) todo.push([c, `${where}.children.${k}`]);
    }
  }
}

const DOC_NAMES = ['grader', 'sample', 'item'];

/** A live run's reply (`GraderWorkerApi.run`), checked and capped, with the whole texts of its long strings. */
export function checkRunResponse(raw: unknown): RunResponse {
  // The long texts' Blobs are not plain data: checked on their own, then the rest of the reply is copied.
  let texts: LongText[] = [];
  if (isRecord(raw) && raw.texts !== undefined) {
    texts = checkLongTexts(raw.texts);
    const { texts: _texts, ...rest } = raw;
    void _texts;
    raw = rest;
  }
  const v = plainCopy(raw, { stringChars: BOUNDARY_LIMITS.stringChars });
  need(isRecord(v), 'the run reply is not an object');
  need(
    listOf(v.docErrors, (d) => isRecord(d) && DOC_NAMES.includes(d.doc as string) && isStr(d.message) && isInt(d.offset) && isInt(d.line) && isInt(d.column)),
    'docErrors is malformed',
  );
  need(
    listOf(v.problems, (p) => isRecord(p) && isStr(p.pointer) && isStr(p.message) && (p.severity === 'error' || p.severity === 'warning') && optional(p.flags, (f) => listOf(f, isStr))),
    'problems is malformed',
  );
  if (v.result !== null) checkRunResult(v.result);
  if (texts.length > 0) v.texts = texts;
  return v as unknown as RunResponse;
}

/**
 * The whole texts of a reply's long strings (long-text.ts): each a head, a length and a Blob, bounded in number
 * and total size. The Blob's own type is never used (the views wrap it as plain text); its size is native, so
 * it cannot lie, and the claimed length must fit it (a UTF-16 code unit takes at least one UTF-8 byte).
 */
function checkLongTexts(raw: unknown): LongText[] {
  need(Array.isArray(raw) && raw.length <= BOUNDARY_LIMITS.longTexts, 'texts is malformed or holds too many texts');
  let total = 0;
  return (raw as unknown[]).map((t) => {
    need(
      isRecord(t) && typeof t.head === 'string' && t.head.length <= LONG_TEXT_HEAD && isInt(t.length) && t.blob instanceof Blob,
      'a long text is malformed',
    );
    const r = t as unknown as LongText;
    need(r.length >= r.head.length && r.length <= r.blob.size, 'a long text claims a length its text does not have');
    total += r.blob.size;
    need(total <= BOUNDARY_LIMITS.longTextBytes, 'the long texts are larger than the boundary allows');
    return { head: r.head, length: r.length, blob: r.blob };
  });
}

/** A dataset batch's reply (`GraderWorkerApi.gradeLines`): only rows of the batch, messages capped short. */
export function checkBatchResponse(raw: unknown, rows: ReadonlySet<number>): BatchResponse {
  const v = plainCopy(raw, { stringChars: BOUNDARY_LIMITS.rowMessageChars });
  need(isRecord(v), 'the batch reply is not an object');
  need(
    listOf(
      v.results,
      (r) =>
        isRecord(r) &&
        isInt(r.row) &&
        rows.has(r.row) &&
        isInt(r.sampleIndex) &&
        (r.sampleIndex as number) >= 0 &&
        isNum(r.reward) &&
        listOf(r.flags, isStr) &&
        optional(r.label, isStr) &&
        optional(r.message, isStr) &&
        optional(r.human, isNum),
    ),
    'results is malformed or names a row outside the batch',
  );
  need(listOf(v.rowErrors, (e) => isRecord(e) && isInt(e.row) && rows.has(e.row) && isInt(e.line) && isStr(e.message)), 'rowErrors is malformed');
  need(optional(v.graderError, isStr), 'graderError is not a string');
  return v as unknown as BatchResponse;
}

/** An AST panel reply (`GraderWorkerApi.ast`). */
export function checkAstResponse(raw: unknown): AstResponse {
  const v = plainCopy(raw, { stringChars: BOUNDARY_LIMITS.stringChars });
  need(isRecord(v) && isRecord(v.result) && isNum(v.ms), 'the AST reply is malformed');
  need(optional(v.tree, isRecord) && optional(v.pattern, isRecord), 'the AST reply is malformed');
  return v as unknown as AstResponse;
}

/** A progress callback's argument. */
export function checkProgress(raw: unknown): RunProgress {
  need(raw === 'loading' || raw === 'exec', 'progress is neither "loading" nor "exec"');
  return raw;
}

/** A dataset row-start callback's argument: a row of the current batch. */
export function checkRow(raw: unknown, rows: ReadonlySet<number>): number {
  need(isInt(raw) && rows.has(raw), 'the row is not one of the batch');
  return raw;
}

/** A model-call callback's arguments: an operation of the fixed set and a JSON object body of bounded size. */
export function checkModelCall(op: unknown, body: unknown): { op: ModelOperation; body: Record<string, unknown> } {
  need(isStr(op) && (MODEL_OPERATIONS as readonly string[]).includes(op), `the model operation ${JSON.stringify(String(op).slice(0, 60))} is not one of ${MODEL_OPERATIONS.join(', ')}`);
  // Strings are not cut here (a prompt must go whole): the body's total size is bounded instead.
  const copy = plainCopy(body, { stringChars: BOUNDARY_LIMITS.modelBodyChars });
  need(isRecord(copy), 'the model call body is not an object');
  need(JSON.stringify(copy).length <= BOUNDARY_LIMITS.modelBodyChars, `the model call body is over ${BOUNDARY_LIMITS.modelBodyChars} characters`);
  return { op: op as ModelOperation, body: copy };
}

/** A worker's file request, relayed by the frame; null when it is not one. */
export function checkAssetRequest(raw: unknown): AssetRequest | null {
  if (!isRecord(raw) || raw.type !== 'asset' || !isInt(raw.id) || !isStr(raw.url) || raw.url.length > BOUNDARY_LIMITS.urlChars) return null;
  const { integrity } = raw;
  if (integrity !== undefined && !(isStr(integrity) && /^(sha256|sha384|sha512)-[A-Za-z0-9+/=]{1,128}$/.test(integrity))) return null;
  return { type: 'asset', id: raw.id, url: raw.url, ...(integrity !== undefined ? { integrity } : {}) };
}

/** A message from the sandbox frame; null when it is not one the protocol has. */
export function checkFrameEvent(raw: unknown): FrameEvent | null {
  if (!isRecord(raw)) return null;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'spawned':
      return isInt(raw.id) ? { type: 'spawned', id: raw.id } : null;
    case 'worker-error':
      return isInt(raw.id) ? { type: 'worker-error', id: raw.id, message: capText(isStr(raw.message) ? raw.message : 'the grader worker failed', 2_000) } : null;
    case 'asset':
      return checkAssetRequest(raw);
    default:
      return null;
  }
}
