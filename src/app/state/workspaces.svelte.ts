/**
 * The list of saved workspaces and the one open in the editors: open, new, duplicate, rename, delete with undo,
 * and opening a shared link or an import as a new workspace (so it never overwrites the user's work).
 * Saves are checked against a revision (store.putChecked): another tab's save is loaded when this tab has no
 * unsaved edit, and is a conflict the user settles when it has one; never a silent overwrite.
 */
import type { OpenedWorkspace } from '../../share/doc.ts';
import { newId, WorkspaceStore, type StoredWorkspace } from '../../share/store.ts';
import { DEFAULT_STARTER, STARTERS } from './examples.ts';
import { TabSync, type SavedMessage } from './tab-sync.ts';
import { Workspace, type WorkspaceInit } from './workspace.svelte.ts';

const LEGACY_KEY = 'grader-playground:workspace:v1';

type NewWorkspace = Omit<StoredWorkspace, 'id' | 'created' | 'updated'>;

export class WorkspaceManager {
  readonly workspace = new Workspace();
  list = $state.raw<StoredWorkspace[]>([]);
  ready = $state(false);
  /** The last deleted workspace, until it is restored or another is deleted. */
  // Raw: these records go back into IndexedDB, which cannot clone Svelte's proxies.
  deleted = $state.raw<StoredWorkspace | null>(null);
  error = $state<string | null>(null);
  /** Another tab saved this workspace while this one had unsaved edits: theirs, until the user chooses. */
  conflict = $state.raw<StoredWorkspace | null>(null);
  /** A short note about what happened on open (edits recovered, another tab's version loaded). */
  notice = $state<string | null>(null);
  /** Revision of the stored record the editors' content is based on. */
  private baseRev = 0;
  /** The content last saved or loaded; anything else is an unsaved edit. */
  private savedSig = '';
  private saving: Promise<boolean> = Promise.resolve(true);
  private readonly sync: TabSync;

  constructor(private readonly store = new WorkspaceStore()) {
    this.sync = new TabSync((m) => void this.onOtherTabSaved(m));
  }

  /** True when the editors hold an edit not yet in IndexedDB. */
  get dirty(): boolean {
    return this.workspace.signature() !== this.savedSig;
  }

  /** Open `id` (from the address bar), else the workspace that was open last time, else a starter. */
  async init(id?: string): Promise<void> {
    const current = await this.store.current();
    let opened = false;
    for (const candidate of [id, current.ok ? current.value : undefined]) {
      if (!candidate || opened) continue;
      const ws = await this.store.get(candidate);
      if (ws.ok && ws.value) {
        this.loadStored(ws.value);
        opened = true;
      }
    }
    if (!opened) {
      const legacy = this.readLegacy();
      this.loadNew(legacy ?? { id: newId(), ...STARTERS[DEFAULT_STARTER]!, titleAuto: true });
      await this.save();
    }
    if (!current.ok) this.workspace.saveError = current.message;
    await this.refresh();
    this.ready = true;
  }

  private readLegacy(): WorkspaceInit | null {
    try {
      const raw = globalThis.localStorage?.getItem(LEGACY_KEY);
      if (!raw) return null;
      const w = JSON.parse(raw) as Partial<StoredWorkspace>;
      if (typeof w.grader !== 'string' || typeof w.sample !== 'string' || typeof w.item !== 'string') return null;
      return { id: newId(), title: w.title ?? '', notes: '', grader: w.grader, sample: w.sample, item: w.item, settings: w.settings ?? {} };
    } catch {
      return null;
    }
  }

  /** A stored record into the editors, with unsaved edits from a page that went away (the journal) on top. */
  private loadStored(ws: StoredWorkspace) {
    this.conflict = null;
    this.workspace.load(ws);
    this.baseRev = ws.rev ?? 0;
    this.savedSig = this.workspace.signature();
    const j = this.sync.readJournal(ws.id);
    if (!j) return;
    const mine = new Workspace();
    mine.load(j.snapshot);
    if (mine.signature() === this.savedSig) {
      this.sync.clearJournal(ws.id);
    } else if (j.baseRev === this.baseRev) {
      // Edits made just before a reload or a closed tab: back in the editors, saved by the next save.
      this.workspace.load(j.snapshot);
    } else {
      // Another tab saved after those edits: keep both, the other tab's here and the edits as a conflict choice.
      this.conflict = ws;
      this.workspace.load(j.snapshot);
      this.baseRev = j.baseRev;
    }
  }

  private loadNew(init: WorkspaceInit) {
    this.conflict = null;
    this.workspace.load(init);
    this.baseRev = 0;
    this.savedSig = '';
  }

  async refresh() {
    const r = await this.store.list();
    if (r.ok) this.list = r.value;
  }

  /** Save when there is an unsaved edit; one save at a time, in order. */
  save(): Promise<boolean> {
    this.saving = this.saving.then(() => this.saveNow());
    return this.saving;
  }

  private async saveNow(): Promise<boolean> {
    if (!this.dirty) return true;
    if (this.conflict) return false;
    const snap = this.workspace.snapshot();
    const sig = this.workspace.signature();
    const r = await this.store.putChecked(snap, this.baseRev);
    this.workspace.saveError = r.ok ? null : `${r.message} Download your workspace (Export) before closing the tab.`;
    if (!r.ok) return false;
    if (snap.id !== this.workspace.id) return true;
    if (!r.value.saved) {
      this.conflict = r.value.theirs;
      return false;
    }
    this.baseRev = r.value.rev;
    this.savedSig = sig;
    this.sync.clearJournal(snap.id);
    this.sync.announce(snap.id, r.value.rev);
    return true;
  }

