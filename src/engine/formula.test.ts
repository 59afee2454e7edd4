import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateFormula,
  formatFormulaError,
  formulaFeatures,
  formulaProblems,
  MAX_FORMULA_DEPTH,
  MAX_FORMULA_LENGTH,
  parseFormula,
  substitute,
  type EvalResult,
} from './formula.ts';

function run(text: string, values: Record<string, number> = {}): EvalResult {
  const p = parseFormula(text);
  if (!p.ok) throw new Error(`did not parse: ${p.error.message}`);
  return evaluateFormula(p.ast, values);
}

function value(text: string, values: Record<string, number> = {}): number {
  const r = run(text, values);
  if (!r.ok) throw new Error(`did not evaluate: ${r.message}`);
  return r.value;
}

function parseError(text: string) {
  const p = parseFormula(text);
  if (p.ok) throw new Error(`"${text}" parsed`);
  return p.error;
}

describe('precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['10 - (4 - 3)', 9],
    ['64 / 4 / 2', 8],
    ['64 / (4 / 2)', 32],
    ['2 * 3 / 4', 1.5],
    ['1 - 2 + 3', 2],
    ['2 ^ 3 ^ 2', 512],
    ['(2 ^ 3) ^ 2', 64],
    ['2 ^ 3 * 2', 16],
    ['2 * 3 ^ 2', 18],
  ])('%s = %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });
});

describe('unary minus and plus', () => {
  it.each([
    ['-2 ^ 2', -4],
    ['(-2) ^ 2', 4],
    ['2 ^ -1', 0.5],
    ['-2 ^ -2', -0.25],
    ['2 ^ -1 ^ 2', 0.5], // 2 ^ (-(1 ^ 2))
    ['--3', 3],
    ['- - 3', 3],
    ['-+-3', 3],
    ['+3', 3],
    ['2 * -3', -6],
    ['2 - -3', 5],
    ['-2 * 3', -6],
    ['-a + b', 1.5],
    ['-(a + b)', -2.5],
  ])('%s = %d', (text, expected) => {
    expect(value(text, { a: 0.5, b: 2 })).toBe(expected);
  });

  it('never gives -0', () => {
    expect(Object.is(value('-a', { a: 0 }), 0)).toBe(true);
    expect(Object.is(value('-0 * 1'), 0)).toBe(true);
  });
});

describe('numbers', () => {
  it.each([
    ['1e-3', 0.001],
    ['1E3', 1000],
    ['2.5e+2', 250],
    ['0.75', 0.75],
    ['.5', 0.5],
    ['5.', 5],
    ['42', 42],
    ['1e-400', 0],
  ])('%s = %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });
});

describe('functions', () => {
  it.each([
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2, 5, 4)', 5],
    ['min(a, b)', 0.5],
    ['max(a, b)', 2],
    ['abs(-2)', 2],
    ['abs(a - b)', 1.5],
    ['floor(-1.5)', -2],
    ['ceil(1.2)', 2],
    ['exp(0)', 1],
    ['sqrt(9)', 3],
    ['log(1)', 0],
    ['log(exp(2))', 2],
    ['max(0, min(1, a * 3))', 1],
    ['sqrt(b ^ 2)', 2],
  ])('%s = %d', (text, expected) => {
    expect(value(text, { a: 0.5, b: 2 })).toBeCloseTo(expected, 14);
  });

  it('log is natural', () => {
    expect(value('log(x)', { x: Math.E })).toBe(1);
  });

  it('a key may share a function name when it is not called', () => {
    expect(value('log + 1', { log: 2 })).toBe(3);
  });
});

describe('variables', () => {
  it('lists each variable once, in order of first use', () => {
    const p = parseFormula('(name + email) / 2 + name * arguments');
    expect(p.ok && p.variables).toEqual(['name', 'email', 'arguments']);
    expect(p.ok && p.references.map((r) => [r.name, r.start, r.end])).toEqual([
      ['name', 1, 5],
      ['email', 8, 13],
      ['name', 21, 25],
      ['arguments', 28, 37],
    ]);
  });

  it('an unknown variable is an error value, and names of Object.prototype are not keys', () => {
    expect(run('a + missing', { a: 1 })).toMatchObject({ ok: false, kind: 'unknown_variable', start: 4, end: 11 });
    expect(run('toString', {})).toMatchObject({ ok: false, kind: 'unknown_variable' });
    expect(run('constructor + 1', {})).toMatchObject({ ok: false, kind: 'unknown_variable' });
    expect(run('__proto__', {})).toMatchObject({ ok: false, kind: 'unknown_variable' });
  });

  it('a key named __proto__ works when it is an own entry', () => {
    expect(value('__proto__ * 2', Object.fromEntries([['__proto__', 0.25]]))).toBe(0.5);
  });

  it('a non-finite value is a math error', () => {
    expect(run('a + 1', { a: Number.NaN })).toMatchObject({ ok: false, kind: 'math' });
    expect(run('a + 1', { a: Infinity })).toMatchObject({ ok: false, kind: 'math' });
  });
});

