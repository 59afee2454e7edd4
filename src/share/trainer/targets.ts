/**
 * What each trainer calls, and how: the entry-point code of an exported file per target, the version of the
 * trainer's documentation it follows, and the parity adapter (a `grade(sample, item)` that calls the entry point
 * the way the trainer would, so the playground's Python runtime can run it). Text only.
 */
export const TARGETS = ['trl', 'verl', 'openrlhf', 'verifiers', 'python'] as const;
export type Target = (typeof TARGETS)[number];

export interface TargetInfo {
  id: Target;
  label: string;
  /** What the file follows, cited in its header. */
  follows: string;
  fileName: (slug: string) => string;
  /** How the trainer passes the item and the completion, for the contract view. */
  contract: ContractArg[];
  /** Trainer-side traps worth a warning. */
  traps: string[];
}

export interface ContractArg {
  name: string;
  type: string;
  what: string;
}

export const TARGET_INFO: Record<Target, TargetInfo> = {
  trl: {
    id: 'trl',
    label: 'Hugging Face TRL (GRPOTrainer)',
    follows:
      'TRL GRPOTrainer reward functions as documented in huggingface/trl docs/source/grpo_trainer.md ("Using a custom reward function") and trl/trainer/grpo_trainer.py _calculate_rewards (TRL 0.2x to 1.10): keyword arguments prompts, completions, completion_ids and every dataset column but prompt (**kwargs), with trainer_state, log_extra, log_metric(name, value) and environments; returns list[float | None].',
    fileName: (s) => `${s}_trl_reward.py`,
    contract: [
      { name: 'prompts', type: 'list[str] | list[list[dict]]', what: 'the dataset prompt column; standard: strings, conversational: message lists' },
      { name: 'completions', type: 'list[str] | list[list[dict]]', what: 'standard: the generated text; conversational: [{"role": "assistant", "content": text}]' },
      { name: 'item_json', type: 'list[str]', what: 'our column: the item as JSON text (exact key order and 1.0 vs 1); other columns are used when it is absent' },
      { name: '**kwargs', type: 'lists', what: 'every other dataset column, completion_ids, trainer_state, log_extra, log_metric and environments (when the version has them; never read as item columns)' },
    ],
    traps: [
      'A wrong-length return is broadcast or fails late (trl#6533): the function returns exactly one value per completion.',
      'None skips this function for the row; the export returns 0.0 on a grader error (OpenAI\'s rule) unless ON_ERROR is set to None.',
      'A group whose rewards are all equal gives zero advantage (trl#3857): check the dataset report\'s group variance.',
      'Conversational datasets pass message lists, not strings (trl#4202): completion_text() accepts both.',
    ],
  },
  verl: {
    id: 'verl',
    label: 'verl (custom_reward_function)',
    follows:
      'verl custom reward functions as documented in volcengine/verl docs/preparation/reward_function.rst and verl/utils/reward_score/__init__.py (verl 0.4+): compute_score(data_source, solution_str, ground_truth, extra_info=None) returning a float or a dict with "score".',
    fileName: (s) => `${s}_verl_reward.py`,
    contract: [
      { name: 'data_source', type: 'str', what: 'the parquet column data_source' },
      { name: 'solution_str', type: 'str', what: 'the decoded response (text only: no output_tools)' },
      { name: 'ground_truth', type: 'str', what: 'reward_model.ground_truth: the item as JSON text' },
      { name: 'extra_info', type: 'dict | None', what: 'extra_info column; an "item_json" key there wins over ground_truth' },
    ],
    traps: [
      'Every key of the returned dict is logged as reward_extra_info and must be a number in every row: the export returns score, error and each sub-reward.',
      'Parquet turns dicts into structs (missing keys become null): keep the item as JSON text in ground_truth.',
    ],
  },
  openrlhf: {
    id: 'openrlhf',
    label: 'OpenRLHF (--remote_rm_url reward.py)',
    follows:
      'OpenRLHF reward functions as documented in the OpenRLHF README ("Reinforced Fine-tuning") and examples/python/math_reward_func.py (OpenRLHF 0.8+): reward_func(queries, prompts, labels, **kwargs) returning {"rewards", "scores", "extra_logs"}.',
    fileName: (s) => `${s}_openrlhf_reward.py`,
    contract: [
      { name: 'queries', type: 'list[str]', what: 'prompt + response as one decoded text' },
      { name: 'prompts', type: 'list[str]', what: 'the prompt text; the response is queries[i][len(prompts[i]):]' },
      { name: 'labels', type: 'list[str]', what: 'the --label_key column: the item as JSON text' },
    ],
    traps: [
      'queries may end with the tokenizer\'s end-of-sequence text: set STRIP_SUFFIXES to remove it before grading.',
      'Only one label column is passed, so the whole item travels as JSON text in it.',
    ],
  },
  verifiers: {
    id: 'verifiers',
    label: 'verifiers (Prime Intellect)',
    follows:
      'PrimeIntellect-ai/verifiers 0.4: the v1 taskset API of docs/v1/tasksets.md (a vf.Task whose @vf.reward method scores the vf.Trace; vf.TaskData holds the row; a vf.Taskset loads the tasks) and the legacy vf.Rubric of docs/legacy/environments.md (a reward function receives the arguments it names: prompt, completion, answer, info, state; returns a float).',
    fileName: (s) => `${s}_verifiers_reward.py`,
    contract: [
      { name: 'completion', type: 'str | list[dict]', what: 'the model\'s completion (chat: a list of messages)' },
      { name: 'answer', type: 'str', what: 'the dataset answer column: the item as JSON text' },
      { name: 'info', type: 'dict', what: 'the dataset info column; an "item_json" key there wins over answer' },
      { name: 'trace (v1)', type: 'vf.Trace', what: 'v1 tasks: the rollout; the export grades the last assistant message as sent' },
      { name: 'self.data.item_json (v1)', type: 'str', what: 'v1 tasks: the item as JSON text, one dataset line (PlaygroundTaskset loads a JSONL file)' },
    ],
    traps: [
      'Rubric and @vf.reward weights multiply the reward: keep weight 1.0 to train on the playground\'s reward.',
      'v1\'s trace.last_reply strips whitespace; the export reads trace.assistant_messages[-1].content so string_check sees what the model wrote.',
    ],
  },
  python: {
    id: 'python',
    label: 'Plain Python (grade(sample, item))',
    follows: 'OpenAI\'s python grader contract (grade(sample, item) -> float), runnable anywhere: python3 reward.py < rows.jsonl prints one reward per line.',
    fileName: (s) => `${s}_reward.py`,
    contract: [
      { name: 'sample', type: 'dict', what: 'output_text, output_json, output_tools, choices (the whole sample, tool calls included)' },
      { name: 'item', type: 'dict', what: 'the dataset row' },
    ],
    traps: [],
  },
};

