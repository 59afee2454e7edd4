/**
 * The dry run's state: rows loaded, sampling settings, the estimate shown before consent, sampling with progress,
 * cancel and resume (every completion is saved to IndexedDB as it arrives), grading each row on the worker pool
 * as soon as its k completions are in, and the GO / NO-GO report. Sampling starts only from `start()`, which
 * the view calls on the user's click after the consent box is ticked: nothing from a link can start it.
 */
import { isJsonObject, losslessJsonText, parseJson } from '../../engine/json.ts';
import { estimateDryRun, type Estimate } from '../../engine/rollout/estimate.ts';
import { rolloutRow, type SamplingSettings } from '../../engine/rollout/request.ts';
import { sampleKey, sampleRollouts, type Failure, type RolloutTransport } from '../../engine/rollout/sampler.ts';
import { DEFAULT_THRESHOLDS, dryRunReport, type DryRunReport, type VerdictThresholds } from '../../engine/rollout/verdict.ts';
import { sampleText } from '../../engine/dataset/sample-text.ts';
import type { EngineSettings, JsonObject, JsonValue } from '../../engine/types.ts';
import type { GraderHost } from '../../worker/host.ts';
import { DatasetPool, defaultPoolSize } from '../../worker/pool.ts';
import type { ModelCall, SampleResult } from '../../worker/protocol.ts';
import { loadRun, saveRun, saveSample, type StoredRun } from './store.ts';

export type DryRunStatus = 'empty' | 'ready' | 'sampling' | 'done' | 'cancelled' | 'error';

interface Row {
  row: number;
  value: JsonObject;
}

export class DryRunState {
  fileName = $state('');
  rows = $state.raw<Row[]>([]);
  skippedLines = $state(0);
  model = $state('');
  k = $state(4);
  temperature = $state<number | null>(1);
  topP = $state<number | null>(null);
  maxTokens = $state<number | null>(1024);
  stream = $state(false);
  concurrency = $state(4);
  priceIn = $state<number | null>(null);
  priceOut = $state<number | null>(null);
  consent = $state(false);
  status = $state<DryRunStatus>('empty');
  message = $state<string | null>(null);
  sampled = $state(0);
  failedCount = $state(0);
  graded = $state(0);
  retryNote = $state<string | null>(null);
  failures = $state.raw<Failure[]>([]);
  thresholds = $state<VerdictThresholds>({ ...DEFAULT_THRESHOLDS });
  /** Bumped when results change. */
  version = $state(0);
  runId = $state<string | null>(null);

  results: SampleResult[] = [];
  private samples = new Map<number, JsonValue[]>();
  private settled = new Map<number, number>();
  private controller: AbortController | null = null;
  private pool: DatasetPool | null = null;
  private gradeQueue: number[] = [];
  /** Rows queued or graded in this session (a row is graded once, when its completions are all in). */
  private queued = new Set<number>();
  private grading: Promise<void> | null = null;
  private job: { grader: string; settings: EngineSettings; onModel?: ModelCall } | null = null;

  constructor(private readonly host: GraderHost) {}

  load(text: string, name: string) {
    const rows: Row[] = [];
    let skipped = 0;
    text.split(/\r?\n/).forEach((l, i) => {
      if (l.trim() === '') return;
      const p = parseJson(l);
      if (p.ok && isJsonObject(p.value)) rows.push({ row: i, value: p.value });
      else skipped++;
    });
    this.reset();
    this.fileName = name;
    this.rows = rows;
    this.skippedLines = skipped;
    this.status = rows.length ? 'ready' : 'empty';
    this.message = rows.length ? null : 'The file has no rows.';
  }

  private reset() {
    this.controller?.abort();
    this.pool?.cancel();
    this.results = [];
    this.samples = new Map();
    this.settled = new Map();
    this.gradeQueue = [];
    this.queued = new Set();
    this.failures = [];
    this.sampled = this.failedCount = this.graded = 0;
    this.consent = false;
    this.runId = null;
    this.retryNote = null;
    this.version++;
  }

