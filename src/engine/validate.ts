/**
 * Grader validation, like OpenAI's `/fine_tuning/alpha/graders/validate` but reporting every problem at once,
 * each with a JSON pointer into the grader and a plain sentence. Errors make the grader unrunnable; warnings
 * (unknown fields, playground-only extensions) do not.
 */
import { jsonKeys } from './json.ts';
import { formulaProblems } from './formula.ts';
import { astGrepProblems } from './graders/ast-grep-validate.ts';
import { distance as levenshtein } from 'fastest-levenshtein';
import { parseTemplate } from './template.ts';
import { GRADER_TYPES, REASONING_EFFORTS, TEXT_SIMILARITY_METRICS, type ErrorFlag, type Grader } from './types.ts';

export interface ValidationProblem {
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
  /** The RunResult error flags an error sets when it stops a run, main one first (default other_error). */
  flags?: ErrorFlag[];
}

export type ValidationResult =
  | { ok: true; grader: Grader; problems: ValidationProblem[] }
  | { ok: false; problems: ValidationProblem[] };

/** 256 kB, OpenAI's documented limit for python grader source. */
export const MAX_PYTHON_SOURCE_BYTES = 256 * 1024;

/** How deep a grader's objects and lists may nest (a multi holding a model grader's messages is about 8). */
export const MAX_GRADER_DEPTH = 64;

/** The nesting depth of a plain value, counted without recursion and only up to `limit + 1`. */
export function nestingDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > limit) return max;
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push([x, d + 1]);
  }
  return max;
}

export function pointerEscape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

const FIELDS: Record<string, { required: string[]; optional: string[] }> = {
  string_check: { required: ['type', 'name', 'input', 'reference', 'operation'], optional: ['pass_threshold'] },
  text_similarity: {
    required: ['type', 'name', 'input', 'reference', 'evaluation_metric'],
    optional: ['pass_threshold'],
  },
  python: { required: ['type', 'name', 'source'], optional: ['image_tag', 'pass_threshold'] },
  score_model: {
    required: ['type', 'name', 'model', 'input'],
    optional: ['range', 'sampling_params', 'pass_threshold'],
  },
  label_model: { required: ['type', 'name', 'model', 'input', 'labels', 'passing_labels'], optional: [] },
  multi: { required: ['type', 'name', 'graders', 'calculate_output'], optional: ['pass_threshold'] },
  // Playground-only (no OpenAI equivalent): validated by graders/ast-grep-validate.ts, which also warns.
  ast_grep: { required: ['type', 'name', 'checks'], optional: ['pass_threshold'] },
};

