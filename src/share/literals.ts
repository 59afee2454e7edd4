/**
 * JSON values (from the lossless parser) written as source code for the SDK snippets of an export: a Python
 * literal (dict/list/str/True/None, number lexemes kept, so `1.0` stays a float) and a JavaScript expression.
 * Output only; nothing here parses code.
 */
import { isJsonNumber, jsonEntries, numberLexeme } from '../engine/json.ts';
import type { JsonValue } from '../engine/types.ts';
import { prettyJson } from './doc.ts';

const PY_SIMPLE: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
// What Python's str.isprintable() rejects, roughly: controls, format characters, separators other than space.
const NOT_PRINTABLE = /[\p{C}\p{Z}]/u;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A Python string literal in double quotes; unprintable characters escaped, astral ones as `\UXXXXXXXX`. */
export function pythonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    if (PY_SIMPLE[ch]) out += PY_SIMPLE[ch];
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0)) out += `\\x${hex(cp, 2)}`;
    // A "\ud83d\ude00" pair in Python source is two lone surrogates, not the emoji: astral needs \U.
    else if (cp > 0xffff) out += NOT_PRINTABLE.test(ch) ? `\\U${hex(cp, 8)}` : ch;
    else if ((cp >= 0xd800 && cp <= 0xdfff) || (ch !== ' ' && NOT_PRINTABLE.test(ch))) out += `\\u${hex(cp, 4)}`;
    else out += ch;
  }
  return out + '"';
}

/** A Python expression for a JSON value, 4 spaces per level, with trailing commas as black writes them. */
export function pythonLiteral(value: JsonValue, level = 0): string {
  const pad = '    '.repeat(level + 1);
  const close = '    '.repeat(level);
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return pythonString(value);
  if (isJsonNumber(value)) return numberLexeme(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => pad + pythonLiteral(v, level + 1)).join(',\n')},\n${close}]`;
  }
  const entries = jsonEntries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${pythonString(k)}: ${pythonLiteral(v, level + 1)}`).join(',\n')},\n${close}}`;
}

function hasProtoKey(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(hasProtoKey);
  if (value === null || typeof value !== 'object' || isJsonNumber(value)) return false;
  return Object.entries(value).some(([k, v]) => k === '__proto__' || hasProtoKey(v));
}

/**
 * A JavaScript expression for a JSON value. JSON text is a JS expression, except that a `"__proto__"` key in an
 * object literal sets the prototype instead of making a key; such values go through JSON.parse. (Integer-like
 * keys still move to the front of any JS object, so the JS SDK sends them first; Python's keeps the order.)
 */
export function jsLiteral(value: JsonValue): string {
  const text = prettyJson(value);
  return hasProtoKey(value) ? `JSON.parse(${JSON.stringify(text)})` : text;
}