describe('math errors', () => {
  it.each([
    ['1 / 0', /division by zero: 1 \/ 0/],
    ['0 / 0', /division by zero/],
    ['a / (b - b)', /division by zero: 0\.5 \/ 0/],
    ['sqrt(-1)', /sqrt\(-1\) is not a real number/],
    ['log(0)', /log\(0\) is minus infinity/],
    ['log(-1)', /log\(-1\) is not a real number/],
    ['exp(1000)', /exp\(1000\) is too large/],
    ['10 ^ 400', /10 \^ 400 is too large/],
    ['0 ^ -1', /division by zero: 0 \^ \(-1\)/],
    ['(-8) ^ (1 / 3)', /\(-8\) \^ 0\.333\d* is not a real number/],
    ['1e308 * 10', /1e\+308 \* 10 is too large/],
    ['-1e308 - 1e308', /\(-1e\+308\) - 1e\+308 is minus infinity/],
  ])('%s', (text, message) => {
    const r = run(text, { a: 0.5, b: 2 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe('math');
    expect(r.message).toMatch(message);
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeLessThanOrEqual(text.length);
  });

  it('points at the failing part of the formula', () => {
    const text = 'a + sqrt(a - b) * 2';
    expect(run(text, { a: 0.5, b: 2 })).toMatchObject({ start: 4, end: 15 });
    expect(run('(a + b) / (b - b) + 1', { a: 0.5, b: 2 })).toMatchObject({ start: 1, end: 16 });
  });
});

describe('parse errors carry a position', () => {
  it.each([
    ['(a + ) / 2', 5, 6, /expected a number, a key or "\(" after "\+" at character 6, but found "\)"/],
    ['a +', 3, 3, /the formula ends at character 4 where a number, a key or "\(" should follow after "\+"/],
    ['((a)', 0, 1, /the "\(" at character 1 is never closed/],
    ['a)', 1, 2, /the "\)" at character 2 has no matching "\("/],
    ['a b', 2, 3, /expected an operator .* before "b" at character 3 \(to multiply/],
    ['2 (a)', 2, 3, /expected an operator/],
    ['2a', 0, 2, /"2a" at character 1 is not a number: to multiply, write 2 \* a/],
    ['1e', 0, 2, /an exponent needs digits/],
    ['1e+', 0, 2, /an exponent needs digits/],
    ['1.2.3', 0, 5, /"1.2.3" at character 1 is not a number/],
    ['2 ** 3', 2, 4, /powers are written with \^/],
    ['a % b', 2, 3, /unexpected character "%" at character 3: the remainder operator/],
    ['a == b', 2, 3, /comparisons are not supported/],
    ['sample.score', 6, 7, /unexpected character "\."/],
    ['{{ a }}', 0, 1, /without \{\{ \}\}/],
    ['a , b', 2, 3, /"," at character 3 can only separate the arguments/],
    ['()', 0, 2, /empty brackets/],
    ['foo(a)', 0, 3, /unknown function "foo" at character 1: the functions are min, max, abs, floor, ceil, exp, sqrt, log/],
    ['Min(a, b)', 0, 3, /unknown function "Min"/],
    ['min(a)', 0, 6, /min at character 1 needs at least two arguments, but it has 1 \(min\(x\) is just x\)/],
    ['max()', 0, 5, /max at character 1 needs at least two arguments, but it has 0/],
    ['1 + abs(a, b)', 4, 13, /abs at character 5 takes exactly one argument, but it has 2/],
    ['sqrt()', 0, 6, /takes exactly one argument, but it has 0/],
    ['min(a, b', 0, 8, /"min\(" at character 1 is never closed/],
    ['min(a, b,)', 9, 10, /expected a number, a key or "\(" after ","/],
    ['min(a b)', 6, 7, /expected an operator \(\+ - \* \/ \^\), "," or "\)" before "b"/],
    ['1e999', 0, 5, /the number 1e999 at character 1 is too large/],
    ['a ∗ b', 2, 3, /unexpected character "∗"/],
    ['a 😀 b', 2, 4, /unexpected character "😀"/],
  ])('%s', (text, start, end, message) => {
    const e = parseError(text);
    expect(e.message).toMatch(message);
    expect([e.start, e.end]).toEqual([start, end]);
  });

  it('an empty formula', () => {
    expect(parseError('').message).toMatch(/empty/);
    expect(parseError('  \n ').message).toMatch(/empty/);
  });

  it('a caret marks the problem under the formula', () => {
    const text = '(a + ) / 2';
    expect(formatFormulaError(text, parseError(text))).toBe(
      'expected a number, a key or "(" after "+" at character 6, but found ")"\n  (a + ) / 2\n       ^',
    );
    expect(formatFormulaError('min(a)', parseError('min(a)')).split('\n')[2]).toBe('  ^^^^^^');
    expect(formatFormulaError('a +', parseError('a +')).split('\n')[2]).toBe('     ^');
  });

  it('a caret in a long formula is windowed around the problem', () => {
    const text = 'a + '.repeat(50) + 'b b' + ' + a'.repeat(50);
    const lines = formatFormulaError(text, parseError(text)).split('\n');
    expect(lines[1]!.length).toBeLessThan(90);
    const caret = lines[2]!.indexOf('^');
    expect(lines[1]![caret]).toBe('b');
    expect(lines[1]!.slice(caret - 2, caret + 1)).toBe('b b');
  });

  it('tabs and newlines keep the caret aligned', () => {
    const text = 'a +\n\t)';
    const lines = formatFormulaError(text, parseError(text)).split('\n');
    expect(lines[1]![lines[2]!.indexOf('^')]).toBe(')');
  });
});

describe('size limits keep hostile input from exhausting the stack', () => {
  it('rejects formulas longer than the limit', () => {
    const e = parseError('a+'.repeat(MAX_FORMULA_LENGTH) + 'a');
    expect(e.message).toMatch(/limit is 10000/);
  });

  it.each([
    ['brackets', '('.repeat(MAX_FORMULA_DEPTH + 1) + 'a' + ')'.repeat(MAX_FORMULA_DEPTH + 1)],
    ['signs', '-'.repeat(5000) + '1'],
    ['powers', '2^'.repeat(3000) + '2'],
    ['calls', 'abs('.repeat(1000) + '1' + ')'.repeat(1000)],
    ['unclosed brackets', '('.repeat(MAX_FORMULA_LENGTH)],
  ])('rejects nesting deeper than the limit: %s', (_, text) => {
    expect(parseError(text).message).toMatch(/nested too deeply|limit is/);
  });

  it('accepts nesting up to the limit', () => {
    const depth = MAX_FORMULA_DEPTH - 1;
    expect(value('('.repeat(depth) + 'a' + ')'.repeat(depth), { a: 2 })).toBe(2);
  });

  it('a long flat sum is fine (it is a list, not a deep tree)', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `k${i % 7}`).join('+');
    const values = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`k${i}`, 1]));
    expect(value(text, values)).toBe(3000);
  });
});

