/**
 * The list of saved workspaces and the one open in the editors: open, new, duplicate, rename, delete with undo,
 * and opening a shared link or an import as a new workspace (so it never overwrites the user's work).
 */
import type { OpenedWorkspace } from '../../share/doc.ts';
import { newId, WorkspaceStore, type StoredWorkspace } from '../../share/store.ts';
import { DEFAULT_STARTER, STARTERS } from './examples.ts';
import { Workspace } from './workspace.svelte.ts';

const LEGACY_KEY = 'grader-playground:workspace:v1';

export class WorkspaceManager {
  readonly workspace = new Workspace();
  list = $state.raw<StoredWorkspace[]>([]);
  ready = $state(false);
  /** The last deleted workspace, until it is restored or another is deleted. */
  // Raw: these records go back into IndexedDB, which cannot clone Svelte's proxies.
  deleted = $state.raw<StoredWorkspace | null>(null);
  error = $state<string | null>(null);

  constructor(private readonly store = new WorkspaceStore()) {}

  /** Open the workspace that was open last time, or a starter on a first visit. */
  async init(): Promise<void> {
    const current = await this.store.current();
    let opened = false;
    if (current.ok && current.value) {
      const ws = await this.store.get(current.value);
      if (ws.ok && ws.value) {
        this.workspace.load(ws.value);
        opened = true;
      }
    }
    if (!opened) {
      const legacy = this.readLegacy();
      this.workspace.load(legacy ?? { id: newId(), ...STARTERS[DEFAULT_STARTER]! });
      await this.save();
    }
    if (!current.ok) this.workspace.saveError = current.message;
    await this.refresh();
    this.ready = true;
  }

  private readLegacy(): StoredWorkspace | null {
    try {
      const raw = globalThis.localStorage?.getItem(LEGACY_KEY);
      if (!raw) return null;
      const w = JSON.parse(raw) as Partial<StoredWorkspace>;
      if (typeof w.grader !== 'string' || typeof w.sample !== 'string' || typeof w.item !== 'string') return null;
      return { id: newId(), title: w.title ?? '', notes: '', grader: w.grader, sample: w.sample, item: w.item, settings: w.settings ?? {}, created: Date.now(), updated: Date.now() };
    } catch {
      return null;
    }
  }

  async refresh() {
    const r = await this.store.list();
    if (r.ok) this.list = r.value;
  }

  async save(): Promise<boolean> {
    const r = await this.store.put(this.workspace.snapshot());
    this.workspace.saveError = r.ok ? null : `${r.message} Download your workspace (Export) before closing the tab.`;
    return r.ok;
  }

  async open(id: string) {
    if (id === this.workspace.id) return;
    await this.save();
    const r = await this.store.get(id);
    if (!r.ok || !r.value) {
      this.error = r.ok ? 'That workspace no longer exists.' : r.message;
      return;
    }
    this.workspace.load(r.value);
    await this.store.setCurrent(id);
    await this.refresh();
  }

  async create(init: Omit<StoredWorkspace, 'id' | 'created' | 'updated'>) {
    await this.save();
    this.workspace.load({ ...init, id: newId(), created: Date.now() });
    await this.save();
    await this.refresh();
  }

  async createBlank() {
    const starter = STARTERS[DEFAULT_STARTER]!;
    await this.create({ ...starter, title: 'Untitled grader', notes: '', settings: {}, origin: 'local' });
  }

  async duplicate() {
    const s = this.workspace.snapshot();
    await this.create({ ...s, title: `${s.title || 'Untitled'} (copy)`, origin: 'local' });
  }

  /** A link, a hosted workspace or an import opens as a new workspace: the current one stays in the list. */
  async openShared(doc: OpenedWorkspace, origin: StoredWorkspace['origin']) {
    await this.create({ title: doc.title || 'Shared grader', notes: doc.notes, grader: doc.grader, sample: doc.sample, item: doc.item, settings: doc.settings, origin });
  }

  async remove(id: string) {
    const victim = this.list.find((w) => w.id === id);
    if (!victim) return;
    const r = await this.store.delete(id);
    if (!r.ok) {
      this.error = r.message;
      return;
    }
    this.deleted = id === this.workspace.id ? this.workspace.snapshot() : victim;
    await this.refresh();
    if (id === this.workspace.id) {
      const next = this.list[0];
      if (next) await this.open(next.id);
      else await this.createBlank();
    }
  }

  async undoDelete() {
    const w = this.deleted;
    if (!w) return;
    this.deleted = null;
    await this.save();
    const r = await this.store.put(w);
    if (!r.ok) {
      this.error = r.message;
      return;
    }
    this.workspace.load(w);
    await this.refresh();
  }
}
