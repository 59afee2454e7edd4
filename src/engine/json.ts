/**
 * JSON in and out the way Python sees it. Parsing keeps every number's lexeme (lossless-json), so `1.0` stays a
 * float and `1` an int, as `json.loads` makes them; `pyJsonDumps` writes a value as Python's `json.dumps` would
 * with its defaults (separators `", "`/`": "`, `ensure_ascii=True`). Parse errors are values with a line and
 * column, never thrown strings.
 */
import { isLosslessNumber, LosslessNumber, parse as losslessParse } from 'lossless-json';
import { jsonEntries, orderedObject, setJsonKey, setJsonKeyOrder } from './json-order.ts';
import type { JsonObject, JsonValue } from './types.ts';

export { copyJsonObject, jsonEntries, jsonKeys, orderedObject } from './json-order.ts';

export interface JsonParseError {
  message: string;
  /** 0-based UTF-16 offset into the text. */
  offset: number;
  /** 1-based line and column (column in UTF-16 units, as editors count). */
  line: number;
  column: number;
}

export type JsonParseResult = { ok: true; value: JsonValue } | { ok: false; error: JsonParseError };

/** Line and column (both 1-based) of a UTF-16 offset. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** A key JavaScript would move to the front (`"0"`, `"12"`) may occur: such texts are rebuilt in source order. */
const INDEX_KEY = /"(?:[0-9]|\\u003[0-9])+"\s*:/i;

/** How deep arrays and objects may nest in a document (any real grader, sample or item is far shallower). */
export const MAX_JSON_DEPTH = 512;

/** The offset of the quote that closes the string opened at `start`, or -1: short strings char by char, long ones by jumps. */
function stringEnd(text: string, start: number): number {
  const stop = Math.min(text.length, start + 64);
  let i = start + 1;
  for (; i < stop; i++) {
    const d = text.charCodeAt(i);
    if (d === 92) i++;
    else if (d === 34) return i;
  }
  // A long string: jump from quote to quote; a quote preceded by an odd run of backslashes is escaped.
  for (let j = i; ; j++) {
    j = text.indexOf('"', j);
    if (j < 0) return -1;
    let k = j - 1;
    while (k > start && text.charCodeAt(k) === 92) k--;
    if ((j - 1 - k) % 2 === 0) return j;
  }
}

/** The offset of the first bracket that opens level `limit + 1`, or -1 (strings skipped; no full parse). */
export function nestingBeyond(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i = stringEnd(text, i);
      if (i < 0) return -1;
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) {
      depth--;
    }
  }
  return -1;
}

/** True when a number token (or a sign or digit, as in a malformed one) stands outside the text's strings. */
function hasBareNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i = stringEnd(text, i);
      if (i < 0) return true;
    } else if ((c >= 48 && c <= 57) || c === 45) {
      return true;
    }
  }
  return false;
}

/**
 * Parse JSON text, keeping numbers as LosslessNumber and keys in source order (see json-order.ts). Duplicate
 * keys keep the last value in the first key's place, as Python's `json.loads` does; `__proto__` is an
 * ordinary key.
 */
