/**
 * The dataset view's state: the JSONL lines, the streaming results of a pool run, and what the table shows
 * (sort, filters). Results live in a plain array (up to 100,000 entries) with a version counter for
 * reactivity, so appending a batch never copies or proxies the whole set.
 */
import type { EngineSettings, JsonValue } from '../../engine/types.ts';
import { rowFromValue } from '../../engine/dataset.ts';
import { templateVariables } from '../../engine/template.ts';
import type { AdvantageRow, GradedSample, ProbeReport, ReadinessReport } from '../../engine/dataset/index.ts';
import type { Agreement } from '../../engine/model/judge-check.ts';
import { joinSamples } from '../../engine/dataset.ts';
import type { ProbeFinding } from '../../engine/tests/new-case.ts';

// The analysis modules load with the first finished run, not with the page.
const analysis = () => import('../../engine/dataset/index.ts');
import { isJsonObject, losslessJsonPretty, losslessJsonText, parseJson } from '../../engine/json.ts';
import { sampleText } from '../../engine/dataset/sample-text.ts';
import type { GraderHost } from '../../worker/host.ts';
import { DatasetPool, defaultPoolSize, prewarm, type PoolProgress } from '../../worker/pool.ts';
import type { ModelCall, RowError, SampleResult } from '../../worker/protocol.ts';

/** The item fields a grader's templates read, in order (`{{ item.answer.text }}` gives "answer"). */
function templateItemKeys(graderText: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      for (const t of templateVariables(v)) if (t.namespace === 'item' && typeof t.path[0] === 'string') out.push(t.path[0]);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  try {
    walk(JSON.parse(graderText));
  } catch {
    // An unparseable grader has no templates to learn from; the default keys still apply.
  }
  return out;
}

export { resultKey } from '../../engine/dataset/columns.ts';

function inRowOrder(rs: SampleResult[]): boolean {
  for (let i = 1; i < rs.length; i++) {
    const a = rs[i - 1]!;
    const b = rs[i]!;
    if (a.row > b.row || (a.row === b.row && a.sampleIndex > b.sampleIndex)) return false;
  }
  return true;
}

/** How often the table follows a running dataset's streamed results. */
const SHOW_EVERY_MS = 250;

export type DatasetStatus = 'empty' | 'ready' | 'running' | 'done' | 'cancelled' | 'error';
export type SortKey = 'row' | 'reward-asc' | 'reward-desc';

/** What a run graded with: the grader's name and type, and its text (to tell when it has changed since). */
export interface RanGrader {
  name: string;
  type: string;
  text: string;
}

/** The playground's own sample and item, kept while a dataset row is shown in their place. */
export interface Stash {
  workspaceId: string;
  sample: string;
  item: string;
  /** What is shown instead, for the banner: "line 12, sample 2". */
  shown: string;
}

const STASH_KEY = 'gp.dataset.stash';

function graderOf(text: string): RanGrader {
  const parsed = parseJson(text);
  const g = parsed.ok && isJsonObject(parsed.value) ? parsed.value : {};
  return { name: typeof g.name === 'string' ? g.name : '', type: typeof g.type === 'string' ? g.type : 'unknown', text };
}

export class DatasetState {
  fileName = $state('');
  lineCount = $state(0);
  status = $state<DatasetStatus>('empty');
  message = $state<string | null>(null);
  progress = $state<PoolProgress | null>(null);
  rowErrors = $state.raw<RowError[]>([]);
  /** Bumped whenever `results` changes. */
  version = $state(0);
  sort = $state<SortKey>('row');
  flagFilter = $state<string>('');
  passFilter = $state<'' | 'pass' | 'fail'>('');
  threshold = $state(0.5);
  /** OpenAI's limit by default; the dataset view lets the user change it. */
  rowTimeoutSeconds = $state(120);
  workers = $state(defaultPoolSize());

  lines: string[] = [];
  results: SampleResult[] = [];
  /** The grader of the last run (set when it starts). */
  ranGrader = $state.raw<RanGrader | null>(null);
  /** Each probe result with its text, for the probe table and the exports. */
  probeResults = $state.raw<GradedSample[]>([]);
  /** Each probe's sample and its row's item as JSON text (key "row:probe"), for "add as a test case". */
  private probeDocs = new Map<string, { sample: string; item: string }>();
  private texts = new Map<number, string[] | null>();

