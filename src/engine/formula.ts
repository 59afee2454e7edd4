/**
 * `calculate_output` of multi graders: tokenize, parse and evaluate the formula, never with eval() or Function().
 * Grammar (the project's decisions where OpenAI is silent, spec §1.6):
 *   expr    := term (('+' | '-') term)*            left-associative
 *   term    := unary (('*' | '/') unary)*          left-associative
 *   unary   := ('-' | '+') unary | power
 *   power   := primary ('^' unary)?                right-associative; -2^2 = -(2^2) = -4, 2^-1 = 0.5 (as Python's **)
 *   primary := number | name | function '(' expr (',' expr)* ')' | '(' expr ')'
 * Must not: throw on any input, recurse without a bound (size and depth are capped), or know about graders
 * (the keys arrive as plain strings; the flags and pointers are the callers' business).
 */

export const MAX_FORMULA_LENGTH = 10_000;
export const MAX_FORMULA_DEPTH = 200;

export const FORMULA_FUNCTIONS = ['min', 'max', 'abs', 'floor', 'ceil', 'exp', 'sqrt', 'log'] as const;
export type FormulaFunction = (typeof FORMULA_FUNCTIONS)[number];

/** UTF-16 offsets into the formula text, end exclusive. */
interface Span {
  start: number;
  end: number;
}

export interface ChainLink {
  op: '+' | '-' | '*' | '/';
  operand: FormulaNode;
}

export type FormulaNode =
  | ({ type: 'number'; value: number; raw: string } & Span)
  | ({ type: 'variable'; name: string } & Span)
  | ({ type: 'unary'; op: '-' | '+'; operand: FormulaNode } & Span)
  | ({ type: 'power'; base: FormulaNode; exponent: FormulaNode } & Span)
  // `a - b + c` or `a * b / c`: one node per run of same-precedence operators, evaluated left to right. A flat
  // list keeps the tree as shallow as the brackets are, so a 5,000-term sum cannot exhaust the stack.
  | ({ type: 'chain'; first: FormulaNode; rest: ChainLink[] } & Span)
  | ({ type: 'call'; name: FormulaFunction; args: FormulaNode[] } & Span);

export interface FormulaError extends Span {
  /** One sentence that says where ("at character N", 1-based) and what is wrong. */
  message: string;
}

export interface FormulaReference extends Span {
  name: string;
}

export type ParseResult =
  | { ok: true; ast: FormulaNode; variables: string[]; references: FormulaReference[] }
  | { ok: false; error: FormulaError };

export type EvalResult =
  | { ok: true; value: number }
  | ({ ok: false; kind: 'unknown_variable' | 'math'; message: string } & Span);

// ---------------------------------------------------------------------------------------------------------
// Tokens

type TokenKind = 'num' | 'name' | 'op' | '(' | ')' | ',' | 'end';
interface Token extends Span {
  kind: TokenKind;
  text: string;
  value?: number;
}

class Failure {
  constructor(readonly error: FormulaError) {}
}

const at = (start: number) => `at character ${start + 1}`;
const fail = (start: number, end: number, message: string): never => {
  throw new Failure({ start, end, message });
};

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NUMBER_TAIL = /[A-Za-z0-9_.]+/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

