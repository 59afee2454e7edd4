/**
 * The AST panel's link to the sandbox: its own grader worker (started on first use through GraderHost), one
 * request at a time, a time limit after which the worker is killed and replaced, and a fresh worker after a
 * fatal WASM error. The page never runs @ast-grep/wasm itself.
 */
import type { GraderHost, WorkerHandle } from '../../worker/host.ts';
import type { AstRequest, AstResponse } from '../../worker/ast-request.ts';
import { checkAstResponse } from '../../worker/boundary.ts';

export class AstClient {
  private worker: Promise<WorkerHandle> | null = null;

  constructor(
    private readonly host: GraderHost,
    private readonly timeoutMs = 20_000,
  ) {}

  private get(): Promise<WorkerHandle> {
    if (!this.worker) {
      this.worker = this.host.spawn().then(async (h) => {
        await h.ready;
        return h;
      });
      this.worker.catch(() => (this.worker = null));
    }
    return this.worker;
  }

  private drop(h: WorkerHandle) {
    this.host.kill(h);
    this.worker = null;
  }

  async ask(request: AstRequest): Promise<AstResponse> {
    let h: WorkerHandle;
    try {
      h = await this.get();
    } catch (e) {
      return { result: { error: { message: `The sandbox worker did not start: ${e instanceof Error ? e.message : String(e)}` } }, ms: 0 };
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.timeoutMs)));
    try {
      const raw = await Promise.race([h.api.ast(request), timeout]);
      if (raw === 'timeout') {
        this.drop(h);
        return { result: { error: { message: `No answer within ${this.timeoutMs / 1000} s; the worker was replaced.` } }, ms: this.timeoutMs };
      }
      const r = checkAstResponse(raw); // untrusted: checked and capped (boundary.ts); a bad reply drops the worker
      if ('error' in r.result && r.result.error.fatal) this.drop(h);
      return r;
    } catch (e) {
      this.drop(h);
      return { result: { error: { message: `The sandbox worker failed: ${e instanceof Error ? e.message : String(e)}` } }, ms: 0 };
    } finally {
      clearTimeout(timer);
    }
  }

  dispose() {
    this.worker?.then((h) => this.host.kill(h)).catch(() => undefined);
    this.worker = null;
  }
}
