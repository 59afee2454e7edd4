/** Command-line parsing for `grader-playground`: a tiny, strict parser (unknown flags are usage errors). */
export interface ParsedArgs {
  command: string | null;
  flags: Record<string, string | true>;
  rest: string[];
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set(['grader', 'sample', 'item', 'model-sample', 'data', 'out', 'timeout', 'workers', 'to', 'settings', 'tests',
  // rollout
  'model', 'k', 'temperature', 'top-p', 'max-tokens', 'seed', 'reasoning-effort', 'concurrency']);
const BOOL_FLAGS = new Set(['explain', 'no-explain', 'pretty', 'help', 'stream']);

export function parseArgs(argv: string[]): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const rest: string[] = [];
  let command: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h') {
      flags.help = true;
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (BOOL_FLAGS.has(name)) {
        flags[name] = true;
        continue;
      }
      if (!VALUE_FLAGS.has(name)) throw new UsageError(`unknown option --${name}`);
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags[name] = value;
    } else if (command === null) command = a;
    else rest.push(a);
  }
  return { command, flags, rest };
}

export const USAGE = `Usage:
  grader-playground run --grader G.json --sample S.json [--item I.json]
  grader-playground run --grader G.json --model-sample "text" [--item I.json]
  grader-playground run --grader G.json --data rows.jsonl [--out results.jsonl] [--explain]
  grader-playground validate --grader G.json
  grader-playground export --to trl|verl|openrlhf|verifiers|python --grader G.json [--settings S.json] [--out F.py]
  grader-playground rollout --data rows.jsonl --model M [--k 8] [--out rollouts.jsonl]
  grader-playground test --grader G.json --tests T.jsonl [--item I.json]
  grader-playground test --grader W.grader.json            (a workspace file: its grader, item and tests)

Options:
  --explain        with --data: add the playground's "explain" field (why the reward is what it is) to each
                   RunResult. Off by default for --data: a dataset run is for its rewards, and explanations
                   are most of the work and of the output (a BLEU row: ~7 KB of explanation in a ~7.8 KB
                   line). Each line is {"row", "sample_index", "result"} either way
  --no-explain     leave "explain" out of the RunResult of a single run (on by default there)
  --pretty         indent the printed JSON
  --timeout S      seconds a python grader may run (default 120)
  --workers N      threads grading --data rows (default: one per core, at most 8)
  --to T           export: the trainer the Python reward file is for
  --settings S     export: a JSON file of the playground's settings (fuzzyScorer, rougeStemming, ...)

Rollout options (k completions per row from OPENAI_BASE_URL's Chat Completions, key from OPENAI_API_KEY;
the output is the rows with a "samples" list, ready for run --data):
  --k N --temperature T --top-p P --max-tokens N --seed S --reasoning-effort E --stream
  --concurrency N  requests at once (default 4; 429 and 5xx are retried with backoff)
  --timeout S      seconds per request for rollout (default 120)

Exit codes: 0 ran (whatever the reward), 1 invalid grader or input, 2 usage; test: 0 all pass, 1 a test failed.
Model graders read OPENAI_BASE_URL and OPENAI_API_KEY.

Containment: python graders run in a separate Node process under Node's permission model, with an empty
environment (no OPENAI_API_KEY), reading only the playground's own runtime files (Pyodide, ast-grep, grammars),
writing only a scratch folder deleted afterwards, starting no process or thread, and with fetch, sockets and
built-in network modules taken away; only Pyodide packages that its lock file lists are downloaded, by this
process, checked against their sha256. Not contained: CPU and memory (only --timeout bounds a run), and what a
grader prints or returns. Model graders and everything else run in this process with your privileges.`;
