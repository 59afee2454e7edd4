/**
 * Local persistence of workspaces in IndexedDB (one record per workspace, plus which one is open), so a reload
 * or a crashed tab restores everything. Errors (quota, private mode, blocked storage) are returned as values so
 * the UI can report them; nothing here is silent. API keys are never stored here.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { EngineSettings } from '../engine/types.ts';
import type { TestCase } from '../engine/tests/types.ts';

export interface StoredWorkspace {
  id: string;
  title: string;
  notes: string;
  grader: string;
  sample: string;
  item: string;
  settings: Partial<EngineSettings>;
  /** Where it came from, for the "opened from a link" banner. */
  origin?: 'link' | 'url' | 'import' | 'local';
  created: number;
  updated: number;
  /** Revision: +1 on every save, so two tabs never overwrite each other unseen (missing in old records: 0). */
  rev?: number;
  /** Fingerprint of the link this workspace was opened from or last shared as, so a link opens it again. */
  link?: string;
  /** The title follows the grader (name and type) until the user names the workspace (missing: false). */
  titleAuto?: boolean;
  /** The grader's test cases (missing in old records: none). */
  tests?: TestCase[];
}

/** A save against a revision: done (with the new revision), or refused because another tab saved meanwhile. */
export type CheckedPut = { saved: true; rev: number } | { saved: false; theirs: StoredWorkspace };

export type StoreResult<T> = { ok: true; value: T } | { ok: false; message: string };

const DB = 'grader-playground';
const VERSION = 1;

function describe(e: unknown): string {
  const name = (e as { name?: string })?.name;
  if (name === 'QuotaExceededError') return 'the browser storage is full';
  if (name === 'InvalidStateError' || name === 'SecurityError') return 'this browser does not allow storage here (private mode?)';
  if (name === 'StorageStalled') return 'the browser storage did not answer within a few seconds (another page of this app may still hold it; closing other tabs of the app or reloading frees it)';
  return e instanceof Error ? e.message : String(e);
}

class StorageStalled extends Error {
  override name = 'StorageStalled';
}

export class WorkspaceStore {
  private db: Promise<IDBPDatabase> | null = null;

  /** @param patience how long an operation may take before it is reported as stalled (ms). */
  constructor(private readonly patience = 4000) {}

  private open(): Promise<IDBPDatabase> {
    this.db ??= openDB(DB, VERSION, {
      upgrade(db) {
        db.createObjectStore('workspaces', { keyPath: 'id' });
        db.createObjectStore('meta');
      },
    });
    this.db.catch(() => (this.db = null));
    return this.db;
  }

  /**
   * Let go of the connection (the page is going away). WebKit keeps a page entering its back/forward cache
   * frozen with its connection open, and a transaction of it still open then locks the stores for every later
   * page of the app. The next operation opens a new connection.
   */
  close(): void {
    const db = this.db;
    this.db = null;
    void db?.then((d) => d.close()).catch(() => undefined);
  }

  private async attempt<T>(what: string, fn: (db: IDBPDatabase) => Promise<T>): Promise<StoreResult<T>> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A store locked by a frozen page (or a stuck browser) must not leave the app waiting forever: the user's
    // editors keep their content, the journal keeps unsaved edits, and the message says what happened.
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StorageStalled()), this.patience);
    });
    try {
      return { ok: true, value: await Promise.race([(async () => fn(await this.open()))(), stalled]) };
    } catch (e) {
      return { ok: false, message: `Could not ${what}: ${describe(e)}.` };
    } finally {
      clearTimeout(timer);
    }
  }

  list(): Promise<StoreResult<StoredWorkspace[]>> {
    return this.attempt('list your saved workspaces', async (db) => {
      const all = (await db.getAll('workspaces')) as StoredWorkspace[];
      return all.sort((a, b) => b.updated - a.updated);
    });
  }

  get(id: string): Promise<StoreResult<StoredWorkspace | undefined>> {
    return this.attempt('read the workspace', async (db) => (await db.get('workspaces', id)) as StoredWorkspace | undefined);
  }

  put(ws: StoredWorkspace): Promise<StoreResult<void>> {
    return this.attempt('save your work in this browser', async (db) => {
      const tx = db.transaction(['workspaces', 'meta'], 'readwrite');
      await tx.objectStore('workspaces').put(ws);
      await tx.objectStore('meta').put(ws.id, 'current');
      await tx.done;
    });
  }

  /**
   * Save `ws` only if the stored record still has revision `baseRev` (or does not exist): read and write in one
   * transaction, so of two tabs saving from the same revision exactly one wins and the other learns it.
   */
  putChecked(ws: StoredWorkspace, baseRev: number): Promise<StoreResult<CheckedPut>> {
    return this.attempt('save your work in this browser', async (db) => {
      const tx = db.transaction(['workspaces', 'meta'], 'readwrite');
      const store = tx.objectStore('workspaces');
      const existing = (await store.get(ws.id)) as StoredWorkspace | undefined;
      if (existing && (existing.rev ?? 0) !== baseRev) {
        await tx.done;
        return { saved: false, theirs: existing };
      }
      const rev = baseRev + 1;
      await store.put({ ...ws, rev });
      await tx.objectStore('meta').put(ws.id, 'current');
      await tx.done;
      return { saved: true, rev };
    });
  }

  delete(id: string): Promise<StoreResult<void>> {
    return this.attempt('delete the workspace', async (db) => {
      await db.delete('workspaces', id);
    });
  }

  current(): Promise<StoreResult<string | undefined>> {
    return this.attempt('find the open workspace', async (db) => (await db.get('meta', 'current')) as string | undefined);
  }

  setCurrent(id: string): Promise<StoreResult<void>> {
    return this.attempt('remember the open workspace', async (db) => {
      await db.put('meta', id, 'current');
    });
  }
}

/** A short fingerprint of a link's fragment (`v1.…` or `url=…`): links can be megabytes, records stay small. */
export async function linkFingerprint(fragment: string): Promise<string> {
  const text = fragment.replace(/^#/, '').trim();
  // crypto.subtle exists only in secure contexts (an app served over plain http from a LAN address has none).
  if (typeof crypto === 'undefined' || !crypto.subtle) return plainFingerprint(text);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Identifies a link where SubtleCrypto is missing: four FNV-1a lanes (no security property is needed). */
export function plainFingerprint(text: string): string {
  let out = 'p';
  for (const seed of [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x6a09e667]) {
    let h = seed;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

export function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `ws-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
