/**
 * A workspace's history: snapshots of its grader (and tests), automatic when the grader changed meaningfully
 * and named when the user saves one. Kept in an IndexedDB database of its own (not the workspaces' one), so
 * the history can grow or be cleared without touching saved work. Errors are values, as in store.ts.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { TestCase } from '../engine/tests/types.ts';
import type { StoreResult } from './store.ts';

export interface GraderVersion {
  id: string;
  workspaceId: string;
  /** Empty for an automatic snapshot. */
  name: string;
  auto: boolean;
  created: number;
  grader: string;
  sample: string;
  item: string;
  tests?: TestCase[];
}

/** Automatic snapshots kept per workspace (the oldest go first); named versions are always kept. */
export const MAX_AUTO_VERSIONS = 30;
/** Edits closer together than this make one snapshot (typing a word is not a version). */
export const AUTO_SNAPSHOT_GAP_MS = 30_000;

/** The grader's JSON with formatting ignored, or the text itself when it does not parse. */
export function graderShape(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/**
 * Whether the grader changed meaningfully since the last snapshot: it parses (a half-typed grader is never
 * kept), its value differs (reformatting is no change), and the last snapshot is older than the gap.
 */
export function meaningfulChange(last: Pick<GraderVersion, 'grader' | 'created'> | undefined, grader: string, now: number): boolean {
  try {
    JSON.parse(grader);
  } catch {
    return false;
  }
  if (!last) return true;
  if (graderShape(last.grader) === graderShape(grader)) return false;
  return now - last.created >= AUTO_SNAPSHOT_GAP_MS;
}

/** The automatic snapshots to delete so that at most `max` remain (oldest first). */
export function prunable(versions: readonly GraderVersion[], max = MAX_AUTO_VERSIONS): string[] {
  const auto = versions.filter((v) => v.auto).sort((a, b) => b.created - a.created);
  return auto.slice(max).map((v) => v.id);
}

const DB = 'grader-playground-versions';

export class VersionStore {
  private db: Promise<IDBPDatabase> | null = null;

  private open(): Promise<IDBPDatabase> {
    this.db ??= openDB(DB, 1, {
      upgrade(db) {
        const s = db.createObjectStore('versions', { keyPath: 'id' });
        s.createIndex('workspace', 'workspaceId');
      },
    });
    this.db.catch(() => (this.db = null));
    return this.db;
  }

  private async attempt<T>(what: string, fn: (db: IDBPDatabase) => Promise<T>): Promise<StoreResult<T>> {
    try {
      return { ok: true, value: await fn(await this.open()) };
    } catch (e) {
      return { ok: false, message: `Could not ${what}: ${e instanceof Error ? e.message : String(e)}.` };
    }
  }

  /** A workspace's versions, newest first. */
  list(workspaceId: string): Promise<StoreResult<GraderVersion[]>> {
    return this.attempt('read the version history', async (db) => {
      const all = (await db.getAllFromIndex('versions', 'workspace', workspaceId)) as GraderVersion[];
      return all.sort((a, b) => b.created - a.created);
    });
  }

  /** Save a version, and drop automatic snapshots beyond the limit. */
  add(v: GraderVersion): Promise<StoreResult<void>> {
    return this.attempt('save the version', async (db) => {
      await db.put('versions', v);
      const all = (await db.getAllFromIndex('versions', 'workspace', v.workspaceId)) as GraderVersion[];
      for (const id of prunable(all)) await db.delete('versions', id);
    });
  }

  remove(id: string): Promise<StoreResult<void>> {
    return this.attempt('delete the version', async (db) => db.delete('versions', id));
  }
}