/** The entry point(s) of a target, appended after the runtime. `fn` is the Python name of the reward function. */
export function entryPoint(target: Target, fn: string, graderName: string, subKeys: string[], weights: Record<string, number> | null): string {
  switch (target) {
    case 'trl':
      return trlEntry(fn, graderName, subKeys, weights);
    case 'verl':
      return VERL_ENTRY;
    case 'openrlhf':
      return OPENRLHF_ENTRY;
    case 'verifiers':
      return verifiersEntry(fn);
    case 'python':
      return PYTHON_ENTRY;
  }
}

const py = (s: string) => JSON.stringify(s);

function trlEntry(fn: string, graderName: string, subKeys: string[], weights: Record<string, number> | null): string {
  const subFns = subKeys.map((k, i) => `${fn}_${i}`);
  let linear = '';
  if (weights && subKeys.length > 0) {
    linear = `

# calculate_output is linear, so TRL can also combine the sub-graders itself (each one logged on its own):
#   GRPOTrainer(reward_funcs=REWARD_FUNCS, args=GRPOConfig(reward_weights=REWARD_WEIGHTS, ...), ...)
# Unlike the multi grader, a failed sub-grader then costs only its own term instead of zeroing the reward.
${subKeys
  .map(
    (k, i) => `def ${subFns[i]}(prompts, completions, **kwargs):
    """Sub-grader ${py(k)} alone."""
    return [r["sub_rewards"][${py(k)}] for r in _trl_results(completions, kwargs)]


${subFns[i]}.__name__ = ${py(`${graderName}/${k}`)}
`,
  )
  .join('\n')}
REWARD_FUNCS = [${subFns.join(', ')}]
REWARD_WEIGHTS = [${subKeys.map((k) => String(weights[k] ?? 0)).join(', ')}]`;
  }
  return `
# ----------------------------------------------------------------------------------------------------------
# TRL entry point

# What a row whose grade failed gets: 0.0 as OpenAI gives, or None to have TRL skip this function for that row.
ON_ERROR = 0.0

# What TRL passes besides the dataset's columns (TRL 1.x: environments when an environment_factory is set).
_TRL_OWN = {"completion_ids", "trainer_state", "log_extra", "log_metric", "environments", "item_json"}


def _trl_items(n, kwargs):
    if "item_json" in kwargs:
        return [item_from(v) for v in kwargs["item_json"]]
    columns = [k for k in kwargs if k not in _TRL_OWN and isinstance(kwargs[k], (list, tuple)) and len(kwargs[k]) == n]
    return [{k: kwargs[k][i] for k in columns} for i in range(n)]


def _trl_results(completions, kwargs):
    items = _trl_items(len(completions), kwargs)
    return [openai_grade(sample_from_text(completion_text(c)), item) for c, item in zip(completions, items)]


def ${fn}(prompts, completions, **kwargs):
    """GRPOTrainer(reward_funcs=[${fn}], ...): one reward per completion, in order."""
    results = _trl_results(completions, kwargs)
    log_metric = kwargs.get("log_metric")
    if callable(log_metric) and results and results[0]["sub_rewards"]:
        for key in results[0]["sub_rewards"]:
            try:
                log_metric(${py(graderName + '/')} + key, sum(r["sub_rewards"][key] for r in results) / len(results))
            except TypeError:  # a TRL whose log_metric takes other arguments: logging is optional, the rewards are not
                break
    return [r["reward"] if r["error"] is None else ON_ERROR for r in results]


${fn}.__name__ = ${py(graderName)}${linear}
`;
}