  /** The text of a graded sample (its output_text...), read from its line on first use and kept. */
  textOf(r: { row: number; sampleIndex: number }): string {
    let t = this.texts.get(r.row);
    if (t === undefined) {
      const parsed = parseJson(this.lines[r.row] ?? '');
      const row = parsed.ok ? rowFromValue(parsed.value, r.row) : null;
      t = row && !('message' in row) ? row.samples.map(sampleText) : null;
      this.texts.set(r.row, t);
    }
    return t?.[r.sampleIndex] ?? '';
  }

  /** What the export writes: every real result with its text, then the probes with theirs. */
  exportRows(): GradedSample[] {
    return [...this.graded().map((g) => ({ ...g, text: this.textOf(g) })), ...this.probeResults];
  }
  /** How many results carry each error flag, kept up to date as results arrive (read with `version`). */
  flagCounts = new Map<string, number>();
  private pool: DatasetPool | null = null;
  /** Reward-hacking probes: their report, and whether they are running. */
  probes = $state.raw<ProbeReport | null>(null);
  probing = $state(false);
  probeItems = $state(30);
  probeCount = $state(0);

  /** The results as the analysis modules take them (one item per line). */
  graded(): GradedSample[] {
    void this.version;
    return this.results.map((r) => ({
      row: r.row,
      sampleIndex: r.sampleIndex,
      itemKey: String(r.row),
      reward: r.reward,
      errorFlags: r.flags,
      ...(r.label !== undefined ? { label: r.label } : {}),
    }));
  }

  /** The readiness report and GRPO advantages of the finished run (computed in separate tasks, off the run). */
  reportValue = $state.raw<ReadinessReport | null>(null);
  /** Model (grader) rewards against the human scores in the data, when it has them. */
  agreementValue = $state.raw<Agreement | null>(null);
  advantageRows = $state.raw<AdvantageRow[]>([]);
  /** Advantage by resultKey(row, sampleIndex) (built a slice per task with the rows above). */
  advantageOf = $state.raw<Map<number, number>>(new Map());

  /**
   * Analyse the finished run off the main thread (src/worker/analysis.ts), so the page never stalls over
   * 100,000 results: the report and the advantages come back packed and are unpacked a slice per task.
   */
  async analyze() {
    const run = ++this.analysisRun;
    const { analyzeResults } = await import('../../worker/analysis.ts');
    const { report, advantages, advantageOf } = await analyzeResults(this.results, this.threshold);
    if (run !== this.analysisRun) return; // a newer run or threshold has started its own analysis
    this.reportValue = report;
    this.advantageRows = advantages;
    this.advantageOf = advantageOf;
    const withHuman = this.results.filter((r) => r.human !== undefined);
    this.agreementValue = withHuman.length
      ? (await import('../../engine/model/judge-check.ts')).agreement(
          withHuman.map((r) => r.reward),
          withHuman.map((r) => r.human!),
        )
      : null;
  }
  private analysisRun = 0;

  /**
   * Grade generated adversarial samples (empty, shuffled reference, padding, format only...) for the first items
   * and flag the ones that score high: signs of a hackable grader.
   */
  async runProbes(grader: string, settings: EngineSettings, onModel?: ModelCall) {
    if (this.probing || this.results.length === 0) return;
    this.probing = true;
    this.probes = null;
    const { DEFAULT_REFERENCE_KEYS, flagProbes, generateProbes } = await analysis();
    // The reference a probe plays with is what the grader itself reads from the item ({{ item.city }} -> city).
    const referenceKeys = [...new Set(templateItemKeys(grader)), ...DEFAULT_REFERENCE_KEYS];
    const origin: { row: number; kinds: string[]; texts: string[]; samples: JsonValue[]; item: JsonValue }[] = [];
    const probeLines: string[] = [];
    for (let i = 0; i < this.lines.length && origin.length < this.probeItems; i++) {
      const parsed = parseJson(this.lines[i] ?? '');
      if (!parsed.ok) continue;
      const row = rowFromValue(parsed.value, i);
      if ('message' in row) continue;
      const probes = generateProbes(row.item, row.samples, { seed: i + 1, referenceKeys });
      origin.push({ row: i, kinds: probes.map((p) => p.kind), texts: probes.map((p) => sampleText(p.sample)), samples: probes.map((p) => p.sample), item: row.item });
      probeLines.push(losslessJsonText({ item: row.item, samples: probes.map((p) => p.sample) } as JsonValue));
    }
    const graded: GradedSample[] = [];
    this.probeDocs = new Map();
    const pool = new DatasetPool(this.host, Math.max(1, this.workers));
    await pool.run(
      { grader, settings: { ...settings }, lines: probeLines, rowTimeoutMs: this.rowTimeoutSeconds * 1000, ...(onModel ? { onModel } : {}) },
      {
        onResults: (results) => {
          for (const r of results) {
            const o = origin[r.row]!;
            graded.push({
              row: o.row,
              sampleIndex: r.sampleIndex,
              itemKey: String(o.row),
              reward: r.reward,
              errorFlags: r.flags,
              probe: o.kinds[r.sampleIndex] ?? 'probe',
              text: o.texts[r.sampleIndex] ?? '',
            });
            const sample = o.samples[r.sampleIndex];
            if (sample !== undefined) this.probeDocs.set(`${o.row}:${r.sampleIndex}`, { sample: losslessJsonPretty(sample), item: losslessJsonPretty(o.item) });
          }
        },
      },
    );
    this.probeCount = graded.length;
    this.probeResults = graded;
    this.probes = flagProbes(graded, this.graded());
    this.probing = false;
  }

