/**
 * The exported files under real CPython (Debian's python3 with python3-nltk), called as their trainers call
 * them, against the engine's rewards. Examples whose imports this CPython lacks (rapidfuzz, rouge_score,
 * ast_grep_py, WordNet data) are listed, not skipped silently: the test asserts which ones ran, and that every
 * example using only the standard library and NLTK's BLEU/GLEU did.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { losslessJsonText, parseJson } from '../../engine/json.ts';
import { handJudgeRuntime } from '../../engine/model/hand.ts';
import { nodeDataRuntime } from '../../engine/node-data.ts';
import { createNodePythonRuntime } from '../../engine/python/node.ts';
import type { SupervisedPythonRuntime } from '../../engine/python/supervisor.ts';
import { runGrader } from '../../engine/run.ts';
import { sampleFromModelText } from '../../engine/sample.ts';
import type { EngineRuntime } from '../../engine/runtime.ts';
import type { JsonValue } from '../../engine/types.ts';
import { GALLERY } from '../../gallery/index.ts';
import { exportForTarget } from './export.ts';
import { sampleText } from './parity.ts';
import { parityAdapter, TARGETS } from './targets.ts';

const PYTHON = process.env.GP_CPYTHON ?? '/usr/bin/python3';

// The engine's side needs Pyodide for python graders and WordNet for METEOR, as in the app.
let python: SupervisedPythonRuntime;
const data = nodeDataRuntime();
beforeAll(async () => {
  python = createNodePythonRuntime({ startupTimeoutMs: 120_000 });
  await python.prepare();
}, 180_000);
afterAll(() => python.close());

const DRIVER = `
import json, sys, importlib.util
job = json.loads(sys.stdin.read())
def have(m):
    if m == "wordnet-data":
        try:
            from nltk.corpus import wordnet
            wordnet.ensure_loaded()
            return True
        except Exception:
            return False
    return importlib.util.find_spec(m) is not None
missing = [m for m in job["needs"] if not have(m)]
if missing:
    print(json.dumps({"missing": missing}))
    sys.exit(0)
ns = {"__name__": "exported"}
exec(compile(job["code"], "exported.py", "exec"), ns)
out = []
for env in job["envs"]:
    try:
        out.append(float(ns["grade"](env, None)))
    except Exception as e:
        out.append("%s: %s" % (type(e).__name__, e))
print(json.dumps({"rewards": out, "version": sys.version.split()[0]}))
`;

const doc = (d: unknown): JsonValue => {
  if (typeof d !== 'string') return d as JsonValue;
  const p = parseJson(d);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
};

/** Modules the export needs that a CPython may lack: metric libraries, and the python graders' own imports. */
function needs(grader: JsonValue, code: string): string[] {
  const out = new Set<string>();
  if (/"metric": "fuzzy_match"/.test(code)) out.add('rapidfuzz');
  if (/"metric": "(bleu|gleu|meteor)"/.test(code)) out.add('nltk');
  if (/"metric": "rouge_/.test(code)) out.add('rouge_score');
  if (/"metric": "meteor"/.test(code)) out.add('wordnet-data');
  const g = grader as { type?: string; source?: string; graders?: Record<string, JsonValue> };
  const subs = g.type === 'multi' ? Object.values(g.graders ?? {}) : [grader];
  for (const sub of subs as { type?: string; source?: string }[]) {
    if (sub.type === 'ast_grep') out.add('ast_grep_py');
    if (sub.type === 'python' && typeof sub.source === 'string') {
      for (const m of sub.source.matchAll(/^\s*(?:import|from)\s+([A-Za-z_][A-Za-z0-9_]*)/gm)) out.add(m[1]!);
    }
  }
  return [...out];
}

describe('exported files under CPython', () => {
  it('give the engine’s rewards for every example this CPython can run, for every target', async () => {
    const probe = spawnSync(PYTHON, ['-c', 'import sys, nltk; print(sys.version_info >= (3, 10))'], { encoding: 'utf8' });
    expect(probe.stdout.trim(), `${PYTHON} with nltk is needed (Debian: python3-nltk): ${probe.stderr}`).toBe('True');
    const stdlib = new Set(JSON.parse(spawnSync(PYTHON, ['-c', 'import sys, json; print(json.dumps(sorted(sys.stdlib_module_names)))'], { encoding: 'utf8' }).stdout) as string[]);
    const ran: string[] = [];
    const notRun: string[] = [];
    for (const example of GALLERY) {
      const grader = doc(example.grader);
      const engine: number[] = [];
      for (const s of example.samples) {
        const runtime: EngineRuntime = { python, data, ...(s.judgeReply !== undefined ? { model: handJudgeRuntime(s.judgeReply) } : {}) };
        const r = await runGrader(grader, sampleFromModelText(sampleText(doc(s.sample))), doc(example.item), { runtime, explain: false });
        engine.push(r.reward);
      }
      for (const target of TARGETS.filter((t) => t !== 'python')) {
        const exp = exportForTarget(grader, target);
        if (!exp.ok) throw new Error(exp.message);
        // Written as text so Python's json.loads sees the documents' lexemes (1.0 stays a float).
        const envs = example.samples.map(
          (s) =>
            `{"item":${losslessJsonText(doc(example.item))},"text":${JSON.stringify(sampleText(doc(s.sample)))},"prompt":"<prompt>\\n",` +
            `"judge_reply":${s.judgeReply === undefined ? 'null' : JSON.stringify(s.judgeReply)}}`,
        );
        const code = exp.export.code + parityAdapter(target, exp.export.entry);
        const input = `{"code":${JSON.stringify(code)},"needs":${JSON.stringify(needs(grader, exp.export.code))},"envs":[${envs.join(',')}]}`;
        const run = spawnSync(PYTHON, ['-c', DRIVER], { input, encoding: 'utf8', timeout: 120_000 });
        expect(run.status, run.stderr).toBe(0);
        const out = JSON.parse(run.stdout) as { missing?: string[]; rewards?: (number | string)[] };
        if (out.missing) {
          notRun.push(`${example.id}/${target} (no ${out.missing.join(', ')})`);
          continue;
        }
        out.rewards!.forEach((r, i) => {
          expect(typeof r, `${example.id}/${target} sample ${i}: ${String(r)}`).toBe('number');
          expect(Math.abs((r as number) - engine[i]!), `${example.id}/${target} sample ${i}`).toBeLessThanOrEqual(1e-12);
        });
        ran.push(`${example.id}/${target}`);
      }
    }
    console.log(`CPython ran ${ran.length} exports; not run for missing modules: ${notRun.join('; ') || 'none'}`);
    // Every example that needs nothing beyond the standard library and NLTK's BLEU/GLEU ran everywhere.
    for (const example of GALLERY) {
      const code = exportForTarget(doc(example.grader), 'verl');
      if (!code.ok) continue;
      const n = needs(doc(example.grader), code.export.code).filter((m) => m !== 'nltk' && !stdlib.has(m));
      if (n.length === 0) for (const t of TARGETS.filter((t) => t !== 'python')) expect(ran).toContain(`${example.id}/${t}`);
    }
    expect(ran.length).toBeGreaterThan(0);
  }, 600_000);
});

describe('TRL specifics under CPython', () => {
  it('returns one reward per completion (standard and conversational), and logs each sub-grader through log_metric', () => {
    const multi = {
      type: 'multi',
      name: 'Two checks',
      graders: {
        city: { type: 'string_check', name: 'city', input: '{{ sample.output_text }}', reference: '{{ item.city }}', operation: 'ilike' },
        short: { type: 'string_check', name: 'short', input: '{{ sample.output_text }}', reference: '{{ item.city }}', operation: 'eq' },
      },
      calculate_output: '0.5 * city + 0.5 * short',
    };
    const exp = exportForTarget(multi, 'trl');
    if (!exp.ok) throw new Error(exp.message);
    const script = `${exp.export.code}
import json
logs = []
item = json.dumps({"city": "Paris"})
a = two_checks_reward(prompts=["p", "p"], completions=["Paris", "It is paris."], item_json=[item, item], log_metric=lambda name, value: logs.append([name, value]))
b = two_checks_reward(prompts=[[{"role": "user", "content": "p"}]], completions=[[{"role": "assistant", "content": "Paris"}]], item_json=[item])
c = [f(prompts=["p"], completions=["Paris"], item_json=[item]) for f in REWARD_FUNCS]
print(json.dumps({"a": a, "b": b, "logs": logs, "c": c, "w": REWARD_WEIGHTS}))
`;
    const run = spawnSync(PYTHON, ['-c', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      a: [1, 0.5],
      b: [1],
      logs: [
        ['Two checks/city', 1],
        ['Two checks/short', 0.5],
      ],
      c: [[1], [1]],
      w: [0.5, 0.5],
    });
  });
});

describe('TRL columns under CPython', () => {
  it('never reads what TRL passes besides the dataset columns (environments, log_extra) as item fields', () => {
    const grader = { type: 'python', name: 'Keys', source: 'def grade(sample, item):\n    return float(sorted(item) == ["city"])' };
    const exp = exportForTarget(grader, 'trl');
    if (!exp.ok) throw new Error(exp.message);
    const script = `${exp.export.code}
import json
class Env: pass
out = keys_reward(prompts=["p"], completions=["Paris"], city=["Paris"], environments=[Env()], log_extra=lambda *a: None, trainer_state=None, completion_ids=[[1]])
print(json.dumps(out))
`;
    const run = spawnSync(PYTHON, ['-c', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([1]);
  });
});

describe('verifiers v1 taskset under CPython', () => {
  // verifiers itself is not installable here: this stand-in has only the names the export uses, with the behaviour
  // docs/v1/tasksets.md gives them (verifiers 0.4: TaskData fields by keyword, Task(data, config) keeps self.data,
  // @vf.reward(weight=...) marks a method, Taskset.load() yields tasks, TasksetConfig has a task config).
  const STUB = `
import sys, types
v1 = types.ModuleType("verifiers.v1")
class _Generic:
    def __class_getitem__(cls, _params):
        return cls
class TaskData:
    def __init__(self, **fields):
        self.__dict__.update(fields)
class Task(_Generic):
    def __init__(self, data, config=None):
        self.data, self.config = data, config
class TasksetConfig:
    task = None
    def __init__(self, **fields):
        self.__dict__.update(fields)
class Taskset(_Generic):
    def __init__(self, config):
        self.config = config
def reward(func=None, weight=1.0, priority=0):
    def mark(f):
        f._vf_weight = weight
        return f
    return mark if func is None else mark(func)
v1.TaskData, v1.Task, v1.TasksetConfig, v1.Taskset, v1.reward, v1.Trace = TaskData, Task, TasksetConfig, Taskset, reward, object
pkg = types.ModuleType("verifiers")
pkg.v1 = v1
sys.modules["verifiers"], sys.modules["verifiers.v1"] = pkg, v1
`;

  it('loads a JSONL file as tasks and scores the last assistant message as sent, whitespace included', () => {
    const grader = { type: 'string_check', name: 'Exact', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'eq' };
    const exp = exportForTarget(grader, 'verifiers');
    if (!exp.ok) throw new Error(exp.message);
    const script = `${STUB}
${exp.export.code}
import asyncio, json, os, tempfile
path = os.path.join(tempfile.mkdtemp(), "items.jsonl")
with open(path, "w") as f:
    f.write(json.dumps({"messages": [{"role": "user", "content": "Capital?"}], "answer": "Paris"}) + "\\n\\n")
    f.write(json.dumps({"messages": "Say it", "answer": " Paris "}) + "\\n")
tasks = list(PlaygroundTaskset(PlaygroundConfig(path=path, prompt_key="messages")).load())
class Msg:
    def __init__(self, content): self.content = content
class Trace:
    def __init__(self, *replies): self.assistant_messages = [Msg(r) for r in replies]
method = PlaygroundTask.exact_reward
print(json.dumps({
    "n": len(tasks),
    "idx": [t.data.idx for t in tasks],
    "prompt": [t.data.prompt for t in tasks],
    "weight": method._vf_weight,
    "rewards": [
        asyncio.run(method(tasks[0], Trace("draft", "Paris"))),
        asyncio.run(method(tasks[0], Trace(" Paris "))),
        asyncio.run(method(tasks[1], Trace(" Paris "))),
        asyncio.run(method(tasks[1], Trace())),
    ],
}))
`;
    const run = spawnSync(PYTHON, ['-c', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      n: 2,
      idx: [0, 1],
      prompt: [[{ role: 'user', content: 'Capital?' }], 'Say it'],
      weight: 1,
      rewards: [1, 0, 1, 0],
    });
  });
});
