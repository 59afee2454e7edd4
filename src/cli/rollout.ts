/**
 * `grader-playground rollout`: k completions per row of an RFT dataset from an OpenAI-compatible endpoint
 * (OPENAI_BASE_URL, OPENAI_API_KEY), written as the input rows with a `samples` array, so `run --data` grades
 * them. Rows are written in input order as each row's completions are in; completions that failed are reported
 * on stderr (a row with none is left out). Ctrl-C stops asking and writes what was sampled. Running again with
 * the same --out resumes: the samples already there are kept and only the missing ones are asked for (the file
 * is rewritten through a temporary file, so a run killed outright leaves the previous one intact).
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { isJsonObject, jsonEntries, losslessJsonText, orderedObject, parseJson } from '../engine/json.ts';
import { rolloutRow, type SamplingSettings } from '../engine/rollout/request.ts';
import { sampleKey, sampleRollouts, type Failure, type RolloutTask, type RolloutTransport } from '../engine/rollout/sampler.ts';
import type { JsonObject, JsonValue } from '../engine/types.ts';
import { DEFAULT_BASE_URL } from './model-runtime.ts';
import { UsageError } from './args.ts';

export interface RolloutIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Chat Completions over fetch with the key from the environment; the key never appears in a message. */
export function envTransport(env: Record<string, string | undefined>, timeoutMs: number): RolloutTransport {
  const base = (env.OPENAI_BASE_URL?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
  const key = env.OPENAI_API_KEY?.trim();
  const url = new URL(base + '/chat/completions');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`OPENAI_BASE_URL must be an http(s) URL, not ${JSON.stringify(base)}`);
  if (!key && url.hostname === 'api.openai.com') throw new UsageError('OPENAI_API_KEY is not set (or point OPENAI_BASE_URL at a server that needs no key)');
  return async (body, signal) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key) headers.authorization = `Bearer ${key}`;
    try {
      return await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) });
    } catch (e) {
      const cause = (e as { cause?: { message?: string } }).cause?.message;
      throw new Error(`cannot reach ${url.href} (${cause ?? (e as Error).message})`);
    }
  };
}

/** A row without its samples, as text: how a row of an earlier output is matched to its input row. */
const rowIdentity = (row: JsonObject) => losslessJsonText(orderedObject<JsonValue>(jsonEntries(row).filter(([k]) => k !== 'sample' && k !== 'samples')));

/**
 * The samples an earlier run wrote to `path`, by row identity (a list per identity: equal input rows take them
 * in turn). A line that does not parse is skipped (a run killed while writing).
 */
function earlierSamples(path: string, io: RolloutIo): Map<string, JsonValue[][]> {
  const kept = new Map<string, JsonValue[][]>();
  readFileSync(path, 'utf8').split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseJson(line);
    if (!parsed.ok || !isJsonObject(parsed.value) || !Array.isArray(parsed.value.samples)) {
      io.stderr(`${path}:${i + 1}: not a row with samples: not kept\n`);
      return;
    }
    const id = rowIdentity(parsed.value);
    kept.set(id, [...(kept.get(id) ?? []), parsed.value.samples]);
  });
  return kept;
}

function num(flags: Record<string, string | true>, name: string, check: (n: number) => boolean, what: string): number | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !check(n)) throw new UsageError(`--${name} takes ${what}`);
  return n;
}