  /** A graded probe as a finding a test case can be made of (null when its documents are not kept). */
  probeFinding(r: GradedSample): ProbeFinding | null {
    const docs = this.probeDocs.get(`${r.row}:${r.sampleIndex}`);
    return docs && r.probe ? { probe: r.probe, row: r.row, ...docs } : null;
  }

  constructor(private readonly host: GraderHost) {}

  /** Add samples kept in a second JSONL file, joined by line or by an id key; returns what happened. */
  joinSamplesFile(text: string, name: string, by: { kind: 'line' } | { kind: 'key'; key: string }): string {
    const j = joinSamples(this.lines.join('\n'), text, by);
    const keep = this.fileName;
    this.load(j.text, keep);
    if (j.errors.length) this.rowErrors = j.errors;
    return `${name}: samples joined to ${j.joined} row${j.joined === 1 ? '' : 's'}${j.errors.length ? `, ${j.errors.length} line${j.errors.length === 1 ? '' : 's'} not joined` : ''}.`;
  }

  load(text: string, name: string) {
    this.cancel();
    this.lines = text.split(/\r?\n/);
    this.fileName = name;
    this.texts.clear();
    this.probeResults = [];
    this.probeDocs = new Map();
    this.probes = null;
    this.ranGrader = null;
    this.lineCount = this.lines.filter((l) => l.trim() !== '').length;
    this.results = [];
    this.flagCounts = new Map();
    this.rowErrors = [];
    this.progress = null;
    this.message = this.lineCount === 0 ? 'The file has no rows.' : null;
    this.status = this.lineCount === 0 ? 'empty' : 'ready';
    this.version++;
  }

  /** Start the pool's workers (and Pyodide for a python grader) while the user looks at the loaded rows. */
  prewarm(grader: string) {
    if (this.lineCount > 0) prewarm(this.host, Math.max(1, this.workers), grader);
  }

  async run(grader: string, settings: EngineSettings, onModel?: ModelCall) {
    if (this.lineCount === 0 || this.status === 'running') return;
    this.results = [];
    this.flagCounts = new Map();
    this.rowErrors = [];
    this.message = null;
    this.probes = null;
    this.probeResults = [];
    this.probeDocs = new Map();
    this.ranGrader = graderOf(grader);
    this.reportValue = null;
    this.agreementValue = null;
    this.advantageRows = [];
    this.advantageOf = new Map();
    this.status = 'running';
    this.version++;
    const pool = new DatasetPool(this.host, Math.max(1, this.workers));
    this.pool = pool;
    let shown: ReturnType<typeof setTimeout> | undefined;
    const outcome = await pool.run(
      { grader, settings: { ...settings }, lines: this.lines, rowTimeoutMs: this.rowTimeoutSeconds * 1000, ...(onModel ? { onModel } : {}) },
      {
        onResults: (results, rowErrors) => {
          for (const r of results) {
            this.results.push(r);
            for (const f of r.flags) this.flagCounts.set(f, (this.flagCounts.get(f) ?? 0) + 1);
          }
          if (rowErrors.length) this.rowErrors = [...this.rowErrors, ...rowErrors].sort((a, b) => a.row - b.row);
          // The table and filters (which copy and sort up to 100,000 results) follow a few times a second, not
          // on every streamed batch; the progress bar follows every batch.
          shown ??= setTimeout(() => {
            shown = undefined;
            this.version++;
          }, SHOW_EVERY_MS);
        },
        onProgress: (p) => (this.progress = p),
      },
    );
    clearTimeout(shown);
    this.version++;
    if (this.pool !== pool) return;
    this.pool = null;
    if (outcome.status === 'grader_error') {
      this.status = 'error';
      this.message = outcome.message;
    } else this.status = outcome.status;
    await this.analyze();
  }