  get settings(): SamplingSettings {
    return {
      model: this.model.trim(),
      k: this.k,
      temperature: this.temperature,
      top_p: this.topP,
      max_completion_tokens: this.maxTokens,
      stream: this.stream,
    };
  }

  get estimate(): Estimate {
    return estimateDryRun(
      this.rows.map((r) => r.value),
      this.k,
      this.maxTokens,
      { input: this.priceIn, output: this.priceOut },
    );
  }

  get canStart(): boolean {
    return this.rows.length > 0 && this.model.trim() !== '' && this.k >= 1 && this.consent && this.status !== 'sampling';
  }

  /** Start a new run, or resume the current one (its saved completions are not asked again). */
  async start(transport: RolloutTransport, grader: string, settings: EngineSettings, onModel?: ModelCall) {
    if (!this.canStart) return;
    const settingsNow = this.settings;
    if (!this.runId) {
      this.runId = `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const rowsText = this.rows.map((r) => losslessJsonText(r.value)).join('\n');
      // Rows are renumbered 0… in the stored text; keep the numbering the same here.
      this.rows = this.rows.map((r, i) => ({ row: i, value: r.value }));
      await saveRun({ id: this.runId, created: Date.now(), fileName: this.fileName, rowsText, settings: settingsNow }).catch((e: unknown) => {
        this.message = `Completions will not survive a reload: ${e instanceof Error ? e.message : String(e)}`;
      });
    }
    const runId = this.runId;
    this.job = { grader, settings: { ...settings }, ...(onModel ? { onModel } : {}) };
    this.pool = new DatasetPool(this.host, Math.max(1, Math.min(defaultPoolSize(), 2)));
    this.failures = [];
    this.failedCount = 0;
    this.settled = new Map([...this.samples].map(([row, list]) => [row, list.filter((s) => s !== undefined).length]));
    this.status = 'sampling';
    this.retryNote = null;
    const done = new Set<string>();
    for (const [row, list] of this.samples) list.forEach((s, j) => s !== undefined && done.add(sampleKey(row, j)));
    // A row graded on part of its completions (some had failed) is graded again once the rest are in.
    const incomplete = new Set(this.rows.filter((r) => (this.settled.get(r.row) ?? 0) < this.k).map((r) => r.row));
    this.results = this.results.filter((x) => !incomplete.has(x.row));
    // Rows whose grading a cancel cut short are queued again too.
    const graded = new Set(this.results.map((x) => x.row));
    this.gradeQueue = [];
    this.queued = new Set([...this.queued].filter((row) => graded.has(row)));
    this.graded = this.results.length;
    this.version++;
    // Rows complete from an earlier session are graded at once.
    for (const r of this.rows) if (!incomplete.has(r.row)) this.enqueue(r.row);
    const controller = new AbortController();
    this.controller = controller;
    try {
      const outcome = await sampleRollouts({
        tasks: this.rows,
        settings: settingsNow,
        transport,
        concurrency: Math.max(1, this.concurrency),
        signal: controller.signal,
        done,
        onSample: (s) => {
          const list = this.samples.get(s.row) ?? [];
          list[s.index] = s.sample;
          this.samples.set(s.row, list);
          this.sampled++;
          void saveSample({ run: runId, row: s.row, index: s.index, sample: losslessJsonText(s.sample) }).catch(() => undefined);
          this.settle(s.row, 1);
        },
        onFailure: (f) => {
          this.failures = [...this.failures, f];
          this.failedCount++;
          this.settle(f.row, f.index >= 0 ? 1 : this.k);
        },
        onRetry: (r) => (this.retryNote = `line ${r.row + 1}, completion ${r.index + 1}: retrying in ${(r.delayMs / 1000).toFixed(1)} s (${r.reason})`),
      });
      if (this.controller !== controller) return;
      this.retryNote = null;
      if (outcome.status === 'cancelled') {
        this.pool?.cancel();
        this.status = 'cancelled';
        return;
      }
      // Rows with some completions but failures too are graded on what they have.
      for (const r of this.rows) this.enqueue(r.row);
      await this.drain();
      this.status = 'done';
    } catch (e) {
      this.status = 'error';
      this.message = e instanceof Error ? e.message : String(e);
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  cancel() {
    this.controller?.abort();
    this.pool?.cancel();
    if (this.status === 'sampling') this.status = 'cancelled';
    this.consent = false;
  }

  /** Reopen a saved run: its rows and completions; start() then resumes it. */
  async reopen(id: string): Promise<boolean> {
    const stored = await loadRun(id);
    if (!stored) return false;
    this.load(stored.run.rowsText, stored.run.fileName);
    this.applySettings(stored.run);
    this.runId = id;
    for (const s of stored.samples) {
      const parsed = parseJson(s.sample);
      if (!parsed.ok) continue;
      const list = this.samples.get(s.row) ?? [];
      list[s.index] = parsed.value;
      this.samples.set(s.row, list);
      this.sampled++;
    }
    this.status = 'cancelled';
    return true;
  }

  private applySettings(run: StoredRun) {
    const s = run.settings;
    this.model = s.model;
    this.k = s.k;
    this.temperature = s.temperature ?? null;
    this.topP = s.top_p ?? null;
    this.maxTokens = s.max_completion_tokens ?? null;
    this.stream = !!s.stream;
  }

  private settle(row: number, n: number) {
    const now = (this.settled.get(row) ?? 0) + n;
    this.settled.set(row, now);
    if (now >= this.k && (this.samples.get(row)?.some((s) => s !== undefined) ?? false)) this.enqueue(row);
  }

  private enqueue(row: number) {
    if (this.queued.has(row) || !this.samples.get(row)?.some((s) => s !== undefined)) return;
    this.queued.add(row);
    this.gradeQueue.push(row);
    this.grading ??= this.pump().finally(() => (this.grading = null));
  }

  private async drain() {
    while (this.grading) await this.grading;
  }

  /** Grade the rows that are ready, batch after batch, on the pool, while sampling goes on. */
  private async pump() {
    while (this.gradeQueue.length && this.job && this.pool) {
      const rows = this.gradeQueue.splice(0);
      const lines: string[] = [];
      for (const row of rows) lines[row] = this.rowLine(row);
      for (let i = 0; i < lines.length; i++) lines[i] ??= '';
      const pool = this.pool;
      const outcome = await pool.run(
        { grader: this.job.grader, settings: this.job.settings, lines, rowTimeoutMs: 120_000, ...(this.job.onModel ? { onModel: this.job.onModel } : {}) },
        {
          onResults: (results) => {
            this.results.push(...results);
            this.graded = this.results.length;
            this.version++;
          },
        },
      );
      if (outcome.status === 'grader_error') {
        this.message = `The grader could not run: ${outcome.message}`;
        return;
      }
      if (outcome.status === 'cancelled') return;
    }
  }

  /** A row as a dataset line: the input row with its sampled completions. */
  rowLine(row: number): string {
    const value = this.rows.find((r) => r.row === row)?.value ?? {};
    const samples = (this.samples.get(row) ?? []).filter((s) => s !== undefined);
    return losslessJsonText(rolloutRow(value, samples));
  }

  /** The rollouts as JSONL: every row with at least one completion, with its samples (re-gradable later). */
  exportJsonl(): string {
    return this.rows
      .filter((r) => this.samples.get(r.row)?.some((s) => s !== undefined))
      .map((r) => this.rowLine(r.row) + '\n')
      .join('');
  }

  get hasSamples(): boolean {
    void this.version;
    return this.sampled > 0;
  }

  report(): DryRunReport | null {
    void this.version;
    const thresholds = { ...this.thresholds };
    if (this.results.length === 0 && this.failedCount === 0) return null;
    const failures: Record<string, number> = {};
    for (const f of this.failures) failures[f.kind] = (failures[f.kind] ?? 0) + (f.index >= 0 ? 1 : this.k);
    return dryRunReport(
      this.results.map((r) => ({ row: r.row, sampleIndex: r.sampleIndex, itemKey: String(r.row), reward: r.reward, errorFlags: r.flags })),
      failures,
      thresholds,
    );
  }

  textOf(row: number, index: number): string {
    const s = this.samples.get(row)?.filter((x) => x !== undefined)[index];
    return s === undefined ? '' : sampleText(s);
  }
}
