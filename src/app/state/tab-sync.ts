/**
 * What keeps tabs and reloads honest, outside IndexedDB's asynchronous saves: a BroadcastChannel telling other
 * tabs "workspace X is now at revision n", and a synchronous localStorage journal of unsaved edits written when
 * the page goes away (pagehide, or hidden), which IndexedDB cannot be trusted to finish. The journal is read
 * back on the next open and removed once IndexedDB holds the edit. Must not: decide conflicts (the manager does).
 */
import type { StoredWorkspace } from '../../share/store.ts';

const CHANNEL = 'grader-playground:workspaces';
const JOURNAL = 'grader-playground:unsaved:';

export interface SavedMessage {
  type: 'saved';
  id: string;
  rev: number;
  tab: string;
}

export interface Journal {
  snapshot: StoredWorkspace;
  /** The stored revision the edits were made on. */
  baseRev: number;
}

export class TabSync {
  readonly tab = Math.random().toString(36).slice(2);
  private channel: BroadcastChannel | null = null;

  constructor(onSaved: (m: SavedMessage) => void) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(CHANNEL);
    this.channel.onmessage = (e: MessageEvent<SavedMessage>) => {
      const m = e.data;
      if (m?.type === 'saved' && m.tab !== this.tab && typeof m.id === 'string' && typeof m.rev === 'number') onSaved(m);
    };
  }

  announce(id: string, rev: number) {
    this.channel?.postMessage({ type: 'saved', id, rev, tab: this.tab } satisfies SavedMessage);
  }

  writeJournal(j: Journal) {
    try {
      globalThis.localStorage?.setItem(JOURNAL + j.snapshot.id, JSON.stringify(j));
    } catch {
      // Storage full or blocked: IndexedDB's save was still started; nothing more can be done synchronously.
    }
  }

  readJournal(id: string): Journal | null {
    try {
      const raw = globalThis.localStorage?.getItem(JOURNAL + id);
      if (!raw) return null;
      const j = JSON.parse(raw) as Journal;
      return j && j.snapshot?.id === id && typeof j.baseRev === 'number' ? j : null;
    } catch {
      return null;
    }
  }

  clearJournal(id: string) {
    try {
      globalThis.localStorage?.removeItem(JOURNAL + id);
    } catch {
      // Nothing to do: a stale journal is ignored once its revision is behind.
    }
  }

  close() {
    this.channel?.close();
  }
}