export function parseJson(text: string): JsonParseResult {
  if (text.trim() === '') {
    return { ok: false, error: { message: 'The document is empty: expected a JSON value', offset: 0, line: 1, column: 1 } };
  }
  // Everything after parsing (copying, printing, validating) recurses: refuse what would exhaust the stack.
  const tooDeep = nestingBeyond(text, MAX_JSON_DEPTH);
  if (tooDeep >= 0) {
    const { line, column } = offsetToLineColumn(text, tooDeep);
    return {
      ok: false,
      error: { message: `The document is nested more than ${MAX_JSON_DEPTH} levels deep (arrays and objects inside each other); that is the limit`, offset: tooDeep, line, column },
    };
  }
  // Without numbers or integer-like keys the lossless parse gives what JSON.parse gives (values, key order,
  // duplicate keys, `__proto__` as a key), several times slower: a dataset's rows are often all text.
  if (!hasBareNumber(text) && !INDEX_KEY.test(text)) {
    try {
      return { ok: true, value: JSON.parse(text) as JsonValue };
    } catch {
      // Invalid: the lossless parser below says where and why, in its own words.
    }
  }
  try {
    const value = losslessParse(text, null, {
      onDuplicateKey: (info) => info.newValue,
    }) as JsonValue;
    return { ok: true, value: INDEX_KEY.test(text) ? parseValid(text) : value };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const m = /at position (\d+)/.exec(raw) ?? /position (\d+)/.exec(raw);
    const offset = m ? Number(m[1]) : text.length;
    const { line, column } = offsetToLineColumn(text, offset);
    const message = raw.replace(/\s*at position \d+\s*$/, '').replace(/^JSON value expected/, 'A JSON value was expected');
    return { ok: false, error: { message, offset, line, column } };
  }
}

/**
 * Build the value of a text lossless-json has already accepted, recording each object's key order. Strings are
 * decoded by JSON.parse of their own token, numbers kept as their lexeme.
 */
function parseValid(text: string): JsonValue {
  let i = 0;
  const skip = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  };
  const string = (): string => {
    const start = i++;
    for (let c = text.charCodeAt(i); c !== 34; c = text.charCodeAt(i)) i += c === 92 ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): JsonValue => {
    skip();
    const c = text.charCodeAt(i);
    let out: JsonValue;
    if (c === 123) {
      i++;
      const object: JsonObject = {};
      const keys: string[] = [];
      skip();
      while (text.charCodeAt(i) !== 125) {
        if (text.charCodeAt(i) === 44) i++;
        skip();
        const key = string();
        skip();
        i++; // ':'
        const v = value();
        if (!Object.hasOwn(object, key)) keys.push(key);
        setJsonKey(object, key, v);
      }
      i++;
      setJsonKeyOrder(object, keys);
      out = object;
    } else if (c === 91) {
      i++;
      const array: JsonValue[] = [];
      skip();
      while (text.charCodeAt(i) !== 93) {
        if (text.charCodeAt(i) === 44) i++;
        array.push(value());
      }
      i++;
      out = array;
    } else if (c === 34) {
      out = string();
    } else if (c === 116) {
      i += 4;
      out = true;
    } else if (c === 102) {
      i += 5;
      out = false;
    } else if (c === 110) {
      i += 4;
      out = null;
    } else {
      const start = i;
      for (let d = text.charCodeAt(i); (d >= 48 && d <= 57) || d === 45 || d === 43 || d === 46 || d === 101 || d === 69; d = text.charCodeAt(++i));
      out = new LosslessNumber(text.slice(start, i));
    }
    skip();
    return out;
  };
  return value();
}

/** True for a number kept by the lossless parser (also after structured cloning stripped its class). */
export function isJsonNumber(v: unknown): v is LosslessNumber | number {
  if (typeof v === 'number') return true;
  if (isLosslessNumber(v)) return true;
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { isLosslessNumber?: unknown }).isLosslessNumber === true &&
    typeof (v as { value?: unknown }).value === 'string'
  );
}

/** The number's JSON lexeme ("1.0", "1e5", "42"). */
export function numberLexeme(v: LosslessNumber | number): string {
  return typeof v === 'number' ? String(v) : v.value;
}

/** Python's json.loads makes a float of a lexeme with a fraction or an exponent, an int otherwise. */
export function isFloatLexeme(lexeme: string): boolean {
  return /[.eE]/.test(lexeme);
}

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isJsonNumber(v);
}