describe('substitute', () => {
  it("shows OpenAI's guide example with the values in place", () => {
    expect(substitute('(name + email) / 2', { name: 0.5, email: 1 })).toBe('(0.5 + 1) / 2 = 0.75');
  });

  it('brackets negative values so the formula still reads right', () => {
    expect(substitute('a ^ 2', { a: -3 })).toBe('(-3) ^ 2 = 9');
  });

  it('collapses whitespace and keeps the user spelling of everything else', () => {
    expect(substitute(' 0.5 * function_name +\n  0.5 * arguments ', { function_name: 1, arguments: 0 })).toBe('0.5 * 1 + 0.5 * 0 = 0.5');
  });

  it('says why when the formula gives no value', () => {
    expect(substitute('a / b', { a: 1, b: 0 })).toBe('1 / 0 → division by zero: 1 / 0');
    expect(substitute('a + c', { a: 1 })).toBe('1 + c → "c" is not a key of graders');
  });

  it('leaves a formula that does not parse unchanged', () => {
    expect(substitute('a +', { a: 1 })).toBe('a +');
  });
});

describe('formulaProblems', () => {
  const suggest = (name: string, options: readonly string[]) => (options.includes(name + 'e') ? ` Did you mean "${name}e"?` : '');

  it('reports unknown names once each, with both flags, a suggestion and a caret', () => {
    const problems = formulaProblems('(nam + email + nam) / 2', ['name', 'email'], suggest).filter((p) => p.severity === 'error');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', flags: ['invalid_variable_error', 'formula_parse_error'], start: 1, end: 4 });
    expect(problems[0]!.message).toBe(
      'calculate_output: "nam" at character 2 is not a key of graders (the keys are name, email). Did you mean "name"?\n  (nam + email + nam) / 2\n   ^^^',
    );
  });

  it('hints that a function needs brackets', () => {
    expect(formulaProblems('sqrt', ['a'])[0]!.message).toMatch(/sqrt is a function: write sqrt\(x\)/);
  });

  it('warns about keys the formula never uses', () => {
    expect(formulaProblems('a', ['a', 'b'])).toEqual([expect.objectContaining({ severity: 'warning', key: 'b', flags: [] })]);
  });

  it('reports a parse error as formula_parse_error, and nothing about keys when they are unknown', () => {
    expect(formulaProblems('a +', ['a'])).toEqual([expect.objectContaining({ severity: 'error', flags: ['formula_parse_error'], start: 3 })]);
    expect(formulaProblems('x + y', null)).toEqual([]);
  });
});