const VERL_ENTRY = `
# ----------------------------------------------------------------------------------------------------------
# verl entry point: custom_reward_function.path=<this file> custom_reward_function.name=compute_score


def compute_score(data_source, solution_str, ground_truth, extra_info=None):
    """The reward dict verl logs: score, error (1.0 when the grade failed) and each sub-grader's reward."""
    if isinstance(extra_info, dict) and "item_json" in extra_info:
        item = item_from(extra_info["item_json"])
    else:
        item = item_from(ground_truth)
    r = openai_grade(sample_from_text(solution_str), item)
    out = {"score": r["reward"], "error": 0.0 if r["error"] is None else 1.0}
    for key, value in r["sub_rewards"].items():
        out["sub/" + key] = value
    return out


def verl_row(item, data_source="grader_playground", prompt_key="messages"):
    """A parquet row for verl from an RFT item: the prompt messages, and the item as JSON text in ground_truth."""
    return {
        "data_source": data_source,
        "prompt": item.get(prompt_key, []),
        "reward_model": {"style": "rule", "ground_truth": _json.dumps(item)},
        "extra_info": {},
    }
`;

const OPENRLHF_ENTRY = `
# ----------------------------------------------------------------------------------------------------------
# OpenRLHF entry point: --remote_rm_url <this file> --label_key item_json

# Texts to cut from the end of a response before grading (e.g. the tokenizer's "</s>" or "<|im_end|>").
STRIP_SUFFIXES = []


def _response(query, prompt):
    text = query[len(prompt):] if query.startswith(prompt) else query
    for suffix in STRIP_SUFFIXES:
        if suffix and text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def reward_func(queries, prompts, labels, **kwargs):
    """rewards (used for advantages), scores (used for dynamic filtering) and extra_logs (means are logged)."""
    results = [openai_grade(sample_from_text(_response(q, p)), item_from(label)) for q, p, label in zip(queries, prompts, labels)]
    rewards = [r["reward"] for r in results]
    logs = {"grader_error": [0.0 if r["error"] is None else 1.0 for r in results]}
    for key in (results[0]["sub_rewards"] if results else {}):
        logs["sub/" + key] = [r["sub_rewards"][key] for r in results]
    try:
        import torch
    except ImportError:  # outside a trainer (e.g. the playground's parity check): plain lists
        return {"rewards": rewards, "scores": list(rewards), "extra_logs": logs}
    return {
        "rewards": torch.tensor(rewards, dtype=torch.float32),
        "scores": torch.tensor(rewards, dtype=torch.float32),
        "extra_logs": {k: torch.tensor(v, dtype=torch.float32) for k, v in logs.items()},
    }
`;

