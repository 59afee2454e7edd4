/**
 * The diff of two graders on the same rows (a workspace's test cases or the loaded dataset): both graded on the
 * worker pool (DatasetPool, off the main thread, cancellable), then compared by engine/tests/diff.ts. Holds the
 * newest comparison; starting another cancels the one running.
 */
import { passThresholdOf } from '../../engine/tests/expect.ts';
import { diffRewards, type DiffRow, type GraderDiff } from '../../engine/tests/diff.ts';
import type { EngineSettings } from '../../engine/types.ts';
import type { GraderHost } from '../../worker/host.ts';
import { DatasetPool, defaultPoolSize } from '../../worker/pool.ts';
import type { ModelCall, SampleResult } from '../../worker/protocol.ts';

export interface DiffJob {
  a: string;
  b: string;
  settings: EngineSettings;
  lines: string[];
  /** A name per line (a test case's name), else "line n". */
  names?: string[];
  rowTimeoutMs: number;
  onModel?: ModelCall | undefined;
}

export class DiffState {
  diff = $state.raw<GraderDiff | null>(null);
  /** What each DiffRow.row stands for ("good answer", "line 12 #2"). */
  labels = $state.raw<string[]>([]);
  status = $state<'idle' | 'running' | 'done' | 'error'>('idle');
  message = $state<string | null>(null);
  /** Rows graded so far, of 2 × rows. */
  done = $state(0);
  total = $state(0);
  private pool: DatasetPool | null = null;
  private run = 0;

  constructor(private readonly host: GraderHost) {}

  cancel() {
    this.pool?.cancel();
    this.pool = null;
  }

  private async grade(grader: string, job: DiffJob, run: number): Promise<Map<string, SampleResult> | string | null> {
    const out = new Map<string, SampleResult>();
    const pool = (this.pool = new DatasetPool(this.host, defaultPoolSize()));
    const before = this.done;
    const o = await pool.run(
      { grader, settings: job.settings, lines: job.lines, rowTimeoutMs: job.rowTimeoutMs, ...(job.onModel ? { onModel: job.onModel } : {}) },
      {
        onResults: (results) => {
          for (const r of results) out.set(`${r.row}:${r.sampleIndex}`, r);
        },
        onProgress: (p) => {
          if (run === this.run) this.done = before + p.doneRows;
        },
      },
    );
    if (o.status === 'grader_error') return o.message;
    if (o.status === 'cancelled' || run !== this.run) return null;
    return out;
  }

  async compare(job: DiffJob) {
    this.cancel();
    const run = ++this.run;
    this.status = 'running';
    this.message = null;
    this.done = 0;
    this.total = 2 * job.lines.filter((l) => l.trim() !== '').length;
    const a = await this.grade(job.a, job, run);
    if (run !== this.run || a === null) return;
    if (typeof a === 'string') return this.fail(`Grader A: ${a}`);
    const b = await this.grade(job.b, job, run);
    if (run !== this.run || b === null) return;
    if (typeof b === 'string') return this.fail(`Grader B: ${b}`);
    const rows: DiffRow[] = [];
    const labels: string[] = [];
    for (const [key, ra] of a) {
      const rb = b.get(key);
      if (!rb) continue;
      const multi = b.has(`${ra.row}:1`);
      labels.push(job.names?.[ra.row] ?? `line ${ra.row + 1}${multi ? ` #${ra.sampleIndex + 1}` : ''}`);
      rows.push({ row: rows.length, a: ra.reward, b: rb.reward, ...(ra.flags.length ? { aError: true } : {}), ...(rb.flags.length ? { bError: true } : {}) });
    }
    const threshold = passThresholdOf(job.a) ?? passThresholdOf(job.b);
    this.labels = labels;
    this.diff = diffRewards(rows, { top: 20, ...(threshold !== undefined ? { threshold } : {}) });
    this.status = 'done';
  }

  private fail(message: string) {
    this.message = message;
    this.status = 'error';
  }
}
