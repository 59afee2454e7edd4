/**
 * The command line: the same engine as the app, on files. `run` prints one RunResult (or, with --data, writes
 * one JSON line per graded sample and a summary to stderr); `validate` prints the grader or its problems.
 * Exit codes: 0 ran, 1 invalid grader or input, 2 usage.
 */
import { fstatSync, openSync, readFileSync } from 'node:fs';
import { losslessJsonText, parseJson, toPlain } from '../engine/json.ts';
import { sampleFromModelText } from '../engine/sample.ts';
import type { JsonValue } from '../engine/types.ts';
import { validateGrader } from '../engine/validate.ts';
import { parseArgs, USAGE, UsageError } from './args.ts';
import { dataThreadCount } from './data-threads.ts';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

class InputError extends Error {}

function readJson(path: string, what: string): JsonValue {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the ${what} file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    throw new InputError(`the ${what} file ${path} is not valid JSON (line ${line}, column ${column}): ${message}`);
  }
  return parsed.value;
}

export async function main(argv: string[], io: Io, env: Record<string, string | undefined> = process.env, signal?: AbortSignal): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr(`grader-playground: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { command, flags } = args;
  if (flags.help || command === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const str = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);
  const indent = flags.pretty ? 2 : undefined;
  try {
    // Each command's own modules load when it runs: `run --data` starts faster without the others'.
    if (command === 'rollout') return await (await import('./rollout.ts')).rolloutCommand(flags, io, env, signal);
    if (command !== 'run' && command !== 'validate' && command !== 'export' && command !== 'test') {
      throw new UsageError(command ? `unknown command "${command}"` : 'a command is needed: run, validate, test, export or rollout');
    }
    if (args.rest.length > 0) throw new UsageError(`unexpected argument "${args.rest[0]}"`);
    const graderPath = str('grader');
    if (!graderPath) throw new UsageError('--grader is required');
    if (command === 'test') {
      const timeout = Number(str('timeout') ?? 120);
      if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError('--timeout takes a number of seconds');
      const { testCommand } = await import('./test-command.ts');
      return await testCommand({ grader: graderPath, tests: str('tests'), item: str('item'), timeoutSeconds: timeout }, io);
    }
    const grader = toPlain(readJson(graderPath, 'grader'));
    if (command === 'export') {
      const { exportCommand, parseSettings } = await import('./export-command.ts');
      const settingsPath = str('settings');
      const settings = settingsPath ? parseSettings(toPlain(readJson(settingsPath, 'settings'))) : {};
      return exportCommand(grader, str('to'), settings, str('out'), io);
    }
    const validation = validateGrader(grader);

    if (command === 'validate') {
      for (const p of validation.problems) io.stderr(`${p.severity}: ${p.pointer || '/'}: ${p.message}\n`);
      if (!validation.ok) return 1;
      io.stdout(losslessJsonText({ grader: validation.grader } as unknown as JsonValue, indent ?? 2) + '\n');
      return 0;
    }

    if (!validation.ok) {
      for (const p of validation.problems) io.stderr(`${p.severity}: ${p.pointer || '/'}: ${p.message}\n`);
      io.stderr(`grader-playground: the grader in ${graderPath} is invalid\n`);
      return 1;
    }
    const timeout = str('timeout');
    const timeoutSeconds = timeout === undefined ? 120 : Number(timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError('--timeout takes a number of seconds');
    if (flags.explain && flags['no-explain']) throw new UsageError('give --explain or --no-explain, not both');
    const dataPath = str('data');
    if (dataPath) {
      if (str('sample') || str('model-sample')) throw new UsageError('--data cannot be combined with --sample or --model-sample');
      const workers = dataThreadCount(str('workers'));
      if (workers === null) throw new UsageError('--workers takes a whole number of threads (1 or more)');
      let fd: number;
      try {
        fd = openSync(dataPath, 'r');
        if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('a directory'), { code: 'EISDIR' });
      } catch (e) {
        throw new InputError(`cannot read the data file ${dataPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const outPath = str('out');
      const { runDataFile } = await import('./data-run.ts');
      const { summary: s, rows, skipped } = await runDataFile({
        grader,
        data: fd,
        out: outPath ? { path: outPath } : { write: io.stdout },
        onSkipped: (line, message) => io.stderr(`${dataPath}:${line}: skipped: ${message}\n`),
        // A dataset's rows are graded without explanations unless asked (--explain): the rewards are what a
        // dataset run is for, and a BLEU row's explanation is ~90% of its line and most of the work.
        explain: flags.explain === true,
        pythonTimeoutMs: timeoutSeconds * 1000,
        workers,
      });
      io.stderr(
        `graded ${s.count} sample${s.count === 1 ? '' : 's'} from ${rows} row${rows === 1 ? '' : 's'}` +
          `${skipped ? ` (${skipped} row${skipped === 1 ? '' : 's'} skipped)` : ''}: ` +
          `mean ${s.mean}, std ${s.std}, min ${s.min}, max ${s.max}, errors ${s.errors}\n`,
      );
      io.stderr(JSON.stringify({ summary: s, skipped_rows: skipped }) + '\n');
      return 0;
    }
    const samplePath = str('sample');
    const modelSample = str('model-sample');
    if (samplePath && modelSample !== undefined) throw new UsageError('give --sample or --model-sample, not both');
    if (!samplePath && modelSample === undefined) throw new UsageError('--sample, --model-sample or --data is required');
    const sample = samplePath ? readJson(samplePath, 'sample') : sampleFromModelText(modelSample!);
    const itemPath = str('item');
    const item = itemPath ? readJson(itemPath, 'item') : {};
    // The engine (graders, metrics, runtimes) loads here: `run --data` grades in its threads, not in this one.
    const [{ runGrader }, { createNodeRuntime }, { stripExplain: strip }] = await Promise.all([
      import('../engine/run.ts'),
      import('./runtime.ts'),
      import('./data-batch.ts'),
    ]);
    const runtime = await createNodeRuntime({ pythonTimeoutMs: timeoutSeconds * 1000 });
    try {
      const result = await runGrader(grader, sample, item, { runtime: runtime.engine });
      // One sample: its explanation is printed unless --no-explain.
      io.stdout(JSON.stringify(strip(result, !flags['no-explain']), null, indent) + '\n');
      return 0;
    } finally {
      await runtime.close();
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`grader-playground: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(`grader-playground: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
