/**
 * Grading one batch of JSONL lines for `run --data`: each line parsed, each sample graded, each result
 * serialized as the output line `{"row": i, "sample_index": j, "result": RunResult}`. Runs inside the CLI's
 * worker threads (data-worker.ts); it knows nothing of files, threads or order.
 */
import { parseJsonlLine } from '../engine/dataset.ts';
import { hasError } from '../engine/result.ts';
import { runPrepared, type PreparedGrader } from '../engine/run.ts';
import type { EngineRuntime } from '../engine/runtime.ts';
import type { RunResult } from '../engine/types.ts';

export interface BatchRequest {
  seq: number;
  /** 0-based line index of lines[0] in the file. */
  first: number;
  lines: string[];
}

/** A batch as the main thread sends it: whole lines of the file, as read (UTF-8), in a buffer of their own. */
export interface BatchBytes {
  seq: number;
  first: number;
  /** Lines ending in "\n", except perhaps the file's last line. Transferred, not copied. */
  bytes: Uint8Array;
}

// A BOM stays in the text, as Node's utf8 stream decoding keeps it (the line is then not JSON, as in Python).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The lines of a batch's bytes: split at "\n", a "\r" before it belonging to the break (as split(/\r?\n/));
 * the text after the last "\n" is a line when it is not empty (a file's last line without a break).
 */
export function linesOf(bytes: Uint8Array): string[] {
  const text = decoder.decode(bytes);
  const lines: string[] = [];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    lines.push(text.slice(start, nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl));
    start = nl + 1;
  }
  if (start < text.length) lines.push(text.slice(start, text.endsWith('\r') ? -1 : text.length));
  return lines;
}

export interface BatchResult {
  seq: number;
  /** The output lines, each ending in "\n", as UTF-8 (a buffer of its own: transferred, not copied, to the writer). */
  out: Uint8Array;
  /** Skipped lines: 1-based line number and why. */
  skipped: { line: number; message: string }[];
  rewards: Float64Array;
  /** Results with an error flag set. */
  errored: number;
  /** Rows graded (lines that were not blank or skipped). */
  rows: number;
}

export function stripExplain(result: RunResult, explain: boolean): RunResult {
  if (explain) return result;
  const { explain: _, ...rest } = result;
  return rest;
}

const encoder = new TextEncoder();

/** Output lines encoded straight into one growing UTF-8 buffer (no joined string, no second copy). */
class Utf8Lines {
  private buf = new Uint8Array(1 << 16);
  private used = 0;

  push(line: string): void {
    // At most 3 bytes per UTF-16 unit, plus the line break.
    const need = line.length * 3 + 1;
    if (this.used + need > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.used + need));
      grown.set(this.buf.subarray(0, this.used));
      this.buf = grown;
    }
    this.used += encoder.encodeInto(line, this.buf.subarray(this.used)).written;
    this.buf[this.used++] = 10;
  }

  /** The bytes written, in a buffer of their own (transferable). */
  bytes(): Uint8Array {
    return this.buf.slice(0, this.used);
  }
}

/** Grades one batch with a grader validated once (prepareGrader) for the whole run. */
export async function gradeBatch(
  batch: BatchRequest,
  grader: PreparedGrader,
  options: { runtime: EngineRuntime; explain: boolean },
): Promise<BatchResult> {
  const out = new Utf8Lines();
  const skipped: BatchResult['skipped'] = [];
  const rewards: number[] = [];
  let errored = 0;
  let rows = 0;
  const run = { runtime: options.runtime, explain: options.explain };
  for (let k = 0; k < batch.lines.length; k++) {
    const r = parseJsonlLine(batch.lines[k]!, batch.first + k);
    if (r === null) continue;
    if ('message' in r) {
      skipped.push({ line: r.line, message: r.message });
      continue;
    }
    rows++;
    for (let j = 0; j < r.samples.length; j++) {
      const result = await runPrepared(grader, r.samples[j]!, r.item, run);
      rewards.push(result.reward);
      if (hasError(result.metadata.errors)) errored++;
      // JSON.stringify leaves out a property whose value is undefined: the line without "explain", no copy made.
      if (!options.explain) result.explain = undefined;
      // The line JSON.stringify({ row, sample_index, result }) gives (integers print the same), without the wrapper.
      out.push(`{"row":${r.row},"sample_index":${j},"result":${JSON.stringify(result)}}`);
    }
  }
  return { seq: batch.seq, out: out.bytes(), skipped, rewards: Float64Array.from(rewards), errored, rows };
}
