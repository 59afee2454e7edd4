/**
 * GraderHost: the main-thread side of grading. It owns the sandbox frame, starts grader workers in it, and
 * hands out `WorkerHandle`s. LiveRunner (live-runner.ts) and the dataset pool build on it. Nothing here
 * computes a score; it only moves messages and kills workers that overrun.
 */
import * as Comlink from 'comlink';
import { assetQueue, fetchAsset } from './asset-server.ts';
import { checkFrameEvent } from './boundary.ts';
import type { FrameCommand, FrameEvent, GraderWorkerApi } from './protocol.ts';
import { sandboxDocument } from './sandbox-document.ts';

/** Start-up milestones for the benches (bench/startup-browser.ts reads them); cheap, and only a few per page. */
const mark = (name: string) => void globalThis.performance?.mark?.(name);

export interface WorkerHandle {
  id: number;
  api: Comlink.Remote<GraderWorkerApi>;
  port: MessagePort;
  /** Resolves when the worker answered its first ping. */
  ready: Promise<void>;
}

export interface GraderHostOptions {
  /** URL of sandbox.html (relative URLs resolve against the document). */
  sandboxUrl: string;
  /** The Python package index (its origin is the only other one the sandbox may fetch from). */
  packageBaseUrl?: string;
  /** How long a new worker may take to answer its first ping. */
  startTimeoutMs?: number;
}

export class GraderHost {
  private frame: HTMLIFrameElement | null = null;
  private frameReady: Promise<void> | null = null;
  private nextId = 1;
  private readonly handles = new Map<number, WorkerHandle>();
  private readonly failures = new Map<number, (message: string) => void>();
  private readonly assets = assetQueue();
  private readonly onMessage = (e: MessageEvent<unknown>) => {
    if (!this.frame || e.source !== this.frame.contentWindow) return;
    // The frame relays for untrusted workers: every event is checked against the protocol (boundary.ts).
    const event = checkFrameEvent(e.data);
    if (event?.type === 'worker-error') this.failures.get(event.id)?.(event.message);
    else if (event?.type === 'asset') void this.answerAsset(event);
  };

  constructor(private readonly options: GraderHostOptions) {}

  /** Create the sandbox frame once. */
  private ensureFrame(): Promise<void> {
    if (this.frameReady) return this.frameReady;
    mark('gp:sandbox-start');
    const frame = document.createElement('iframe');
    // allow-scripts only: no allow-same-origin, so the frame (and its data: workers) get an opaque origin.
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('aria-hidden', 'true');
    frame.setAttribute('tabindex', '-1');
    frame.title = 'Grader sandbox';
    frame.name = 'grader-sandbox';
    frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
    const url = new URL(this.options.sandboxUrl, document.baseURI);
    if (this.options.packageBaseUrl) url.searchParams.set('packages', this.options.packageBaseUrl);
    this.frame = frame;
    window.addEventListener('message', this.onMessage);
    const ready = new Promise<void>((resolve) => {
      const onReady = (e: MessageEvent<FrameEvent>) => {
        if (e.source === frame.contentWindow && e.data?.type === 'ready') {
          window.removeEventListener('message', onReady);
          mark('gp:sandbox-ready');
          resolve();
        }
      };
      window.addEventListener('message', onReady);
    });
    // srcdoc, not src: the app's service worker never serves an opaque-origin frame (sandbox-document.ts).
    this.frameReady = sandboxDocument(url.href).then(
      (doc) => {
        mark('gp:sandbox-document');
        frame.srcdoc = doc;
        if (this.frame === frame) document.body.appendChild(frame); // else disposed meanwhile
        return ready;
      },
      (e: unknown) => {
        this.frameReady = null; // the next spawn tries again (the network may be back)
        throw new Error(`the grader sandbox could not load: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
    return this.frameReady;
  }

  /** Fetch one of the app's files, or a Python package, for the sandbox (asset-server.ts). */
  private async answerAsset(request: { id: unknown; url: unknown; integrity?: unknown }) {
    const { id } = request;
    if (typeof id !== 'number') return;
    const roots = { app: new URL('./', document.baseURI).href, ...(this.options.packageBaseUrl ? { packages: this.options.packageBaseUrl } : {}) };
    const reply = await this.assets(() => fetchAsset({ ...request, id }, roots));
    this.command(reply, 'body' in reply ? [reply.body] : []);
  }

  private command(cmd: FrameCommand, transfer: Transferable[] = []) {
    this.frame?.contentWindow?.postMessage(cmd, '*', transfer);
  }

  /** Start a new grader worker in the sandbox. */
  async spawn(): Promise<WorkerHandle> {
    await this.ensureFrame();
    const id = this.nextId++;
    const channel = new MessageChannel();
    const api = Comlink.wrap<GraderWorkerApi>(channel.port1);
    const failed = new Promise<never>((_, reject) => this.failures.set(id, (m) => reject(new Error(m))));
    failed.catch(() => undefined);
    const timeout = this.options.startTimeoutMs ?? 20_000;
    const ready = Promise.race([
      api.ping().then(() => mark(`gp:worker-${id}-ready`)),
      failed,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the grader worker did not start within ${timeout / 1000} s`)), timeout)),
    ]);
    const handle: WorkerHandle = { id, api, port: channel.port1, ready };
    this.handles.set(id, handle);
    this.command({ type: 'spawn', id, port: channel.port2 }, [channel.port2]);
    return handle;
  }

  /** Terminate a worker at once (a runaway loop included); pending calls on it never settle. */
  kill(handle: WorkerHandle) {
    this.command({ type: 'kill', id: handle.id });
    handle.api[Comlink.releaseProxy]();
    handle.port.close();
    this.handles.delete(handle.id);
    this.failures.delete(handle.id);
  }

  dispose() {
    for (const h of [...this.handles.values()]) this.kill(h);
    window.removeEventListener('message', this.onMessage);
    this.frame?.remove();
    this.frame = null;
    this.frameReady = null;
  }
}
