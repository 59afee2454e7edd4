/**
 * OpenAI's grader templates: `{{ sample.output_text }}`, `{{ item.answers[0].text }}`. Plain substitution, no
 * filters or logic; only the `sample` and `item` namespaces. A string renders as itself; any other value as
 * Python's `json.dumps` (or compact JSON, a setting). A missing path is an error naming the path, never "".
 */
import { isJsonNumber, isJsonObject, jsonKeys, pyJsonDumps } from './json.ts';
import type { JsonObject, JsonValue } from './types.ts';

export type Namespace = 'sample' | 'item';
export type PathSegment = string | number;

export interface TemplateVariable {
  kind: 'var';
  /** The text between the braces, trimmed (e.g. `item.answers[0].text`). */
  expression: string;
  namespace: Namespace;
  path: PathSegment[];
  /** UTF-16 offsets of the whole `{{ ... }}` in the template. */
  start: number;
  end: number;
}

export interface TemplateText {
  kind: 'text';
  text: string;
}

export type TemplateSegment = TemplateText | TemplateVariable;

export interface TemplateSyntaxError {
  message: string;
  start: number;
  end: number;
}

export interface ParsedTemplate {
  segments: TemplateSegment[];
  errors: TemplateSyntaxError[];
}

const SEGMENT = /^[^.\[\]\s{}]+/;

/** Parse `sample.a.b[0].c` into a namespace and path, or explain what is wrong with it. */
export function parseExpression(expr: string): { namespace: Namespace; path: PathSegment[] } | { error: string } {
  const head = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(expr);
  if (!head) return { error: `"${expr}" is not a variable: write sample.<field> or item.<field>` };
  const ns = head[1]!;
  if (ns !== 'sample' && ns !== 'item') {
    return { error: `unknown namespace "${ns}" in "${expr}": the only namespaces are sample and item` };
  }
  const path: PathSegment[] = [];
  let rest = expr.slice(ns.length);
  while (rest.length > 0) {
    if (rest[0] === '.') {
      const m = SEGMENT.exec(rest.slice(1));
      if (!m) return { error: `a field name is missing after "." in "${expr}"` };
      path.push(m[0]);
      rest = rest.slice(1 + m[0].length);
    } else if (rest[0] === '[') {
      const m = /^\[\s*(\d+)\s*\]/.exec(rest);
      if (!m) {
        const q = /^\[\s*"([^"]*)"\s*\]/.exec(rest) ?? /^\[\s*'([^']*)'\s*\]/.exec(rest);
        if (!q) return { error: `"${rest}" in "${expr}" is not an index: write [0], [1], ...` };
        path.push(q[1]!);
        rest = rest.slice(q[0].length);
        continue;
      }
      path.push(Number(m[1]));
      rest = rest.slice(m[0].length);
    } else if (/^\s/.test(rest)) {
      return { error: `spaces are not allowed inside the path "${expr}"` };
    } else if (rest[0] === '|') {
      return { error: `filters ("${rest}") are not supported: templates are plain substitution` };
    } else {
      return { error: `unexpected "${rest[0]}" in "${expr}"` };
    }
  }
  return { namespace: ns, path };
}

/** Recently parsed templates: a dataset renders the same few templates on every row. */
const parsedCache = new Map<string, ParsedTemplate>();
const PARSED_CACHE_SIZE = 64;

/**
 * Split a template into literal text and variables, collecting syntax errors with their offsets. The result is
 * shared between calls with the same text (a small cache): read it, never change it.
 */
export function parseTemplate(template: string): ParsedTemplate {
  const cached = parsedCache.get(template);
  if (cached) return cached;
  const parsed = parseTemplateText(template);
  if (parsedCache.size >= PARSED_CACHE_SIZE) parsedCache.delete(parsedCache.keys().next().value!);
  parsedCache.set(template, parsed);
  return parsed;
}

function parseTemplateText(template: string): ParsedTemplate {
  const segments: TemplateSegment[] = [];
  const errors: TemplateSyntaxError[] = [];
  let i = 0;
  let textStart = 0;
  const pushText = (end: number) => {
    if (end > textStart) segments.push({ kind: 'text', text: template.slice(textStart, end) });
  };
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const next = template[open + 1];
    if (next === '%' || next === '#') {
      errors.push({
        message: `"{${next}" is Jinja syntax; grader templates are plain {{ namespace.path }} substitution`,
        start: open,
        end: open + 2,
      });
      i = open + 2;
      continue;
    }
    if (next !== '{') {
      i = open + 1;
      continue;
    }
    const close = template.indexOf('}}', open + 2);
    if (close < 0) {
      errors.push({ message: 'this "{{" is never closed with "}}"', start: open, end: template.length });
      break;
    }
    const expression = template.slice(open + 2, close).trim();
    const parsed = parseExpression(expression);
    if ('error' in parsed) {
      errors.push({ message: parsed.error, start: open, end: close + 2 });
      i = close + 2;
      continue;
    }
    pushText(open);
    segments.push({ kind: 'var', expression, namespace: parsed.namespace, path: parsed.path, start: open, end: close + 2 });
    i = close + 2;
    textStart = i;
  }
  pushText(template.length);
  // Errors leave their text in place as literal text, so the segments always cover the whole template.
  if (errors.length > 0) return { segments: [{ kind: 'text', text: template }], errors };
  return { segments, errors };
}

