// IndexedDB as the browsers implement it (transactions, their locks and their order), in Node.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { WorkspaceStore, type StoredWorkspace } from './store.ts';

const ws = (id: string, rev = 0): StoredWorkspace => ({ id, title: id, notes: '', grader: '{}', sample: '{}', item: '{}', settings: {}, created: 1, updated: 1, rev });

/**
 * Hold a readwrite transaction on the workspaces for `ms`, on a connection of its own, as a page frozen mid-save
 * does. Resolves `held` once the transaction exists, `released` once it is done.
 */
function holdLock(ms: number): { held: Promise<void>; released: Promise<void> } {
  let held!: () => void;
  const heldP = new Promise<void>((r) => (held = r));
  const released = new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('grader-playground', 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('workspaces', 'readwrite');
      const until = Date.now() + ms;
      // A transaction stays alive while a request of it is pending: chain requests until the time is up.
      const chain = () => {
        const r = tx.objectStore('workspaces').get('x');
        r.onsuccess = () => {
          if (Date.now() < until) chain();
        };
      };
      chain();
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
      held();
    };
  });
  return { held: heldP, released };
}

describe('WorkspaceStore', () => {
  it('saves, lists and reopens after close(), as after a page hide', async () => {
    const store = new WorkspaceStore();
    expect(await store.put(ws('a'))).toEqual({ ok: true, value: undefined });
    store.close();
    const list = await store.list();
    expect(list.ok && list.value.map((w) => w.id)).toContain('a');
    expect(await store.current()).toEqual({ ok: true, value: 'a' });
  });

  it('reports a store locked by another connection as stalled, with a message, instead of waiting forever', async () => {
    const store = new WorkspaceStore(100);
    await store.put(ws('b'));
    const lock = holdLock(600);
    await lock.held;
    const r = await store.putChecked(ws('b', 0), 0);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^Could not save your work in this browser: the browser storage did not answer within a few seconds/);
    await lock.released;
    // Once the lock is gone, the store works again.
    const after = await store.get('b');
    expect(after.ok && after.value?.id).toBe('b');
  });
});
