/**
 * The workspace the user edits: the three documents, a title, notes, and the engine settings that travel with
 * the grader. Kept as text (the editors' truth); parsing happens in the grader worker. The WorkspaceManager
 * saves it on every edit.
 */
import { DEFAULT_SETTINGS, type EngineSettings } from '../../engine/types.ts';
import type { ShareDoc } from '../../share/doc.ts';
import type { StoredWorkspace } from '../../share/store.ts';
import type { DocName } from '../../worker/protocol.ts';
import type { TestCase } from '../../engine/tests/types.ts';
import type { WorkspaceDocs } from './examples.ts';

export interface WorkspaceInit extends WorkspaceDocs {
  id: string;
  notes?: string;
  settings?: Partial<EngineSettings>;
  origin?: StoredWorkspace['origin'];
  created?: number;
  link?: string;
  titleAuto?: boolean;
  tests?: TestCase[];
}

export class Workspace {
  id = $state('');
  title = $state('');
  notes = $state('');
  grader = $state('');
  sample = $state('');
  item = $state('');
  settings = $state<EngineSettings>({ ...DEFAULT_SETTINGS });
  origin = $state<StoredWorkspace['origin']>('local');
  created = 0;
  /** Fingerprint of the link it came from or was shared as (see store.ts). */
  link: string | undefined = undefined;
  /** The title follows the grader until the user types one. */
  titleAuto = $state(true);
  /** The grader's test cases (engine/tests); replaced as a whole on every change, never mutated. */
  tests = $state.raw<TestCase[]>([]);
  /** A message when local saving failed (quota, private mode): reported, never silent. */
  saveError = $state<string | null>(null);

  load(init: WorkspaceInit) {
    this.id = init.id;
    this.title = init.title;
    this.notes = init.notes ?? '';
    this.grader = init.grader;
    this.sample = init.sample;
    this.item = init.item;
    this.settings = { ...DEFAULT_SETTINGS, ...init.settings };
    this.origin = init.origin ?? 'local';
    this.created = init.created ?? Date.now();
    this.link = init.link;
    this.titleAuto = init.titleAuto ?? false;
    this.tests = init.tests ?? [];
  }

  /** The user's content, to tell an edit from a save or a reload (the revision and time are not content). */
  signature(): string {
    return JSON.stringify([this.title, this.notes, this.grader, this.sample, this.item, this.settings, this.titleAuto, this.tests]);
  }

  get(doc: DocName): string {
    return this[doc];
  }

  set(doc: DocName, text: string) {
    this[doc] = text;
  }

  /** What a link, a workspace file or an export carries (never a key: none is in the workspace). */
  shareDoc(): ShareDoc {
    return { grader: this.grader, sample: this.sample, item: this.item, title: this.title, notes: this.notes, settings: { ...this.settings }, tests: this.tests };
  }

  snapshot(): StoredWorkspace {
    return {
      id: this.id,
      title: this.title,
      notes: this.notes,
      grader: this.grader,
      sample: this.sample,
      item: this.item,
      settings: { ...this.settings },
      origin: this.origin,
      created: this.created,
      updated: Date.now(),
      ...(this.link ? { link: this.link } : {}),
      titleAuto: this.titleAuto,
      ...(this.tests.length ? { tests: this.tests } : {}),
    };
  }
}
