/**
 * The time limit of one run (or one dataset line) on a grader worker. Starting Pyodide and loading packages do
 * not count against the grader's limit: the worker reports 'loading' and 'exec' phases. But those reports come
 * from the sandbox, so they are only hints: time spent 'loading' draws on the worker's start-up budget, granted
 * once per worker and never refilled; all other time draws on the run's limit, which no report refills either.
 * A grader that keeps reporting 'loading' (or alternates) is stopped when the budget runs out.
 *
 * The first start of a worker, until its first 'exec', is different: no user code has run in that worker yet
 * (the worker loads Pyodide and the packages the source imports before it runs any of it), so its 'loading' is
 * not a grader's claim. It draws on a larger, also bounded, allowance of its own: a slow engine or phone
 * (WebKitGTK here took over a minute to start Pyodide on a loaded machine) still gets Python, and a worker that
 * never finishes starting is still stopped.
 */
import type { RunProgress } from './protocol.ts';

/** Start-up time (Pyodide, packages) one worker may use over its whole life, once it has run user code. */
export const STARTUP_BUDGET_MS = 60_000;
/** The worker's first start, before any user code ran in it. */
export const FIRST_START_MS = 300_000;

/** One worker's start-up allowance: shared by every run on that worker. */
export class StartupBudget {
  /** True once the worker reported 'exec': from then on, user code may have run in it. */
  started = false;
  constructor(
    public remainingMs = STARTUP_BUDGET_MS,
    public firstStartMs = FIRST_START_MS,
  ) {}
}

export class RunClock {
  private phase: RunProgress = 'exec';
  private since: number;
  private left: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private limitMs: number,
    private readonly budget: StartupBudget,
    private readonly onTimeout: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.since = now();
    this.left = limitMs;
    this.arm();
  }

  /** The worker says a phase started (untrusted: it only decides which allowance the time is drawn from). */
  report(phase: RunProgress) {
    if (this.stopped) return;
    this.account();
    if (phase !== 'loading') this.budget.started = true;
    this.phase = phase;
    this.arm();
  }

  /** The host starts a new unit of work (a dataset line): a fresh run limit; the start-up budget is unchanged. */
  restart(limitMs = this.limitMs) {
    if (this.stopped) return;
    this.account();
    this.limitMs = limitMs;
    this.left = limitMs;
    this.arm();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private account() {
    const t = this.now();
    const spent = t - this.since;
    this.since = t;
    if (this.phase !== 'loading') this.left -= spent;
    else if (this.budget.started) this.budget.remainingMs -= spent;
    else this.budget.firstStartMs -= spent;
  }

  /** What is left of the allowance the current phase draws on. */
  private allowance(): number {
    if (this.phase !== 'loading') return this.left;
    return this.budget.started ? this.budget.remainingMs : this.budget.firstStartMs;
  }

  private arm() {
    clearTimeout(this.timer);
    const ms = Math.max(0, this.allowance());
    this.timer = setTimeout(() => {
      this.account();
      const over = this.allowance();
      if (over > 1) this.arm(); // a timer that fired early
      else if (!this.stopped) {
        this.stopped = true;
        this.onTimeout();
      }
    }, ms);
  }
}
