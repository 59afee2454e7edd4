/**
 * How fast calculate_output is parsed and evaluated, for typical formulas and for the largest hostile input
 * the limits allow, and what a whole multi grade costs through runGrader. Run: npx tsx bench/formula.ts
 */
import { evaluateFormula, MAX_FORMULA_LENGTH, parseFormula } from '../src/engine/formula.ts';
import { runGrader } from '../src/engine/run.ts';

function time(label: string, iterations: number, fn: () => unknown): void {
  for (let i = 0; i < Math.min(iterations, 200); i++) fn(); // warm up
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  const us = ((performance.now() - t0) * 1000) / iterations;
  console.log(`${label.padEnd(58)} ${us.toFixed(2).padStart(10)} µs/op  (${iterations} ops)`);
}

const values = { name: 0.5, email: 1, function_name: 1, arguments: 0, a: 0.25, b: 0.75 };
const guide = '(name + email) / 2';
const weighted = 'max(0, min(1, 0.5 * function_name + 0.5 * arguments - 0.1 * abs(a - b) ^ 2 + log(1 + b)))';
const flatSum = Array.from({ length: MAX_FORMULA_LENGTH / 2 }, () => 'a').join('+').slice(0, MAX_FORMULA_LENGTH);
const deepest = '('.repeat(199) + 'a' + ')'.repeat(199);
const tooDeep = '-'.repeat(MAX_FORMULA_LENGTH - 1) + '1';
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const junk = Array.from({ length: MAX_FORMULA_LENGTH }, () => 'ab1.e+-*/^(), '[Math.floor(rand() * 14)]).join('');

const parsed = (t: string) => {
  const p = parseFormula(t);
  if (!p.ok) throw new Error(p.error.message);
  return p.ast;
};

time(`parse ${JSON.stringify(guide)}`, 200_000, () => parseFormula(guide));
const guideAst = parsed(guide);
time(`evaluate ${JSON.stringify(guide)}`, 1_000_000, () => evaluateFormula(guideAst, values));
time(`parse + evaluate weighted formula (${weighted.length} chars)`, 100_000, () => evaluateFormula(parsed(weighted), values));
time(`parse flat sum of ${MAX_FORMULA_LENGTH / 2} terms (${flatSum.length} chars)`, 500, () => parseFormula(flatSum));
const flatAst = parsed(flatSum);
time('evaluate that flat sum', 2_000, () => evaluateFormula(flatAst, values));
time('parse brackets nested 199 deep', 20_000, () => parseFormula(deepest));
time(`reject ${tooDeep.length} chars of unary minus (depth limit)`, 20_000, () => parseFormula(tooDeep));
time(`parse ${junk.length} chars of random junk`, 20_000, () => parseFormula(junk));

const grader = {
  type: 'multi',
  name: 'tool_call',
  graders: {
    function_name: { type: 'string_check', name: 'n', input: '{{ sample.output_tools[0].function.name }}', reference: '{{ item.name }}', operation: 'eq' },
    arguments: { type: 'string_check', name: 'a', input: '{{ sample.output_tools[0].function.arguments }}', reference: '{{ item.arguments }}', operation: 'eq' },
  },
  calculate_output: '0.5 * function_name + 0.5 * arguments',
};
const sample = { output_text: '', output_tools: [{ function: { name: 'get_weather', arguments: '{"city": "Paris"}' } }] };
const item = { name: 'get_weather', arguments: '{"city": "Paris"}' };
const n = 20_000;
for (let i = 0; i < 500; i++) await runGrader(grader, sample, item);
const t0 = performance.now();
for (let i = 0; i < n; i++) await runGrader(grader, sample, item);
console.log(`${'runGrader: multi of two string_checks (validate + grade)'.padEnd(58)} ${(((performance.now() - t0) * 1000) / n).toFixed(2).padStart(10)} µs/op  (${n} ops)`);