  /**
   * The page is going away (pagehide, or hidden: a phone may never come back): write unsaved edits to the
   * synchronous journal at once, and save to IndexedDB in the next task, if the page still runs then. Never in the
   * same task: WebKit freezes a page entering its back/forward cache with a transaction started during pagehide
   * still open, and that transaction then locks the store for every later page of the app (a link opened next
   * never loads). A frozen page runs no timers, so the save waits for its return; the journal covers the rest.
   */
  flush() {
    if (!this.ready || !this.dirty) return;
    this.sync.writeJournal({ snapshot: this.workspace.snapshot(), baseRev: this.baseRev });
    setTimeout(() => void this.save(), 0);
  }

  /** The page is hidden for good or frozen (pagehide): the journal holds unsaved edits; let go of the database. */
  leave() {
    this.flush();
    this.store.close();
  }

  private async onOtherTabSaved(m: SavedMessage) {
    if (m.id !== this.workspace.id || m.rev <= this.baseRev) {
      if (m.id !== this.workspace.id) void this.refresh();
      return;
    }
    const r = await this.store.get(m.id);
    if (!r.ok || !r.value || r.value.id !== this.workspace.id) return;
    if (this.dirty) {
      this.conflict = r.value;
      return;
    }
    const wasTitle = this.workspace.title;
    this.loadStored(r.value);
    this.notice = wasTitle === r.value.title ? 'Updated with the edits made in another tab.' : `Updated with the edits made in another tab (now “${r.value.title}”).`;
    void this.refresh();
  }

  /** Settle a conflict: take the other tab's version, overwrite it with these edits, or keep these as a copy. */
  async resolveConflict(choice: 'theirs' | 'mine' | 'copy') {
    const theirs = this.conflict;
    if (!theirs) return;
    if (choice === 'theirs') {
      this.sync.clearJournal(theirs.id);
      this.loadStored(theirs);
    } else if (choice === 'mine') {
      this.conflict = null;
      this.baseRev = theirs.rev ?? 0;
      await this.save();
    } else {
      const mine = this.workspace.snapshot();
      this.conflict = null;
      this.sync.clearJournal(theirs.id);
      this.workspace.load(theirs);
      this.baseRev = theirs.rev ?? 0;
      this.savedSig = this.workspace.signature();
      const { id: _id, created: _c, updated: _u, rev: _r, link: _l, ...rest } = mine;
      await this.create({ ...rest, title: `${mine.title || 'Untitled'} (my edits)`, titleAuto: false });
    }
    await this.refresh();
  }

  async open(id: string) {
    if (id === this.workspace.id) return;
    await this.save();
    const r = await this.store.get(id);
    if (!r.ok || !r.value) {
      this.error = r.ok ? 'That workspace no longer exists in this browser.' : r.message;
      return;
    }
    this.loadStored(r.value);
    await this.store.setCurrent(id);
    await this.refresh();
  }

  async create(init: NewWorkspace) {
    await this.save();
    this.loadNew({ ...init, titleAuto: init.titleAuto ?? true, id: newId(), created: Date.now() });
    await this.save();
    await this.refresh();
  }

  async createBlank() {
    const starter = STARTERS[DEFAULT_STARTER]!;
    await this.create({ ...starter, title: 'Untitled grader', notes: '', settings: {}, origin: 'local' });
  }

  async duplicate() {
    const { id: _id, created: _c, updated: _u, rev: _r, link: _l, ...s } = this.workspace.snapshot();
    await this.create({ ...s, title: `${s.title || 'Untitled'} (copy)`, origin: 'local', titleAuto: false });
  }

  /** A link, a hosted workspace or an import opens as a new workspace: the current one stays in the list. */
  async openShared(doc: OpenedWorkspace, origin: StoredWorkspace['origin'], link?: string) {
    await this.create({
      title: doc.title || 'Shared grader',
      titleAuto: !doc.title,
      notes: doc.notes,
      grader: doc.grader,
      sample: doc.sample,
      item: doc.item,
      settings: doc.settings,
      ...(doc.tests?.length ? { tests: doc.tests } : {}),
      origin,
      ...(link ? { link } : {}),
    });
  }

  /** The saved workspace that came from (or was shared as) the link with this fingerprint, if any. */
  async findByLink(link: string): Promise<StoredWorkspace | undefined> {
    await this.save();
    await this.refresh();
    return this.list.find((w) => w.link === link);
  }

  /** Remember that the open workspace is what this link holds (after Share), so opening the link finds it. */
  async markShared(link: string) {
    this.workspace.link = link;
    const r = await this.store.get(this.workspace.id);
    if (r.ok && r.value && !this.dirty) {
      const put = await this.store.putChecked({ ...r.value, link }, this.baseRev);
      if (put.ok && put.value.saved) {
        this.baseRev = put.value.rev;
        this.sync.announce(this.workspace.id, put.value.rev);
      }
    }
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
      // Its record is gone: nothing of it is left to save before switching.
      this.savedSig = this.workspace.signature();
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
    this.loadStored(w);
    await this.refresh();
  }

  dispose() {
    this.sync.close();
  }
}