/**
 * Python's `repr(float)`: the shortest digits that round-trip (as JS), in fixed notation when the decimal
 * exponent is in [-4, 16), else `d.ddde+XX`; always with a `.0` or an exponent so it reads back as a float.
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // toExponential() without an argument gives the shortest round-trip digits.
  const exp = x.toExponential();
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exp);
  if (!m) return String(x);
  const sign = m[1] ?? '';
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const e = Number(m[4]);
  if (e >= -4 && e < 16) {
    if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
    const intPart = digits.length > e + 1 ? digits.slice(0, e + 1) : digits.padEnd(e + 1, '0');
    const frac = digits.length > e + 1 ? digits.slice(e + 1) : '0';
    return `${sign}${intPart}.${frac}`;
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : `${digits}`;
  const expText = `${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return `${sign}${mantissa}e${expText}`;
}

/** What Python's json.dumps writes for the number json.loads made of this lexeme. */
export function pyNumberText(lexeme: string): string {
  if (isFloatLexeme(lexeme)) return pyFloatRepr(Number(lexeme));
  // An int: Python keeps arbitrary precision and drops a leading '-' of zero ("-0" -> 0).
  const big = BigInt(lexeme);
  return big.toString();
}

/** A JSON string literal with `ensure_ascii=True`, as Python's json module writes it. */
export function pyJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x0c:
        out += '\\f';
        break;
      default:
        // UTF-16 units above 0x7e are escaped one by one, which is exactly Python's surrogate-pair output.
        out += c < 0x20 || c > 0x7e ? '\\u' + c.toString(16).padStart(4, '0') : s[i];
    }
  }
  return out + '"';
}

export interface DumpOptions {
  /** `(",", ":")` separators instead of Python's default `(", ", ": ")`. */
  compact?: boolean;
}

/** `json.dumps(value)` as Python writes it (defaults), or with compact separators. */
export function pyJsonDumps(value: JsonValue | undefined, options: DumpOptions = {}): string {
  const itemSep = options.compact ? ',' : ', ';
  const keySep = options.compact ? ':' : ': ';
  const go = (v: JsonValue | undefined): string => {
    if (v === null || v === undefined) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (typeof v === 'string') return pyJsonString(v);
    if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloatRepr(v);
    if (isJsonNumber(v)) return pyNumberText(numberLexeme(v));
    if (Array.isArray(v)) return '[' + v.map(go).join(itemSep) + ']';
    return '{' + jsonEntries(v).map(([k, x]) => pyJsonString(k) + keySep + go(x)).join(itemSep) + '}';
  };
  return go(value);
}

/**
 * JSON text that keeps every number's lexeme and every object's key order (for handing a document to Python's
 * json.loads exactly), compact or indented by `indent` spaces. Otherwise the text JSON.stringify writes.
 */
export function losslessJsonText(value: JsonValue, indent = 0): string {
  const step = ' '.repeat(indent);
  const go = (v: JsonValue | undefined, pad: string): string => {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return 'null';
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    if (isJsonNumber(v)) return numberLexeme(v);
    const inner = pad + step;
    const open = indent ? '\n' + inner : '';
    const sep = indent ? ',\n' + inner : ',';
    const close = indent ? '\n' + pad : '';
    if (Array.isArray(v)) return v.length === 0 ? '[]' : '[' + open + v.map((x) => go(x, inner)).join(sep) + close + ']';
    const parts: string[] = [];
    for (const [k, x] of jsonEntries(v)) {
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      parts.push(JSON.stringify(k) + (indent ? ': ' : ':') + go(x, inner));
    }
    return parts.length === 0 ? '{}' : '{' + open + parts.join(sep) + close + '}';
  };
  return go(value, '');
}

/** The same, indented for an editor (2 spaces), numbers' lexemes and key order kept. */
export function losslessJsonPretty(value: JsonValue): string {
  return losslessJsonText(value, 2);
}

/** A plain JS value (numbers as JS numbers) for consumers that do not care about int/float. */
export function toPlain(value: JsonValue): unknown {
  if (isJsonNumber(value)) return typeof value === 'number' ? value : Number(numberLexeme(value));
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    return orderedObject(jsonEntries(value).map(([k, v]) => [k, toPlain(v)] as const));
  }
  return value;
}

export { LosslessNumber };