describe('formulaFeatures', () => {
  it('notes which of the engine choices a formula depends on', () => {
    const f = (t: string) => {
      const p = parseFormula(t);
      if (!p.ok) throw new Error('parse');
      return formulaFeatures(p.ast);
    };
    expect(f('(a + b) / 2')).toEqual({ power: false, log: false, variadic: false, division: true });
    expect(f('max(a, b, c) ^ 2 + log(a)')).toEqual({ power: true, log: true, variadic: true, division: false });
    expect(f('min(a, b)').variadic).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties. The reference below is written independently of formula.ts: it generates an expression tree,
// prints it (with only the brackets the grammar needs, or all of them), and evaluates the tree directly.

type Ref =
  | { k: 'num'; text: string }
  | { k: 'var'; name: string }
  | { k: 'neg' | 'pos'; x: Ref }
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '^'; l: Ref; r: Ref }
  | { k: 'fn'; name: string; args: Ref[] };

const VARS = ['a', 'b', 'c', 'score_1'];

const numberText = fc.oneof(
  fc.nat(1000).map(String),
  fc.tuple(fc.nat(99), fc.nat(9999)).map(([i, f]) => `${i}.${f}`),
  fc.nat(9999).map((f) => `.${f}`),
  fc.nat(99).map((i) => `${i}.`),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((d) => d.toExponential()),
  fc.tuple(fc.nat(9), fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.nat(5)).map(([m, e, s, x]) => `${m}${e}${s}${x}`),
);

const { ref } = fc.letrec<{ ref: Ref }>((tie) => ({
  ref: fc.oneof(
    { maxDepth: 6, depthSize: 'small' },
    fc.oneof(numberText.map((text): Ref => ({ k: 'num', text })), fc.constantFrom(...VARS).map((name): Ref => ({ k: 'var', name }))),
    fc.tuple(fc.constantFrom('neg' as const, 'pos' as const), tie('ref')).map(([k, x]): Ref => ({ k, x })),
    fc.tuple(fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const, '^' as const), tie('ref'), tie('ref')).map(
      ([op, l, r]): Ref => ({ k: 'bin', op, l, r }),
    ),
    fc.tuple(fc.constantFrom('abs', 'floor', 'ceil', 'exp', 'sqrt', 'log'), tie('ref')).map(([name, x]): Ref => ({ k: 'fn', name, args: [x] })),
    fc.tuple(fc.constantFrom('min', 'max'), fc.array(tie('ref'), { minLength: 2, maxLength: 4 })).map(([name, args]): Ref => ({ k: 'fn', name, args })),
  ),
}));

// Binding strength: + - 1, * / 2, unary 3, ^ 4, atoms 5.
function strength(n: Ref): number {
  if (n.k === 'bin') return n.op === '^' ? 4 : n.op === '+' || n.op === '-' ? 1 : 2;
  if (n.k === 'neg' || n.k === 'pos') return 3;
  return 5;
}

function print(n: Ref, all: boolean): string[] {
  const wrap = (child: Ref, needed: boolean) => (needed || (all && strength(child) < 5) ? ['(', ...print(child, all), ')'] : print(child, all));
  switch (n.k) {
    case 'num':
      return [n.text];
    case 'var':
      return [n.name];
    case 'neg':
    case 'pos':
      return [n.k === 'neg' ? '-' : '+', ...wrap(n.x, strength(n.x) < 3)];
    case 'fn':
      return [n.name, '(', ...n.args.flatMap((a, i) => (i === 0 ? print(a, all) : [',', ...print(a, all)])), ')'];
    case 'bin': {
      const s = strength(n);
      if (n.op === '^') return [...wrap(n.l, strength(n.l) <= 4), '^', ...wrap(n.r, strength(n.r) < 3)];
      return [...wrap(n.l, strength(n.l) < s), n.op, ...wrap(n.r, strength(n.r) <= s)];
    }
  }
}

const MATH: Record<string, (...xs: number[]) => number> = {
  abs: Math.abs,
  floor: Math.floor,
  ceil: Math.ceil,
  exp: Math.exp,
  sqrt: Math.sqrt,
  log: Math.log,
  min: Math.min,
  max: Math.max,
};

/** A number, or null when any step divides by zero or leaves the finite numbers. */
function reference(n: Ref, env: Record<string, number>): number | null {
  const ok = (v: number) => (Number.isFinite(v) ? v : null);
  switch (n.k) {
    case 'num':
      return ok(Number(n.text));
    case 'var':
      return ok(env[n.name]!);
    case 'neg':
    case 'pos': {
      const x = reference(n.x, env);
      return x === null ? null : n.k === 'neg' ? -x : x;
    }
    case 'fn': {
      const xs = n.args.map((a) => reference(a, env));
      return xs.some((x) => x === null) ? null : ok(MATH[n.name]!(...(xs as number[])));
    }
    case 'bin': {
      const l = reference(n.l, env);
      const r = reference(n.r, env);
      if (l === null || r === null) return null;
      switch (n.op) {
        case '+':
          return ok(l + r);
        case '-':
          return ok(l - r);
        case '*':
          return ok(l * r);
        case '/':
          return r === 0 ? null : ok(l / r);
        case '^':
          return ok(Math.pow(l, r));
      }
    }
  }
}

const env = fc.record(
  Object.fromEntries(VARS.map((v) => [v, fc.oneof(fc.constantFrom(0, 1, -1, 0.5, 2), fc.double({ min: -10, max: 10, noNaN: true }))])),
) as fc.Arbitrary<Record<string, number>>;

const separators = fc.array(fc.constantFrom('', '', ' ', '  ', '\t', '\n'), { minLength: 1, maxLength: 8 });

describe('properties', () => {
  it('random well-formed formulas evaluate like the reference', () => {
    fc.assert(
      fc.property(ref, env, fc.boolean(), separators, (tree, values, all, seps) => {
        const text = print(tree, all)
          .map((t, i) => t + seps[i % seps.length]!)
          .join('');
        const parsed = parseFormula(text);
        expect(parsed.ok, text).toBe(true);
        if (!parsed.ok) return;
        const expected = reference(tree, values);
        const got = evaluateFormula(parsed.ast, values);
        if (expected === null) {
          expect(got, text).toMatchObject({ ok: false, kind: 'math' });
        } else {
          expect(got, text).toEqual({ ok: true, value: expected === 0 ? 0 : expected });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the printed form lists exactly the generated variables', () => {
    const vars = (n: Ref): string[] => {
      switch (n.k) {
        case 'var':
          return [n.name];
        case 'num':
          return [];
        case 'neg':
        case 'pos':
          return vars(n.x);
        case 'bin':
          return [...vars(n.l), ...vars(n.r)];
        case 'fn':
          return n.args.flatMap(vars);
      }
    };
    fc.assert(
      fc.property(ref, (tree) => {
        const parsed = parseFormula(print(tree, false).join(' '));
        expect(parsed.ok && parsed.variables).toEqual([...new Set(vars(tree))]);
      }),
    );
  });

  const junkAlphabet = fc.constantFrom(...'ab_19.eE+-*/^(),  \t%=min(max(log(abs('.split(''), 'min(', 'max(', 'sqrt(', '**', '1e', ')');

  it.each([
    ['formula-like junk', fc.array(junkAlphabet, { maxLength: 40 }).map((xs) => xs.join(''))],
    ['arbitrary unicode', fc.string({ unit: 'binary', maxLength: 60 })],
  ])('%s never throws: always a value or an error object', (_, junk) => {
    fc.assert(
      fc.property(junk, env, (text, values) => {
        const parsed = parseFormula(text);
        if (parsed.ok) {
          const r = evaluateFormula(parsed.ast, values);
          expect(typeof r.ok).toBe('boolean');
          if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
        } else {
          const { start, end, message } = parsed.error;
          expect(message.length).toBeGreaterThan(0);
          expect(0 <= start && start <= end && end <= text.length).toBe(true);
          expect(formatFormulaError(text, parsed.error)).toContain('^');
        }
        expect(typeof substitute(text, values)).toBe('string');
        expect(Array.isArray(formulaProblems(text, VARS))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