  cancel() {
    if (this.pool) {
      this.pool.cancel();
      this.pool = null;
      if (this.status === 'running') this.status = 'cancelled';
    }
  }

  /** The sample opened from the table last, for "next/previous sample". */
  opened: { row: number; sampleIndex: number } | null = null;

  /** Open the sample `delta` places after the last opened one, in the table's current order. */
  stepOpened(delta: number, workspace: { id?: string; sample: string; item: string }) {
    const rows = this.view();
    if (rows.length === 0) return;
    const at = this.opened ? rows.findIndex((r) => r.row === this.opened!.row && r.sampleIndex === this.opened!.sampleIndex) : -1;
    const next = rows[(at + delta + rows.length) % rows.length]!;
    this.openInto(next, workspace);
  }

  /**
   * The user's own sample and item while a row is shown in the playground, so opening a row never loses them:
   * kept across reloads (localStorage) until "back to your sample" or "keep this row".
   */
  stash = $state.raw<Stash | null>(DatasetState.readStash());

  private static readStash(): Stash | null {
    try {
      const v = JSON.parse(globalThis.localStorage?.getItem(STASH_KEY) ?? 'null') as Stash | null;
      return v && typeof v.sample === 'string' && typeof v.item === 'string' && typeof v.workspaceId === 'string' ? v : null;
    } catch {
      return null;
    }
  }

  private writeStash(s: Stash | null) {
    this.stash = s;
    try {
      if (s) localStorage.setItem(STASH_KEY, JSON.stringify(s));
      else localStorage.removeItem(STASH_KEY);
    } catch {
      // Private mode or a full quota: the stash still lives for this page.
    }
  }

  /** Put the user's own sample and item back. */
  restoreStash(workspace: { id: string; sample: string; item: string }) {
    const s = this.stash;
    if (!s || s.workspaceId !== workspace.id) return;
    workspace.sample = s.sample;
    workspace.item = s.item;
    this.opened = null;
    this.writeStash(null);
  }

  /** Keep the row's documents as the workspace's own (forget the stash). */
  keepOpened() {
    this.writeStash(null);
  }

  /**
   * Put a graded sample's documents into the editors; an error message when the line has no such sample.
   * The first row opened stashes what the editors held (next rows keep that first stash).
   */
  openInto(r: SampleResult, workspace: { id?: string; sample: string; item: string }): string | null {
    const parsed = parseJson(this.lines[r.row] ?? '');
    if (!parsed.ok) return `Line ${r.row + 1} is not valid JSON.`;
    const row = rowFromValue(parsed.value, r.row);
    if ('message' in row) return row.message;
    const sample = row.samples[r.sampleIndex];
    if (sample === undefined) return `Line ${r.row + 1} has no sample ${r.sampleIndex}.`;
    const shown = `line ${r.row + 1}, sample ${r.sampleIndex}`;
    if (workspace.id !== undefined) {
      const keep = this.stash && this.stash.workspaceId === workspace.id ? this.stash : { workspaceId: workspace.id, sample: workspace.sample, item: workspace.item, shown };
      this.writeStash({ ...keep, shown });
    }
    workspace.sample = losslessJsonPretty(sample);
    workspace.item = losslessJsonPretty(row.item);
    this.opened = { row: r.row, sampleIndex: r.sampleIndex };
    return null;
  }

  /** The results the table shows, sorted and filtered. */
  view(): SampleResult[] {
    void this.version;
    let out = this.results;
    if (this.flagFilter === '__errors') out = out.filter((r) => r.flags.length > 0);
    else if (this.flagFilter) out = out.filter((r) => r.flags.includes(this.flagFilter));
    if (this.passFilter) out = out.filter((r) => (r.reward >= this.threshold) === (this.passFilter === 'pass'));
    // Results stream in row order but for batches that finish out of turn: sorting 100,000 sorted entries on
    // every streamed batch would cost more than the check.
    if (this.sort === 'row') out = inRowOrder(out) ? out.slice() : [...out].sort((a, b) => a.row - b.row || a.sampleIndex - b.sampleIndex);
    else out = [...out].sort((a, b) => (this.sort === 'reward-asc' ? a.reward - b.reward : b.reward - a.reward) || a.row - b.row);
    return out;
  }
}
