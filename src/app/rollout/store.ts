/**
 * Dry runs kept in IndexedDB, so a cancelled run, a reload or a crash loses no completion already paid for: one
 * record per run (the rows, the sampling settings, when) and one per sampled completion (its sample as JSON text:
 * lossless numbers and key order survive, which a structured clone would not keep). Failures are not kept: a
 * resume asks for them again. Never stores a key or an endpoint URL.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { SamplingSettings } from '../../engine/rollout/request.ts';

export interface StoredRun {
  id: string;
  created: number;
  fileName: string;
  rowsText: string;
  settings: SamplingSettings;
}

export interface StoredSample {
  run: string;
  row: number;
  index: number;
  sample: string;
}

const DB = 'grader-playground-rollouts';
let db: Promise<IDBPDatabase> | null = null;

function open(): Promise<IDBPDatabase> {
  db ??= openDB(DB, 1, {
    upgrade(d) {
      d.createObjectStore('runs', { keyPath: 'id' });
      const s = d.createObjectStore('samples', { keyPath: ['run', 'row', 'index'] });
      s.createIndex('run', 'run');
    },
  });
  return db;
}

export async function saveRun(run: StoredRun): Promise<void> {
  await (await open()).put('runs', run);
}

export async function saveSample(s: StoredSample): Promise<void> {
  await (await open()).put('samples', s);
}

export async function listRuns(): Promise<(StoredRun & { samples: number })[]> {
  const d = await open();
  const runs = (await d.getAll('runs')) as StoredRun[];
  const out = [];
  for (const r of runs) out.push({ ...r, samples: await d.countFromIndex('samples', 'run', r.id) });
  return out.sort((a, b) => b.created - a.created);
}

export async function loadRun(id: string): Promise<{ run: StoredRun; samples: StoredSample[] } | null> {
  const d = await open();
  const run = (await d.get('runs', id)) as StoredRun | undefined;
  if (!run) return null;
  return { run, samples: (await d.getAllFromIndex('samples', 'run', id)) as StoredSample[] };
}

export async function deleteRun(id: string): Promise<void> {
  const d = await open();
  const tx = d.transaction(['runs', 'samples'], 'readwrite');
  await tx.objectStore('runs').delete(id);
  for (const key of await tx.objectStore('samples').index('run').getAllKeys(id)) await tx.objectStore('samples').delete(key);
  await tx.done;
}