function verifiersEntry(fn: string): string {
  return `
# ----------------------------------------------------------------------------------------------------------
# verifiers entry points: a reward function (tasksets and rubrics call it with the arguments it names), and
# the legacy environment form, load_environment() with a vf.Rubric.


def ${fn}(completion, answer=None, info=None, **kwargs):
    """The grader's reward for one rollout; the item is info["item_json"] or the answer column (JSON text)."""
    if isinstance(info, dict) and "item_json" in info:
        item = item_from(info["item_json"])
    else:
        item = item_from(answer)
    return openai_grade(sample_from_text(completion_text(completion)), item)["reward"]


def load_environment(dataset=None, system_prompt=None, **kwargs):
    """Legacy form: vf.SingleTurnEnv over a dataset with "prompt" (or "question") and "answer" = the item as JSON text."""
    import verifiers as vf

    rubric = vf.Rubric(funcs=[${fn}], weights=[1.0])
    return vf.SingleTurnEnv(dataset=dataset, system_prompt=system_prompt, rubric=rubric, **kwargs)


def _trace_reply(trace):
    """The last assistant message as sent (v1's trace.last_reply strips whitespace, which string_check would see)."""
    messages = trace.assistant_messages
    return (messages[-1].content or "") if messages else ""


def ${fn}_from_trace(trace, item_json):
    """The v1 task's reward: the trace's last reply graded against the item (JSON text)."""
    return openai_grade(sample_from_text(_trace_reply(trace)), item_from(item_json))["reward"]


try:  # the v1 taskset: uv run eval <this module> --env.taskset.path items.jsonl
    import verifiers.v1 as vf
except ImportError:  # verifiers not installed (plain CPython, the playground's parity check): the functions above remain
    vf = None

if vf is not None:

    class PlaygroundData(vf.TaskData):
        """One dataset row: the prompt, and the RFT item as JSON text."""

        item_json: str

    class PlaygroundTask(vf.Task[PlaygroundData]):
        @vf.reward(weight=1.0)
        async def ${fn}(self, trace: vf.Trace) -> float:
            return ${fn}_from_trace(trace, self.data.item_json)

    class PlaygroundConfig(vf.TasksetConfig):
        path: str = "items.jsonl"
        """JSON lines, one RFT item per line."""
        prompt_key: str = "messages"
        """The item key that holds the prompt (a string or a message list)."""

    class PlaygroundTaskset(vf.Taskset[PlaygroundTask, PlaygroundConfig]):
        def load(self):
            with open(self.config.path, encoding="utf-8") as f:
                lines = [line.strip() for line in f if line.strip()]
            for i, line in enumerate(lines):
                item = _json.loads(line)
                yield PlaygroundTask(PlaygroundData(idx=i, prompt=item.get(self.config.prompt_key), item_json=line), self.config.task)
`;
}

const PYTHON_ENTRY = `
# ----------------------------------------------------------------------------------------------------------
# Plain entry point: OpenAI's python grader contract, and a command line over JSON lines.


def grade(sample, item):
    """OpenAI's python grader contract: the reward (0.0 when the grade fails)."""
    return openai_grade(sample, item)["reward"]


if __name__ == "__main__":
    import sys

    # Each line: {"item": {...}, "sample": {...}} or {"item": {...}, "output_text": "..."}; prints one JSON line each.
    for line in sys.stdin:
        if not line.strip():
            continue
        row = _json.loads(line)
        sample = row["sample"] if "sample" in row else sample_from_text(row["output_text"])
        print(_json.dumps(openai_grade(sample, row["item"])))
`;

/**
 * The parity adapter: `grade(env, _)` where env = {"item", "text", "prompt", "judge_reply", "conversational"} (the
 * trainer's view of one row), calling the target's entry point exactly as the trainer would. For `python`, env
 * carries the whole sample.
 */
export function parityAdapter(target: Target, fn: string): string {
  const judge = `
    global JUDGE_TRANSPORT
    reply = env.get("judge_reply")
    JUDGE_TRANSPORT = None if reply is None else (lambda body: {"choices": [{"message": {"role": "assistant", "content": reply}, "finish_reason": "stop"}]})`;
  const keep = target === 'python' ? '\n\ngrade_exported = grade' : '';
  const head = `${keep}

# ---- parity adapter (added by the playground; not part of the export)
def grade(env, _unused):${judge}
    item_json = _json.dumps(env["item"])
    text = env["text"]
    conv = env.get("conversational", False)
    prompt = env.get("prompt", "")
`;
  switch (target) {
    case 'trl':
      return `${head}    completion = [{"role": "assistant", "content": text}] if conv else text
    prompts = [[{"role": "user", "content": prompt}]] if conv else [prompt]
    out = ${fn}(prompts=prompts, completions=[completion], item_json=[item_json], completion_ids=[[0]])
    if len(out) != 1:
        raise ValueError("the reward function returned %d values for 1 completion" % len(out))
    return out[0]
`;
    case 'verl':
      return `${head}    out = compute_score("grader_playground", text, item_json, {})
    return out["score"]
`;
    case 'openrlhf':
      return `${head}    out = reward_func([prompt + text], [prompt], [item_json])
    rewards = out["rewards"]
    if len(rewards) != 1:
        raise ValueError("reward_func returned %d rewards for 1 query" % len(rewards))
    return float(rewards[0])
`;
    case 'verifiers':
      return `${head}    completion = [{"role": "assistant", "content": text}] if conv else text
    legacy = ${fn}(completion=completion, answer=item_json, info={}, state={}, prompt=prompt)
    message = type("AssistantMessage", (), {"content": text})()
    trace = type("Trace", (), {"assistant_messages": [message]})()
    v1 = ${fn}_from_trace(trace, item_json)
    if not (legacy == v1 or (legacy != legacy and v1 != v1)):
        raise ValueError("the v1 task reward %r differs from the rubric reward %r" % (v1, legacy))
    return legacy
`;
    case 'python':
      return `${head}    return grade_exported(env["sample"], _json.loads(item_json))
`;
  }
}