const CHAR_HINTS: Record<string, string> = {
  '%': 'the remainder operator % is not supported',
  '=': 'comparisons are not supported (min and max can often express them)',
  '<': 'comparisons are not supported (min and max can often express them)',
  '>': 'comparisons are not supported (min and max can often express them)',
  '!': 'comparisons and negation are not supported',
  '.': '"." only appears inside numbers; a key is a plain name, like name_score',
  '[': 'only round brackets ( ) group',
  ']': 'only round brackets ( ) group',
  '{': 'only round brackets ( ) group; the keys are used without {{ }}',
  '}': 'only round brackets ( ) group; the keys are used without {{ }}',
  '"': 'write a key without quotes',
  "'": 'write a key without quotes',
};

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      const raw = NUMBER.exec(text)![0];
      NUMBER_TAIL.lastIndex = i + raw.length;
      const tail = NUMBER_TAIL.exec(text);
      if (tail) {
        const bad = raw + tail[0];
        const multiply = /^[A-Za-z_]/.test(tail[0]) ? `to multiply, write ${raw} * ${tail[0]}` : '';
        const exponent = /^[eE]/.test(tail[0]) && !/[eE]/.test(raw) ? 'an exponent needs digits, like 1e-3' : '';
        const hint = [exponent, multiply].filter(Boolean).join('; ') || 'a number has at most one "." and no letters';
        fail(i, i + bad.length, `"${bad}" ${at(i)} is not a number: ${hint}`);
      }
      const value = Number(raw);
      if (!Number.isFinite(value)) fail(i, i + raw.length, `the number ${raw} ${at(i)} is too large`);
      tokens.push({ kind: 'num', text: raw, value, start: i, end: i + raw.length });
      i += raw.length;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], start: i, end: i + name[0].length });
      i += name[0].length;
      continue;
    }
    if ('+-*/^'.includes(c)) tokens.push({ kind: 'op', text: c, start: i, end: i + 1 });
    else if (c === '(' || c === ')' || c === ',') tokens.push({ kind: c, text: c, start: i, end: i + 1 });
    else {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      const hint = CHAR_HINTS[ch];
      fail(i, i + ch.length, `unexpected character ${JSON.stringify(ch)} ${at(i)}${hint ? `: ${hint}` : ''}`);
    }
    i++;
  }
  tokens.push({ kind: 'end', text: '', start: text.length, end: text.length });
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------
// Parser (recursive descent; every level of nesting passes through unary(), which bounds the depth)

const OPERAND = 'a number, a key or "("';

class Parser {
  private i = 0;
  private depth = 0;
  readonly references: FormulaReference[] = [];
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    const t = this.tokens[this.i]!;
    if (t.kind !== 'end') this.i++;
    return t;
  }
  /** Whether the next token is an operator among `ops` (each a one-character string). */
  private isOp(ops: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && ops.includes(t.text);
  }

  formula(): FormulaNode {
    const node = this.expr();
    const t = this.peek();
    if (t.kind !== 'end') this.unexpectedAfter(t, 'top');
    return node;
  }

  private expr(): FormulaNode {
    return this.chain('+-');
  }

  private term(): FormulaNode {
    return this.chain('*/');
  }

  private chain(ops: '+-' | '*/'): FormulaNode {
    const operand = () => (ops === '+-' ? this.term() : this.unary());
    const first = operand();
    if (!this.isOp(ops)) return first;
    const rest: ChainLink[] = [];
    while (this.isOp(ops)) {
      const op = this.next();
      const following = this.peek();
      if (op.text === '*' && following.kind === 'op' && following.text === '*' && following.start === op.end) {
        fail(op.start, following.end, `"**" ${at(op.start)} is not an operator here: powers are written with ^, like 2 ^ 3`);
      }
      rest.push({ op: op.text as ChainLink['op'], operand: operand() });
    }
    return { type: 'chain', first, rest, start: first.start, end: rest[rest.length - 1]!.operand.end };
  }

  private unary(): FormulaNode {
    const t = this.peek();
    if (++this.depth > MAX_FORMULA_DEPTH) {
      fail(t.start, t.end, `the formula is nested too deeply ${at(t.start)}: more than ${MAX_FORMULA_DEPTH} levels of brackets, signs and powers`);
    }
    try {
      if (this.isOp('-+')) {
        this.next();
        const operand = this.unary();
        return { type: 'unary', op: t.text as '-' | '+', operand, start: t.start, end: operand.end };
      }
      const base = this.primary();
      if (!this.isOp('^')) return base;
      this.next();
      const exponent = this.unary();
      return { type: 'power', base, exponent, start: base.start, end: exponent.end };
    } finally {
      this.depth--;
    }
  }

  private primary(): FormulaNode {
    const t = this.peek();
    switch (t.kind) {
      case 'num':
        this.next();
        return { type: 'number', value: t.value!, raw: t.text, start: t.start, end: t.end };
      case 'name':
        this.next();
        if (this.peek().kind === '(') return this.call(t);
        this.references.push({ name: t.text, start: t.start, end: t.end });
        return { type: 'variable', name: t.text, start: t.start, end: t.end };
      case '(': {
        this.next();
        const inner = this.expr();
        const close = this.peek();
        if (close.kind === 'end') fail(t.start, t.end, `the "(" ${at(t.start)} is never closed: add a ")"`);
        if (close.kind !== ')') this.unexpectedAfter(close, 'group');
        this.next();
        return inner;
      }
      default:
        return this.missingOperand(t);
    }
  }

  private call(nameToken: Token): FormulaNode {
    const name = nameToken.text;
    if (!(FORMULA_FUNCTIONS as readonly string[]).includes(name)) {
      fail(nameToken.start, nameToken.end, `unknown function "${name}" ${at(nameToken.start)}: the functions are ${FORMULA_FUNCTIONS.join(', ')}`);
    }
    this.next(); // "("
    const args: FormulaNode[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        args.push(this.expr());
        const t = this.peek();
        if (t.kind === ',') {
          this.next();
          continue;
        }
        if (t.kind === ')') break;
        if (t.kind === 'end') fail(nameToken.start, t.end, `"${name}(" ${at(nameToken.start)} is never closed: add a ")"`);
        this.unexpectedAfter(t, 'call');
      }
    }
    const close = this.next();
    const span = { start: nameToken.start, end: close.end };
    const fn = name as FormulaFunction;
    if (fn === 'min' || fn === 'max') {
      if (args.length < 2) {
        const why = args.length === 1 ? ` (${fn}(x) is just x)` : '';
        fail(span.start, span.end, `${fn} ${at(span.start)} needs at least two arguments, but it has ${args.length}${why}`);
      }
    } else if (args.length !== 1) {
      fail(span.start, span.end, `${fn} ${at(span.start)} takes exactly one argument, but it has ${args.length}`);
    }
    return { type: 'call', name: fn, args, ...span };
  }

  /** A complete expression was followed by `t`, which cannot continue it. */
  private unexpectedAfter(t: Token, where: 'top' | 'group' | 'call'): never {
    const closing = where === 'group' ? ' or ")"' : where === 'call' ? ', "," or ")"' : '';
    if (t.kind === 'num' || t.kind === 'name' || t.kind === '(') {
      const prev = this.tokens[this.i - 1];
      const hint = prev && (prev.kind === 'num' || prev.kind === ')' || prev.kind === 'name') ? ' (to multiply, write * between them)' : '';
      return fail(t.start, t.end, `expected an operator (+ - * / ^)${closing} before "${t.text}" ${at(t.start)}${hint}`);
    }
    if (t.kind === ')') return fail(t.start, t.end, `the ")" ${at(t.start)} has no matching "("`);
    if (t.kind === ',') return fail(t.start, t.end, `"," ${at(t.start)} can only separate the arguments of a function, like max(a, b)`);
    return fail(t.start, t.end, `unexpected "${t.text}" ${at(t.start)}`);
  }

  private missingOperand(t: Token): never {
    const prev = this.tokens[this.i - 1];
    const after = prev ? ` after "${prev.text}"` : '';
    if (t.kind === 'end') return fail(t.start, t.end, `the formula ends ${at(t.start)} where ${OPERAND} should follow${after}`);
    if (t.kind === ')' && prev?.kind === '(') return fail(prev.start, t.end, `empty brackets "()" ${at(prev.start)}: put an expression inside`);
    return fail(t.start, t.end, `expected ${OPERAND}${after} ${at(t.start)}, but found "${t.text}"`);
  }
}

