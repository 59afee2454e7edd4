/**
 * python: hand the source, sample and item to the host's Python runtime and turn its answer into a reward,
 * OpenAI's error flags and an explanation (value and type, traceback with user line numbers, stdout/stderr).
 * It never runs Python itself and never imports Pyodide: the runtime comes from the host (EngineRuntime).
 */
import { losslessJsonText, pyFloatRepr } from '../json.ts';
import { OPENAI_IMAGE_TAG, PYODIDE_VERSION } from '../python/packages.ts';
import { PLATFORM_LIMITS, TZDATA_NOTE, WASM32_NOTE, readsWordSize, usesThreadsOrSignals, usesZoneinfo } from '../python/wasm32.ts';
import { assumption, explanation, failure, noErrors, type GradeOutcome } from '../result.ts';
import type { PythonRunResponse } from '../runtime.ts';
import type { Assumption, Problem, PythonGrader } from '../types.ts';
import type { FullContext } from './index.ts';

/** OpenAI's documented wall-time limit for a python grader (the runtimes' default; a host may set another). */
export const PYTHON_TIMEOUT_MS = 120_000;

export interface PythonDetails {
  kind: 'python';
  status: PythonRunResponse['status'];
  /** The reward grade() produced (as float), or null when it produced none. */
  value: number | null;
  valueRepr: string | null;
  valueType: string | null;
  errorType: string | null;
  exceptionType: string | null;
  /** Traceback or reason, as the runtime gave it. */
  message: string | null;
  stdout: string;
  stderr: string;
  /** 1-based line of the user's source to mark, when known. */
  line: number | null;
  column: number | null;
  durationMs: number | null;
  packagesLoaded: string[];
}

export async function gradePython(grader: PythonGrader, ctx: FullContext): Promise<GradeOutcome> {
  const pointer = `${ctx.pointer}/source`;
  const python = ctx.runtime.python;
  if (!python) {
    return failure(
      'python',
      { flag: 'python_grader_server_error', message: 'Python graders need the Pyodide runtime, which this host did not provide.', pointer },
      { errors: { python_grader_server_error_type: 'unavailable' } },
    );
  }
  let response: PythonRunResponse;
  try {
    response = await python.run({
      source: grader.source,
      sampleJson: losslessJsonText(ctx.sample ?? null),
      itemJson: losslessJsonText(ctx.item ?? null),
    });
  } catch (e) {
    response = { status: 'server_error', errorType: 'crashed', details: `The Python runtime failed: ${e instanceof Error ? e.message : String(e)}` };
  }
  return pythonOutcome(grader, response, pointer);
}

/** The GradeOutcome for a runtime's answer (exported for hosts that produce answers themselves, e.g. on a kill). */
export function pythonOutcome(grader: Pick<PythonGrader, 'image_tag'> & { source?: string }, r: PythonRunResponse, pointer = '/source'): GradeOutcome {
  const details: PythonDetails = {
    kind: 'python',
    status: r.status,
    value: r.status === 'ok' ? (r.value ?? null) : null,
    valueRepr: r.valueRepr ?? null,
    valueType: r.valueType ?? null,
    errorType: r.errorType ?? null,
    exceptionType: r.exceptionType ?? null,
    message: r.details ?? null,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    line: r.line ?? null,
    column: r.column ?? null,
    durationMs: r.durationMs ?? null,
    packagesLoaded: r.packagesLoaded ?? [],
  };
  const assumptions = baseAssumptions(grader);
  const extra = { assumptions, details: details as unknown as Record<string, unknown> };

  if (r.status === 'ok' && typeof r.value === 'number' && Number.isFinite(r.value)) {
    if (r.valueType !== 'float') {
      assumptions.push(
        assumption('python-coerce', `grade() returned ${r.valueType ?? 'a non-float'}; it is converted to float, since OpenAI documents a float result.`),
      );
    }
    return { reward: r.value, errors: noErrors(), scores: {}, explain: explanation('python', okSummary(r), extra) };
  }

  if (r.status === 'server_error') {
    const type = r.errorType ?? 'unknown';
    if (type === 'timeout') {
      assumptions.push(
        assumption(
          'python-timeout',
          `A grade that runs past the time limit (by default ${PYTHON_TIMEOUT_MS / 1000} s, OpenAI's documented limit) is stopped and reported as python_grader_server_error of type "timeout"; OpenAI does not document the type string.`,
        ),
      );
    }
    const problem: Problem = { flag: 'python_grader_server_error', message: serverSummary(r), pointer };
    return failure('python', problem, { errors: { python_grader_server_error_type: type }, explain: extra });
  }

  // runtime_error, or an 'ok' without a usable value (a runtime bug, reported the same way).
  if (r.errorType === 'invalid_return' || r.status === 'ok') {
    assumptions.push(
      assumption(
        'python-invalid',
        'NaN, infinities and anything that is not a number (None, strings, lists...) are invalid results: reward 0 with python_grader_runtime_error, as OpenAI marks "invalid float values" invalid.',
      ),
    );
  }
  const text = r.details ?? 'The python grader failed without details.';
  const problem: Problem = { flag: 'python_grader_runtime_error', message: runtimeSummary(r), pointer };
  return failure('python', problem, { errors: { python_grader_runtime_error_details: text }, explain: extra });
}

