/**
 * The exported files' text per target: the entry point each trainer calls, with its exact signature, the header
 * citing what it follows, pinned requirements, settings carried over, and the warnings a trainer's contract
 * deserves. (Running them is parity.test.ts and cpython.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../engine/json.ts';
import { compileFormula, compileTemplate, linearWeights } from './plan.ts';
import { exportForTarget, slug, type TrainerExport } from './export.ts';
import { TARGET_INFO, TARGETS, type Target } from './targets.ts';
import { parseFormula } from '../../engine/formula.ts';

const fuzzy = { type: 'text_similarity', name: 'Answer match', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', evaluation_metric: 'fuzzy_match' };
const multi = {
  type: 'multi',
  name: 'Quality',
  graders: {
    exact: { type: 'string_check', name: 'exact', input: '{{ sample.output_json.code }}', reference: '{{ item.code }}', operation: 'eq' },
    close: { type: 'text_similarity', name: 'close', input: '{{ sample.output_text }}', reference: '{{ item.text }}', evaluation_metric: 'rouge_l' },
  },
  calculate_output: '0.75 * exact + 0.25 * close',
};

function exp(grader: unknown, target: Target, settings = {}): TrainerExport {
  const r = exportForTarget(grader, target, { settings });
  if (!r.ok) throw new Error(r.message);
  return r.export;
}

describe('entry points follow each trainer’s signature', () => {
  it('TRL: one reward function taking prompts, completions and **kwargs, returning a list', () => {
    const e = exp(fuzzy, 'trl');
    expect(e.entry).toBe('answer_match_reward');
    expect(e.code).toContain('def answer_match_reward(prompts, completions, **kwargs):');
    expect(e.code).toContain('return [r["reward"] if r["error"] is None else ON_ERROR for r in results]');
    expect(e.fileName).toBe('answer_match_trl_reward.py');
  });

  it('verl: compute_score(data_source, solution_str, ground_truth, extra_info=None) returning a dict with score', () => {
    const e = exp(multi, 'verl');
    expect(e.code).toContain('def compute_score(data_source, solution_str, ground_truth, extra_info=None):');
    expect(e.code).toContain('out = {"score": r["reward"]');
    expect(e.code).toContain('out["sub/" + key] = value');
    expect(e.code).toContain('"reward_model": {"style": "rule", "ground_truth": _json.dumps(item)}');
  });

  it('OpenRLHF: reward_func(queries, prompts, labels, **kwargs) returning rewards, scores and extra_logs', () => {
    const e = exp(fuzzy, 'openrlhf');
    expect(e.code).toContain('def reward_func(queries, prompts, labels, **kwargs):');
    expect(e.code).toMatch(/"rewards": torch\.tensor\(rewards, dtype=torch\.float32\),\n\s+"scores"/);
    expect(e.code).toContain('"extra_logs"');
  });

  it('verifiers: a reward function naming completion, answer and info, and the legacy Rubric environment', () => {
    const e = exp(fuzzy, 'verifiers');
    expect(e.code).toContain('def answer_match_reward(completion, answer=None, info=None, **kwargs):');
    expect(e.code).toContain('rubric = vf.Rubric(funcs=[answer_match_reward], weights=[1.0])');
    expect(e.code).toContain('def load_environment(');
  });

  it('verifiers: the v1 taskset form, a vf.Task whose @vf.reward method grades the trace, loaded only where verifiers is', () => {
    const e = exp(fuzzy, 'verifiers');
    expect(e.code).toContain('import verifiers.v1 as vf');
    expect(e.code).toContain('class PlaygroundTask(vf.Task[PlaygroundData]):');
    expect(e.code).toMatch(/@vf\.reward\(weight=1\.0\)\n\s+async def answer_match_reward\(self, trace: vf\.Trace\) -> float:/);
    expect(e.code).toContain('class PlaygroundTaskset(vf.Taskset[PlaygroundTask, PlaygroundConfig]):');
    expect(e.code).toContain('messages[-1].content');
  });

  it('python: OpenAI’s grade(sample, item) and a JSON-lines command line', () => {
    const e = exp(fuzzy, 'python');
    expect(e.code).toContain('def grade(sample, item):');
    expect(e.code).toContain('if __name__ == "__main__":');
  });

  it.each(TARGETS.map((t) => [t]))('%s: the header cites what it follows and the pinned requirements', (t) => {
    const e = exp(fuzzy, t);
    expect(e.code.startsWith('"""Answer match: a reward function for')).toBe(true);
    expect(e.code).toContain(`Follows: ${TARGET_INFO[t].follows.slice(0, 40)}`);
    expect(e.code).toContain('Requirements: rapidfuzz==3.14.6.');
    expect(e.requirements).toEqual(['rapidfuzz==3.14.6']);
    expect(e.code).not.toMatch(/\beval\(/);
  });
});

describe('what the file carries', () => {
  it('the workspace’s settings, as the runtime reads them', () => {
    const e = exp(fuzzy, 'trl', { fuzzyScorer: 'token_set_ratio', fuzzyDefaultProcess: false, compactJson: true });
    expect(e.code).toContain('"fuzzyScorer": "token_set_ratio"');
    expect(e.code).toContain('"fuzzyDefaultProcess": False');
    expect(e.code).toContain('"compactJson": True');
  });

  it('requirements follow the metrics used: nltk for BLEU, rouge-score for ROUGE, none for string_check', () => {
    expect(exp({ ...fuzzy, evaluation_metric: 'bleu' }, 'verl').requirements).toEqual(['nltk==3.9.1']);
    expect(exp(multi, 'verl').requirements).toEqual(['rouge-score==0.1.2']);
    expect(exp(multi.graders.exact, 'verl').requirements).toEqual([]);
  });

  it('a python grader’s own source, verbatim, and an ast_grep grader as the python grader the engine exports', () => {
    const source = 'import math\n\ndef grade(sample, item):\n    return math.sqrt(0.25)  # """quotes"""\n';
    const e = exp({ type: 'python', name: 'p', source }, 'verl');
    expect(e.code).toContain('"source": "import math\\n\\ndef grade(sample, item):\\n    return math.sqrt(0.25)  # \\"\\"\\"quotes\\"\\"\\"\\n"');
    const ast = exp({ type: 'ast_grep', name: 'a', checks: [{ lang: 'python', rule: 'print($A)' }] }, 'trl');
    expect(ast.code).toContain('from ast_grep_py import SgRoot');
  });

  it('refuses an invalid grader with the validator’s message and location', () => {
    const r = exportForTarget({ ...multi, calculate_output: 'exact +' }, 'trl');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^The grader is invalid at \/calculate_output: /);
  });

  it('a linear multi is also offered to TRL as REWARD_FUNCS with REWARD_WEIGHTS, a non-linear one is not', () => {
    const e = exp(multi, 'trl');
    expect(e.code).toContain('REWARD_FUNCS = [quality_reward_0, quality_reward_1]');
    expect(e.code).toContain('REWARD_WEIGHTS = [0.75, 0.25]');
    expect(e.warnings.map((w) => w.id)).toContain('trl-weights');
    const nonLinear = exp({ ...multi, calculate_output: 'exact * close' }, 'trl');
    expect(nonLinear.code).not.toContain('REWARD_WEIGHTS');
  });

  it('warns where the trainer has only text: output_json parsed from it, output_tools always empty', () => {
    expect(exp(multi, 'trl').warnings.map((w) => w.id)).toContain('sample-output-json');
    const tools = { type: 'python', name: 't', source: 'def grade(sample, item):\n    return len(sample["output_tools"])\n' };
    expect(exp(tools, 'verl').warnings.map((w) => w.id)).toContain('sample-output_tools');
    expect(exp(tools, 'python').warnings.map((w) => w.id)).not.toContain('sample-output_tools');
  });
});

describe('the compiled plan', () => {
  it('splits templates with the engine’s parser', () => {
    expect(compileTemplate('Q: {{ item.q[0].text }}!')).toEqual([
      ['t', 'Q: '],
      ['v', 'item.q[0].text', 'item', ['q', 0, 'text']],
      ['t', '!'],
    ]);
  });

  it('turns calculate_output into a tree with the engine’s precedence', () => {
    const p = parseFormula('-2 ^ 2 + max(a, b) / 2');
    if (!p.ok) throw new Error('bad');
    expect(compileFormula(p.ast)).toEqual([
      'c',
      ['u', '-', ['p', ['n', 2], ['n', 2]]],
      [['+', ['c', ['f', 'max', [['v', 'a'], ['v', 'b']]], [['/', ['n', 2]]]]]],
    ]);
  });

  it('finds linear weights, and only those', () => {
    expect(linearWeights('(a + b) / 2', ['a', 'b'])).toEqual({ a: 0.5, b: 0.5 });
    expect(linearWeights('a - 0.5 * b', ['a', 'b'])).toEqual({ a: 1, b: -0.5 });
    expect(linearWeights('a + 1', ['a'])).toBeNull();
    expect(linearWeights('min(a, b)', ['a', 'b'])).toBeNull();
    expect(linearWeights('a * b', ['a', 'b'])).toBeNull();
  });

  it('makes Python names of grader names', () => {
    expect(slug('Answer match')).toBe('answer_match');
    expect(slug('3 checks')).toBe('g_3_checks');
    expect(slug('***')).toBe('grader');
  });
});