/** Parse a calculate_output formula. Never throws. */
export function parseFormula(text: string): ParseResult {
  if (typeof text !== 'string') return { ok: false, error: { start: 0, end: 0, message: 'the formula must be a string' } };
  if (text.length > MAX_FORMULA_LENGTH) {
    return {
      ok: false,
      error: {
        start: MAX_FORMULA_LENGTH,
        end: text.length,
        message: `the formula is ${text.length} characters long; the limit is ${MAX_FORMULA_LENGTH}`,
      },
    };
  }
  if (text.trim() === '') {
    return { ok: false, error: { start: 0, end: text.length, message: 'the formula is empty: write an expression of the grader keys, like (a + b) / 2' } };
  }
  try {
    const parser = new Parser(tokenize(text));
    const ast = parser.formula();
    const variables = [...new Set(parser.references.map((r) => r.name))];
    return { ok: true, ast, variables, references: parser.references };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Evaluation

class EvalFailure {
  constructor(readonly result: Extract<EvalResult, { ok: false }>) {}
}

/** How a number reads inside a message or a substituted formula; negatives are bracketed so `x ^ (-1)` stays right. */
export function formatNumber(n: number, bracketNegative = false): string {
  const s = Object.is(n, -0) ? '0' : String(n);
  return bracketNegative && n < 0 ? `(${s})` : s;
}

// Failures are built only when a step fails, so the common path allocates no messages or closures.
function mathFailure(message: string, start: number, end: number): EvalFailure {
  return new EvalFailure({ ok: false, kind: 'math', message, start, end });
}

function notFinite(operation: string, value: number, start: number, end: number): EvalFailure {
  const what = Number.isNaN(value) ? 'is not a real number' : value < 0 ? 'is minus infinity' : 'is too large (it overflows to infinity)';
  return mathFailure(`${operation} ${what}`, start, end);
}

const binary = (a: number, op: string, b: number) => `${formatNumber(a, true)} ${op} ${formatNumber(b, true)}`;

const UNARY_FUNCTIONS: Record<Exclude<FormulaFunction, 'min' | 'max'>, (x: number) => number> = {
  abs: Math.abs,
  floor: Math.floor,
  ceil: Math.ceil,
  exp: Math.exp,
  sqrt: Math.sqrt,
  log: Math.log,
};

function evaluate(node: FormulaNode, values: Record<string, number>): number {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'variable': {
      // Own properties only: a formula naming "toString" or "__proto__" must not reach Object.prototype.
      if (!Object.prototype.hasOwnProperty.call(values, node.name)) {
        throw new EvalFailure({ ok: false, kind: 'unknown_variable', message: `"${node.name}" is not a key of graders`, start: node.start, end: node.end });
      }
      const v = values[node.name];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new EvalFailure({ ok: false, kind: 'math', message: `the value of "${node.name}" is ${String(v)}, not a finite number`, start: node.start, end: node.end });
      }
      return v;
    }
    case 'unary': {
      const x = evaluate(node.operand, values);
      return node.op === '-' ? -x : x;
    }
    case 'power': {
      const b = evaluate(node.base, values);
      const e = evaluate(node.exponent, values);
      if (b === 0 && e < 0) throw mathFailure(`division by zero: ${binary(b, '^', e)}`, node.start, node.end);
      const r = Math.pow(b, e);
      if (!Number.isFinite(r)) throw notFinite(binary(b, '^', e), r, node.start, node.end);
      return r;
    }
    case 'chain': {
      let acc = evaluate(node.first, values);
      for (const link of node.rest) {
        const x = evaluate(link.operand, values);
        if (link.op === '/' && x === 0) throw mathFailure(`division by zero: ${binary(acc, '/', x)}`, node.first.start, link.operand.end);
        const r = link.op === '+' ? acc + x : link.op === '-' ? acc - x : link.op === '*' ? acc * x : acc / x;
        if (!Number.isFinite(r)) throw notFinite(binary(acc, link.op, x), r, node.first.start, link.operand.end);
        acc = r;
      }
      return acc;
    }
    case 'call': {
      const args = node.args.map((a) => evaluate(a, values));
      if (node.name === 'min') return Math.min(...args);
      if (node.name === 'max') return Math.max(...args);
      const r = UNARY_FUNCTIONS[node.name](args[0]!);
      if (!Number.isFinite(r)) throw notFinite(`${node.name}(${formatNumber(args[0]!)})`, r, node.start, node.end);
      return r;
    }
  }
}