export async function rolloutCommand(flags: Record<string, string | true>, io: RolloutIo, env: Record<string, string | undefined>, signal?: AbortSignal): Promise<number> {
  const dataPath = flags.data;
  const model = flags.model;
  if (typeof dataPath !== 'string') throw new UsageError('rollout needs --data rows.jsonl');
  if (typeof model !== 'string' || model.trim() === '') throw new UsageError('rollout needs --model');
  const int = (n: number) => Number.isInteger(n) && n >= 1;
  const settings: SamplingSettings = {
    model,
    k: num(flags, 'k', (n) => int(n) && n <= 1024, 'a whole number from 1 to 1024') ?? 8,
    temperature: num(flags, 'temperature', (n) => n >= 0 && n <= 2, 'a number from 0 to 2'),
    top_p: num(flags, 'top-p', (n) => n >= 0 && n <= 1, 'a number from 0 to 1'),
    max_completion_tokens: num(flags, 'max-tokens', int, 'a whole number of tokens'),
    seed: num(flags, 'seed', Number.isInteger, 'a whole number'),
    reasoning_effort: typeof flags['reasoning-effort'] === 'string' ? flags['reasoning-effort'] : undefined,
    stream: flags.stream === true,
  };
  const concurrency = num(flags, 'concurrency', int, 'a whole number (1 or more)') ?? 4;
  const timeoutS = num(flags, 'timeout', (n) => n > 0, 'a number of seconds') ?? 120;
  const transport = envTransport(env, timeoutS * 1000);

  let text: string;
  try {
    text = readFileSync(dataPath, 'utf8');
  } catch (e) {
    io.stderr(`grader-playground: cannot read the data file ${dataPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 1;
  }
  const tasks: RolloutTask[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseJson(line);
    if (!parsed.ok || !isJsonObject(parsed.value)) io.stderr(`${dataPath}:${i + 1}: skipped: not a JSON object\n`);
    else tasks.push({ row: i, value: parsed.value });
  });

  const samples = new Map<number, JsonValue[]>(tasks.map((t) => [t.row, []]));
  const pending = new Map<number, number>(tasks.map((t) => [t.row, settings.k]));
  const failures: Failure[] = [];
  let tokensIn = 0;
  let tokensOut = 0;
  let written = 0;
  const outPath = typeof flags.out === 'string' ? flags.out : undefined;

  // Resume: the samples an earlier run wrote to the same --out count as done.
  const done = new Set<string>();
  let resumed = 0;
  if (outPath && existsSync(outPath)) {
    const kept = earlierSamples(outPath, io);
    for (const t of tasks) {
      const mine = kept.get(rowIdentity(t.value));
      const earlier = mine?.shift()?.slice(0, settings.k) ?? [];
      samples.set(t.row, [...earlier]);
      earlier.forEach((_, j) => done.add(sampleKey(t.row, j)));
      pending.set(t.row, settings.k - earlier.length);
      resumed += earlier.length;
    }
    const stray = [...kept.values()].reduce((n, l) => n + l.length, 0);
    if (stray > 0) {
      io.stderr(`grader-playground: ${outPath} holds ${stray} row${stray === 1 ? '' : 's'} that ${stray === 1 ? 'is' : 'are'} not in ${dataPath}: resuming would drop ${stray === 1 ? 'it' : 'them'}; choose another --out\n`);
      return 1;
    }
    if (resumed > 0) io.stderr(`resuming: ${resumed} completion${resumed === 1 ? '' : 's'} from ${outPath} kept, ${tasks.length * settings.k - resumed} to sample\n`);
  }
  const tmpPath = outPath ? `${outPath}.partial-${process.pid}` : undefined;
  const fd = tmpPath ? openSync(tmpPath, 'w') : null;
  const write = (s: string) => (fd === null ? io.stdout(s) : writeSync(fd, s));
  // Rows go out in input order: a row is written once it and every row before it are complete.
  let cursor = 0;
  const flush = (all = false) => {
    while (cursor < tasks.length && (all || pending.get(tasks[cursor]!.row) === 0)) {
      const t = tasks[cursor++]!;
      const got = samples.get(t.row)!.filter((s) => s !== undefined);
      if (got.length) {
        write(losslessJsonText(rolloutRow(t.value, got)) + '\n');
        written++;
      } else io.stderr(`${dataPath}:${t.row + 1}: no completion: row left out\n`);
    }
  };
  const settle = (row: number, n = 1) => {
    pending.set(row, (pending.get(row) ?? 0) - n);
    flush();
  };
  try {
    flush(); // rows complete from an earlier run go out at once
    const outcome = await sampleRollouts({
      tasks,
      settings,
      transport,
      concurrency,
      done,
      ...(signal ? { signal } : {}),
      onSample: (s) => {
        samples.get(s.row)![s.index] = s.sample;
        tokensIn += s.usage?.prompt_tokens ?? 0;
        tokensOut += s.usage?.completion_tokens ?? 0;
        settle(s.row);
      },
      onFailure: (f) => {
        failures.push(f);
        io.stderr(`${dataPath}:${f.row + 1}: ${f.index >= 0 ? `sample ${f.index}: ` : ''}${f.kind}: ${f.message}${f.attempts > 1 ? ` (after ${f.attempts} attempts)` : ''}\n`);
        settle(f.row, f.index >= 0 ? 1 : settings.k);
      },
      onRetry: (r) => io.stderr(`${dataPath}:${r.row + 1}: sample ${r.index}: retrying in ${(r.delayMs / 1000).toFixed(1)} s (${r.reason})\n`),
    });
    flush(true);
    const summary = {
      rows: tasks.length,
      rows_written: written,
      completions: outcome.sampled,
      resumed,
      failed: outcome.failed,
      status: outcome.status,
      prompt_tokens: tokensIn,
      completion_tokens: tokensOut,
    };
    io.stderr(`sampled ${outcome.sampled} completion${outcome.sampled === 1 ? '' : 's'} for ${written} of ${tasks.length} rows (${outcome.failed} failed${outcome.status === 'cancelled' ? ', cancelled' : ''})\n`);
    io.stderr(JSON.stringify({ summary }) + '\n');
    return outcome.status === 'cancelled' ? 130 : 0;
  } finally {
    if (fd !== null) {
      closeSync(fd);
      renameSync(tmpPath!, outPath!);
    }
  }
}

