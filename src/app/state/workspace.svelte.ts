/**
 * The workspace the user edits: the three documents, a title, and the engine settings that travel with the
 * grader. Kept as text (the editors' truth); parsing happens in the grader worker. Saved locally on every edit.
 */
import { DEFAULT_SETTINGS, type EngineSettings } from '../../engine/types.ts';
import type { DocName } from '../../worker/protocol.ts';
import { DEFAULT_STARTER, STARTERS, type WorkspaceDocs } from './examples.ts';

const STORAGE_KEY = 'grader-playground:workspace:v1';

export interface SavedWorkspace extends WorkspaceDocs {
  settings: Partial<EngineSettings>;
}

export class Workspace {
  title = $state('');
  grader = $state('');
  sample = $state('');
  item = $state('');
  settings = $state<EngineSettings>({ ...DEFAULT_SETTINGS });
  /** A message when local saving failed (quota, private mode): reported, never silent. */
  saveError = $state<string | null>(null);

  constructor(initial: WorkspaceDocs & { settings?: Partial<EngineSettings> }) {
    this.load(initial);
  }

  load(docs: WorkspaceDocs & { settings?: Partial<EngineSettings> }) {
    this.title = docs.title;
    this.grader = docs.grader;
    this.sample = docs.sample;
    this.item = docs.item;
    this.settings = { ...DEFAULT_SETTINGS, ...docs.settings };
  }

  get(doc: DocName): string {
    return this[doc];
  }

  set(doc: DocName, text: string) {
    this[doc] = text;
  }

  snapshot(): SavedWorkspace {
    return { title: this.title, grader: this.grader, sample: this.sample, item: this.item, settings: { ...this.settings } };
  }

  save(storage: Storage | undefined = globalThis.localStorage) {
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(this.snapshot()));
      this.saveError = null;
    } catch (e) {
      this.saveError = `Your work could not be saved in this browser (${e instanceof Error ? e.message : String(e)}). Export it before closing the tab.`;
    }
  }

  static restore(storage: Storage | undefined = globalThis.localStorage): Workspace {
    try {
      const raw = storage?.getItem(STORAGE_KEY);
      if (raw) {
        const saved = JSON.parse(raw) as Partial<SavedWorkspace>;
        if (typeof saved.grader === 'string' && typeof saved.sample === 'string' && typeof saved.item === 'string') {
          return new Workspace({
            title: saved.title ?? '',
            grader: saved.grader,
            sample: saved.sample,
            item: saved.item,
            settings: saved.settings ?? {},
          });
        }
      }
    } catch {
      // Unreadable storage: start from the example; the next save reports the problem if it persists.
    }
    return new Workspace(STARTERS[DEFAULT_STARTER]!);
  }
}