/** Evaluate a parsed formula with the keys' values. Never throws; -0 comes back as 0. */
export function evaluateFormula(ast: FormulaNode, values: Record<string, number>): EvalResult {
  try {
    const value = evaluate(ast, values);
    return { ok: true, value: value === 0 ? 0 : value };
  } catch (e) {
    if (e instanceof EvalFailure) return e.result;
    throw e;
  }
}

/**
 * The formula as written with each key replaced by its value, and what it gives, for the UI:
 * `(name + email) / 2` -> `(0.5 + 1) / 2 = 0.75`. A key without a value stays as written; a formula that
 * does not parse comes back unchanged; one that fails to evaluate ends with `→ <reason>`.
 */
export function substitute(text: string, values: Record<string, number>): string {
  const parsed = parseFormula(text);
  if (!parsed.ok) return text;
  let out = '';
  let last = 0;
  for (const ref of parsed.references) {
    if (!Object.prototype.hasOwnProperty.call(values, ref.name)) continue;
    out += text.slice(last, ref.start) + formatNumber(values[ref.name]!, true);
    last = ref.end;
  }
  out = (out + text.slice(last)).trim().replace(/\s+/g, ' ');
  const r = evaluateFormula(parsed.ast, values);
  return r.ok ? `${out} = ${formatNumber(r.value)}` : `${out} → ${r.message}`;
}

/**
 * An error shown with the formula and a caret under the culprit, windowed around it for long formulas:
 *   unexpected "..." at character 6
 *     (a + ) / 2
 *          ^
 */