function baseAssumptions(grader: Pick<PythonGrader, 'image_tag'> & { source?: string }): Assumption[] {
  const list = [
    assumption(
      'python-pyodide',
      `Runs on Pyodide ${PYODIDE_VERSION} (CPython 3.14 in 32-bit WebAssembly), not in OpenAI's image, whose Python version is undocumented; package versions differ, word-size dependent values (sys.maxsize, hash() of large numbers) differ, and the 2 GB memory limit is not enforced.`,
    ),
    assumption('python-json', 'sample and item are what json.loads makes of your JSON: 1.0 arrives as a float, 1 as an int; each run gets fresh copies.'),
  ];
  if (grader.source !== undefined && readsWordSize(grader.source)) list.push(assumption('python-wasm32', WASM32_NOTE));
  if (grader.source !== undefined && usesThreadsOrSignals(grader.source)) list.push(assumption('python-threads', PLATFORM_LIMITS));
  if (grader.source !== undefined && usesZoneinfo(grader.source)) list.push(assumption('python-tzdata', TZDATA_NOTE));
  if (grader.image_tag !== undefined && grader.image_tag !== OPENAI_IMAGE_TAG) {
    list.push(
      assumption('python-image-tag', `image_tag "${grader.image_tag}" is not one the playground knows: it runs with the package list of "${OPENAI_IMAGE_TAG}", the only one OpenAI documents.`),
    );
  }
  return list;
}

function okSummary(r: PythonRunResponse): string {
  const value = pyFloatRepr(r.value as number);
  if (r.valueType === 'float') return `grade() returned ${r.valueRepr ?? value}.`;
  return `grade() returned ${r.valueRepr ?? '?'} (${r.valueType ?? 'unknown type'}), used as the float ${value}.`;
}

/** The last line of a traceback: "KeyError: 'x'". */
function lastLine(text: string | undefined): string {
  const lines = (text ?? '').trimEnd().split('\n');
  return lines[lines.length - 1] ?? '';
}

function atLine(r: PythonRunResponse): string {
  if (!r.line) return '';
  return r.column ? ` at line ${r.line}, column ${r.column}` : ` at line ${r.line}`;
}

function runtimeSummary(r: PythonRunResponse): string {
  switch (r.errorType) {
    case 'syntax':
      return `The source does not compile: ${lastLine(r.details)}${atLine(r)}.`;
    case 'exception': {
      // The innermost frame of the user's file says whether grade() or the module's top level raised.
      const frames = [...(r.details ?? '').matchAll(/File "grader\.py", line \d+, in (.+)/g)];
      const inModule = frames[frames.length - 1]?.[1] === '<module>';
      return `${inModule ? 'Loading the source' : 'grade()'} raised ${lastLine(r.details)}${atLine(r)}.`;
    }
    default:
      // missing_grade, wrong_arity, invalid_return: the runtime's sentence already says what and why.
      return r.details ?? 'The python grader failed.';
  }
}

function serverSummary(r: PythonRunResponse): string {
  if (r.errorType === 'timeout') return (r.details ?? 'The grader ran past its time limit.').split('\n\n')[0]!;
  if (r.errorType === 'package_unavailable') return (r.details ?? `A package the grader imports is not available.`).split('\n\n')[0]!;
  return r.details ?? `The Python runtime failed (${r.errorType ?? 'unknown reason'}).`;
}