export function formatPath(namespace: Namespace, path: PathSegment[]): string {
  return namespace + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}

export type Lookup =
  | { ok: true; value: JsonValue }
  | { ok: false; message: string; /** the longest prefix that exists */ found: string };

/** Follow a path into a document. Keys must be own properties; indexes must be in range. */
export function lookup(root: JsonValue, namespace: Namespace, path: PathSegment[]): Lookup {
  let cur: JsonValue = root;
  for (let k = 0; k < path.length; k++) {
    const seg = path[k]!;
    if (Array.isArray(cur) ? typeof seg === 'number' && seg < cur.length : isJsonObject(cur) && Object.prototype.hasOwnProperty.call(cur, String(seg))) {
      cur = Array.isArray(cur) ? cur[seg as number]! : (cur as JsonObject)[String(seg)]!;
      continue;
    }
    // A step that fails: the paths named in the message are built only now (a lookup runs for every row).
    const here = formatPath(namespace, path.slice(0, k));
    const target = formatPath(namespace, path.slice(0, k + 1));
    if (Array.isArray(cur)) {
      if (typeof seg !== 'number') {
        return { ok: false, found: here, message: `${here} is a list, so ${target} does not exist: index it as ${here}[0]` };
      }
      if (seg >= cur.length) {
        return {
          ok: false,
          found: here,
          message: `${target} does not exist: ${here} has ${cur.length} element${cur.length === 1 ? '' : 's'}`,
        };
      }
      cur = cur[seg]!;
    } else if (isJsonObject(cur)) {
      const key = String(seg);
      if (!Object.prototype.hasOwnProperty.call(cur, key)) {
        const keys = jsonKeys(cur);
        const shown = keys.slice(0, 8).join(', ') + (keys.length > 8 ? ', ...' : '');
        return {
          ok: false,
          found: here,
          message: `${target} does not exist: ${here} has ${keys.length ? `the keys ${shown}` : 'no keys'}`,
        };
      }
      cur = cur[key]!;
    } else {
      const what = cur === null ? 'null' : isJsonNumber(cur) ? 'a number' : typeof cur === 'string' ? 'a string' : 'a boolean';
      return { ok: false, found: here, message: `${target} does not exist: ${here} is ${what}, not an object or a list` };
    }
  }
  return { ok: true, value: cur };
}

export interface RenderOptions {
  compactJson?: boolean;
}

/** A piece of rendered output; `variable` is set on pieces that came from a `{{ }}`. */
export interface RenderedPiece {
  text: string;
  variable?: string;
  /** The variable held a non-string value, rendered as JSON. */
  json?: boolean;
}

export type RenderResult =
  | { ok: true; text: string; pieces: RenderedPiece[] }
  | {
      ok: false;
      kind: 'syntax' | 'missing' | 'sample_parse';
      message: string;
      /** The offending `{{ }}` in the template. */
      start: number;
      end: number;
    };

/** The value of a variable as text: strings as they are, everything else as json.dumps. */
export function valueToText(value: JsonValue, options: RenderOptions = {}): string {
  return typeof value === 'string' ? value : pyJsonDumps(value, { compact: options.compactJson ?? false });
}

/** Render a template against a sample and an item. */
export function renderTemplate(
  template: string,
  docs: { sample: JsonValue; item: JsonValue },
  options: RenderOptions = {},
): RenderResult {
  const parsed = parseTemplate(template);
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    return { ok: false, kind: 'syntax', message: e.message, start: e.start, end: e.end };
  }
  const pieces: RenderedPiece[] = [];
  for (const seg of parsed.segments) {
    if (seg.kind === 'text') {
      pieces.push({ text: seg.text });
      continue;
    }
    const found = lookup(docs[seg.namespace], seg.namespace, seg.path);
    if (!found.ok) {
      // output_json exists only when the model's output parsed as JSON: its absence is a sample problem.
      const jsonMissing =
        seg.namespace === 'sample' &&
        seg.path[0] === 'output_json' &&
        isJsonObject(docs.sample) &&
        !Object.prototype.hasOwnProperty.call(docs.sample, 'output_json');
      return {
        ok: false,
        kind: jsonMissing ? 'sample_parse' : 'missing',
        message: jsonMissing
          ? `{{ ${seg.expression} }}: the sample has no output_json (the model's output was not parsed as JSON)`
          : `{{ ${seg.expression} }}: ${found.message}`,
        start: seg.start,
        end: seg.end,
      };
    }
    pieces.push({
      text: valueToText(found.value, options),
      variable: seg.expression,
      ...(typeof found.value === 'string' ? {} : { json: true }),
    });
  }
  return { ok: true, text: pieces.map((p) => p.text).join(''), pieces };
}

/** Every variable a template uses (for validation and for the editor's hints). */
export function templateVariables(template: string): TemplateVariable[] {
  return parseTemplate(template).segments.filter((s): s is TemplateVariable => s.kind === 'var');
}