const OPERATIONS = ['eq', 'ne', 'like', 'ilike'];
const OPERATION_HINTS: Record<string, string> = {
  neq: 'the enum value is "ne" (OpenAI\'s guide writes "neq" in prose, but only "ne" is accepted)',
  contains: '"contains" is not an operation: use "like" (input contains reference) or "ilike" (ignoring case)',
  equals: 'use "eq"',
  '==': 'use "eq"',
  '!=': 'use "ne"',
  starts_with: 'there is no prefix test: use a python grader',
  regex: 'there is no regex operation: use a python grader',
};
const ROLES = ['user', 'assistant', 'system', 'developer'];

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v === 'number' ? 'the number' : 'the boolean'} ${String(v)}`;
}

export function didYouMean(value: string, options: readonly string[]): string {
  let best = '';
  let bestD = Infinity;
  for (const o of options) {
    const dist = levenshtein(value.toLowerCase(), o.toLowerCase());
    if (dist < bestD) {
      bestD = dist;
      best = o;
    }
  }
  return bestD <= Math.max(2, Math.floor(best.length / 3)) ? ` Did you mean "${best}"?` : '';
}

export interface ValidateOptions {
  /** Where the grader sits: 'top' for RFT / run / validate (no top-level label_model), 'eval' for evals. */
  context?: 'top' | 'eval';
}

class Collector {
  problems: ValidationProblem[] = [];
  error(pointer: string, message: string, flags?: ErrorFlag[]) {
    this.problems.push(flags ? { pointer, message, severity: 'error', flags } : { pointer, message, severity: 'error' });
  }
  warn(pointer: string, message: string) {
    this.problems.push({ pointer, message, severity: 'warning' });
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkString(c: Collector, obj: Record<string, unknown>, key: string, at: string, opts: { template?: boolean; nonEmpty?: boolean } = {}) {
  const v = obj[key];
  if (v === undefined) return;
  const p = `${at}/${pointerEscape(key)}`;
  if (typeof v !== 'string') {
    c.error(p, `"${key}" must be a string, but it is ${describeType(v)}.`);
    return;
  }
  if (opts.nonEmpty && v.trim() === '') c.error(p, `"${key}" must not be empty.`);
  if (opts.template) checkTemplate(c, v, p);
}

function checkTemplate(c: Collector, template: string, pointer: string) {
  for (const e of parseTemplate(template).errors) c.error(pointer, `Template problem at character ${e.start + 1}: ${e.message}.`);
}

function checkNumber(c: Collector, obj: Record<string, unknown>, key: string, at: string) {
  const v = obj[key];
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v)) c.error(`${at}/${key}`, `"${key}" must be a number, but it is ${describeType(v)}.`);
}

function checkMessages(c: Collector, input: unknown, at: string) {
  const p = `${at}/input`;
  if (input === undefined) return;
  if (!Array.isArray(input)) {
    c.error(p, `"input" must be a list of messages like [{"role": "user", "content": "..."}], but it is ${describeType(input)}.`);
    return;
  }
  if (input.length === 0) c.error(p, '"input" has no messages: add at least one {"role": "user", "content": "..."}.');
  input.forEach((m, i) => {
    const mp = `${p}/${i}`;
    if (!isObject(m)) {
      c.error(mp, `Message ${i} must be an object with "role" and "content", but it is ${describeType(m)}.`);
      return;
    }
    if (typeof m.role !== 'string' || !ROLES.includes(m.role)) {
      c.error(`${mp}/role`, `Message ${i} needs a "role" of ${ROLES.map((r) => `"${r}"`).join(', ')}; it has ${describeType(m.role)}.`);
    }
    if (m.type !== undefined && m.type !== 'message') c.error(`${mp}/type`, `Message ${i}: "type" can only be "message".`);
    const content = m.content;
    if (content === undefined) {
      c.error(`${mp}/content`, `Message ${i} has no "content".`);
      return;
    }
    const parts = Array.isArray(content) ? content : [content];
    parts.forEach((part, j) => {
      const pp = Array.isArray(content) ? `${mp}/content/${j}` : `${mp}/content`;
      if (typeof part === 'string') return checkTemplate(c, part, pp);
      if (!isObject(part)) return c.error(pp, `A content part must be a string or an object, but it is ${describeType(part)}.`);
      switch (part.type) {
        case 'input_text':
        case 'output_text':
          if (typeof part.text !== 'string') c.error(`${pp}/text`, `A ${part.type} part needs a string "text".`);
          else checkTemplate(c, part.text, `${pp}/text`);
          return;
        case 'input_image':
          if (typeof part.image_url !== 'string') c.error(`${pp}/image_url`, 'An input_image part needs a string "image_url".');
          else checkTemplate(c, part.image_url, `${pp}/image_url`);
          if (part.detail !== undefined && !['high', 'low', 'auto'].includes(part.detail as string)) {
            c.error(`${pp}/detail`, '"detail" must be "high", "low" or "auto".');
          }
          return;
        case 'input_audio': {
          const a = part.input_audio;
          if (!isObject(a) || typeof a.data !== 'string' || typeof a.format !== 'string') {
            c.error(`${pp}/input_audio`, 'An input_audio part needs "input_audio": {"data": "...", "format": "wav"}.');
          } else checkTemplate(c, a.data, `${pp}/input_audio/data`);
          return;
        }
        default:
          c.error(
            `${pp}/type`,
            `Unknown content part type ${describeType(part.type)}: use "input_text", "output_text", "input_image" or "input_audio".`,
          );
      }
    });
  });
}

function validateNode(c: Collector, g: unknown, at: string, where: 'top' | 'eval' | 'multi') {
  if (!isObject(g)) {
    c.error(at, `A grader must be a JSON object with a "type", but this is ${describeType(g)}.`);
    return;
  }
  const type = g.type;
  if (type === undefined) {
    c.error(`${at}`, `The grader has no "type": use one of ${GRADER_TYPES.map((t) => `"${t}"`).join(', ')}.`);
    return;
  }
  if (typeof type !== 'string' || !(type in FIELDS)) {
    const hint = typeof type === 'string' ? didYouMean(type, GRADER_TYPES) : '';
    c.error(`${at}/type`, `Unknown grader type ${describeType(type)}.${hint} The types are ${GRADER_TYPES.join(', ')}.`);
    return;
  }
  if (type === 'multi' && where === 'multi') {
    c.error(`${at}/type`, 'A multi grader cannot contain another multi grader (OpenAI does not allow nesting).');
    return;
  }
  if (type === 'label_model' && where === 'top') {
    c.error(
      `${at}/type`,
      'label_model is not accepted as the top-level grader for RFT or /graders/run: put it inside a multi grader (or use score_model).',
    );
  }
  const spec = FIELDS[type]!;
  for (const key of spec.required) {
    if (g[key] === undefined) c.error(at, `The ${type} grader is missing the required field "${key}".`);
  }
  for (const key of Object.keys(g)) {
    if (!spec.required.includes(key) && !spec.optional.includes(key)) {
      c.warn(`${at}/${pointerEscape(key)}`, `"${key}" is not a field of ${type} graders; OpenAI would reject it.${didYouMean(key, [...spec.required, ...spec.optional])}`);
    }
  }
  checkString(c, g, 'name', at);
  checkNumber(c, g, 'pass_threshold', at);
  switch (type) {
    case 'string_check': {
      checkString(c, g, 'input', at, { template: true });
      checkString(c, g, 'reference', at, { template: true });
      const op = g.operation;
      if (op !== undefined && (typeof op !== 'string' || !OPERATIONS.includes(op))) {
        const hint = typeof op === 'string' ? (OPERATION_HINTS[op] ?? didYouMean(op, OPERATIONS).trim()) : '';
        c.error(`${at}/operation`, `"operation" must be one of "eq", "ne", "like", "ilike", not ${describeType(op)}.${hint ? ' ' + hint : ''}`);
      }
      break;
    }
    case 'text_similarity': {
      checkString(c, g, 'input', at, { template: true });
      checkString(c, g, 'reference', at, { template: true });
      const m = g.evaluation_metric;
      if (m !== undefined && (typeof m !== 'string' || !(TEXT_SIMILARITY_METRICS as readonly string[]).includes(m))) {
        const hint = typeof m === 'string' ? didYouMean(m.replace('-', '_'), TEXT_SIMILARITY_METRICS) : '';
        c.error(
          `${at}/evaluation_metric`,
          `"evaluation_metric" must be one of ${TEXT_SIMILARITY_METRICS.join(', ')}, not ${describeType(m)}.${hint}`,
        );
      }
      if (where === 'eval' && g.pass_threshold === undefined) {
        c.error(at, 'In evals, text_similarity graders require "pass_threshold".');
      }
      break;
    }
    case 'python': {
      checkString(c, g, 'source', at);
      checkString(c, g, 'image_tag', at);
      if (typeof g.source === 'string') {
        const bytes = new TextEncoder().encode(g.source).length;
        if (bytes > MAX_PYTHON_SOURCE_BYTES) {
          c.error(`${at}/source`, `The python source is ${Math.ceil(bytes / 1024)} KB; OpenAI's limit is 256 KB.`);
        }
        if (!/^\s*def\s+grade\s*\(/m.test(g.source)) {
          c.warn(`${at}/source`, 'The source does not seem to define grade(sample, item), which OpenAI calls.');
        }
      }
      break;
    }
    case 'score_model':
    case 'label_model': {
      checkString(c, g, 'model', at, { nonEmpty: true });
      checkMessages(c, g.input, at);
      if (type === 'score_model') {
        const r = g.range;
        if (r !== undefined) {
          if (!Array.isArray(r) || r.length !== 2 || !r.every((x) => typeof x === 'number' && Number.isFinite(x))) {
            c.error(`${at}/range`, `"range" must be two numbers [min, max], but it is ${describeType(r)}.`);
          } else if ((r[0] as number) > (r[1] as number)) {
            c.error(`${at}/range`, `"range" is [min, max], but ${r[0]} > ${r[1]}.`);
          }
        }
        const sp = g.sampling_params;
        if (sp !== undefined) {
          if (!isObject(sp)) c.error(`${at}/sampling_params`, '"sampling_params" must be an object.');
          else {
            const sAt = `${at}/sampling_params`;
            for (const k of Object.keys(sp)) {
              const known = ['seed', 'top_p', 'temperature', 'max_completions_tokens', 'reasoning_effort'];
              if (!known.includes(k)) {
                const hint = k === 'max_completion_tokens' || k === 'max_tokens' ? ' OpenAI spells it "max_completions_tokens" (plural).' : didYouMean(k, known);
                c.error(`${sAt}/${pointerEscape(k)}`, `"${k}" is not a sampling parameter.${hint}`);
              } else if (k === 'reasoning_effort') {
                if (sp[k] !== null && !(REASONING_EFFORTS as readonly unknown[]).includes(sp[k])) {
                  c.error(`${sAt}/${k}`, `"reasoning_effort" must be one of ${REASONING_EFFORTS.join(', ')}.`);
                }
              } else if (sp[k] !== null && (typeof sp[k] !== 'number' || !Number.isFinite(sp[k]))) {
                c.error(`${sAt}/${k}`, `"${k}" must be a number or null.`);
              } else if ((k === 'seed' || k === 'max_completions_tokens') && sp[k] !== null && !Number.isInteger(sp[k])) {
                c.error(`${sAt}/${k}`, `"${k}" must be an integer.`);
              } else if (k === 'max_completions_tokens' && sp[k] !== null && (sp[k] as number) < 1) {
                c.error(`${sAt}/${k}`, '"max_completions_tokens" must be at least 1.');
              }
            }
          }
        }
      } else {
        const labels = g.labels;
        const passing = g.passing_labels;
        const strList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
        if (labels !== undefined && !strList(labels)) c.error(`${at}/labels`, '"labels" must be a list of strings.');
        else if (Array.isArray(labels) && labels.length < 2) c.error(`${at}/labels`, '"labels" needs at least two labels to choose from.');
        if (passing !== undefined && !strList(passing)) c.error(`${at}/passing_labels`, '"passing_labels" must be a list of strings.');
        if (strList(labels) && strList(passing)) {
          (passing as string[]).forEach((p, i) => {
            if (!(labels as string[]).includes(p)) {
              c.error(`${at}/passing_labels/${i}`, `The passing label "${p}" is not among "labels" (${(labels as string[]).join(', ')}).`);
            }
          });
          if ((passing as string[]).length === 0) c.error(`${at}/passing_labels`, '"passing_labels" is empty: no label could ever pass.');
        }
      }
      break;
    }
    case 'ast_grep': {
      for (const p of astGrepProblems(g, at, didYouMean)) {
        if (p.severity === 'error') c.error(p.pointer, p.message);
        else c.warn(p.pointer, p.message);
      }
      break;
    }
    case 'multi': {
      const graders = g.graders;
      if (graders !== undefined) {
        if (!isObject(graders)) {
          c.error(`${at}/graders`, `"graders" must be an object mapping names to graders, like {"name": {...}, "email": {...}}; it is ${describeType(graders)}.`);
        } else if (typeof graders.type === 'string' && !isObject(graders.type)) {
          c.error(
            `${at}/graders`,
            '"graders" holds a single grader, but OpenAI expects a map of named graders: {"my_key": {"type": ...}}. Each key becomes a variable of calculate_output (some SDK versions type this wrongly).',
          );
        } else {
          const keys = jsonKeys(graders);
          if (keys.length === 0) c.error(`${at}/graders`, '"graders" is empty: add at least one named grader.');
          for (const k of keys) {
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) {
              c.error(`${at}/graders/${pointerEscape(k)}`, `The key "${k}" cannot be used as a variable in calculate_output: use letters, digits and _.`);
            }
            validateNode(c, graders[k], `${at}/graders/${pointerEscape(k)}`, 'multi');
          }
        }
      }
      checkString(c, g, 'calculate_output', at, { nonEmpty: true });
      if (typeof g.calculate_output === 'string' && g.calculate_output.trim() !== '') {
        const keys = isObject(graders) && typeof graders.type !== 'string' ? Object.keys(graders) : null;
        for (const p of formulaProblems(g.calculate_output, keys, didYouMean)) {
          if (p.severity === 'error') c.error(`${at}/calculate_output`, p.message, p.flags);
          else c.warn(`${at}/graders/${pointerEscape(p.key ?? '')}`, p.message);
        }
      }
      break;
    }
  }
}

/** Validate a grader document (already parsed from JSON). */
export function validateGrader(raw: unknown, options: ValidateOptions = {}): ValidationResult {
  const c = new Collector();
  const depth = nestingDepth(raw, MAX_GRADER_DEPTH);
  if (depth > MAX_GRADER_DEPTH) {
    c.error('', `The grader is nested more than ${MAX_GRADER_DEPTH} levels deep (objects and lists inside each other); no grader needs that many, so it is not run.`);
    return { ok: false, problems: c.problems };
  }
  validateNode(c, raw, '', options.context ?? 'top');
  const errors = c.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: c.problems };
  const grader = raw as Grader;
  return { ok: true, grader, problems: c.problems };
}