export function formatFormulaError(text: string, error: FormulaError, width = 72): string {
  const flat = text.replace(/[\t\n\r\f\v]/g, ' ');
  const start = Math.min(Math.max(error.start, 0), flat.length);
  const end = Math.min(Math.max(error.end, start + 1), flat.length + 1);
  let from = Math.max(0, start - Math.floor(width / 2));
  const to = Math.min(flat.length, from + width);
  from = Math.max(0, Math.min(from, to - width));
  const lead = from > 0 ? '…' : '';
  const line = lead + flat.slice(from, to) + (to < flat.length ? '…' : '');
  const caretStart = start - from + lead.length;
  const caretLen = Math.max(1, Math.min(end, to + 1) - start);
  return `${error.message}\n  ${line}\n  ${' '.repeat(caretStart)}${'^'.repeat(caretLen)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Checks shared by validation and the multi grader

export interface FormulaProblem extends Span {
  /** The message with the formula and a caret under the problem. */
  message: string;
  /** The same problem in one sentence, without the formula. */
  reason: string;
  severity: 'error' | 'warning';
  /** The RunResult error flags this problem sets when it stops a grade, the main one first. */
  flags: ('formula_parse_error' | 'invalid_variable_error')[];
  /** For an unused-key warning, the key. */
  key?: string;
}

/**
 * Everything wrong with a formula given the grader keys (null when the keys are unknown): a parse error, or
 * names that are not keys (errors), and keys the formula never uses (warnings). `suggest` adds a
 * "did you mean" (validate.ts's didYouMean; passed in so this module imports nothing).
 */
export function formulaProblems(
  text: string,
  keys: readonly string[] | null,
  suggest: (name: string, options: readonly string[]) => string = () => '',
  parsed: ParseResult = parseFormula(text),
): FormulaProblem[] {
  if (!parsed.ok) {
    const e = parsed.error;
    return [{ ...e, message: `calculate_output: ${formatFormulaError(text, e)}`, reason: e.message, severity: 'error', flags: ['formula_parse_error'] }];
  }
  if (keys === null) return [];
  const problems: FormulaProblem[] = [];
  const reported = new Set<string>();
  for (const ref of parsed.references) {
    if (keys.includes(ref.name) || reported.has(ref.name)) continue;
    reported.add(ref.name);
    const fnHint = (FORMULA_FUNCTIONS as readonly string[]).includes(ref.name) ? ` ${ref.name} is a function: write ${ref.name}(x).` : '';
    const list = keys.length > 0 ? `the keys are ${keys.join(', ')}` : 'there are no keys';
    const error = { start: ref.start, end: ref.end, message: `"${ref.name}" ${at(ref.start)} is not a key of graders (${list}).${fnHint}${suggest(ref.name, keys)}` };
    problems.push({
      ...error,
      message: `calculate_output: ${formatFormulaError(text, error)}`,
      reason: error.message,
      severity: 'error',
      flags: ['invalid_variable_error', 'formula_parse_error'],
    });
  }
  for (const key of keys) {
    if (!parsed.variables.includes(key)) {
      problems.push({
        start: 0,
        end: 0,
        message: `The key "${key}" is not used in calculate_output: its grader runs but cannot change the reward.`,
        reason: `the key "${key}" is not used`,
        severity: 'warning',
        flags: [],
        key,
      });
    }
  }
  return problems;
}

/** Which of the engine's choices a formula depends on, so the explanation shows only the relevant ones. */
export interface FormulaFeatures {
  power: boolean;
  log: boolean;
  /** min or max with more than two arguments. */
  variadic: boolean;
  division: boolean;
}

export function formulaFeatures(ast: FormulaNode): FormulaFeatures {
  const f: FormulaFeatures = { power: false, log: false, variadic: false, division: false };
  const walk = (n: FormulaNode): void => {
    switch (n.type) {
      case 'unary':
        return walk(n.operand);
      case 'power':
        f.power = true;
        walk(n.base);
        return walk(n.exponent);
      case 'chain':
        walk(n.first);
        for (const l of n.rest) {
          if (l.op === '/') f.division = true;
          walk(l.operand);
        }
        return;
      case 'call':
        if (n.name === 'log') f.log = true;
        if ((n.name === 'min' || n.name === 'max') && n.args.length > 2) f.variadic = true;
        return n.args.forEach(walk);
      default:
        return;
    }
  };
  walk(ast);
  return f;
}
