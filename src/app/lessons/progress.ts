/**
 * What the lesson panel remembers in localStorage (`grader-playground:lessons:v1`): the open step, the steps
 * done, and the user's own documents from before a lesson replaced them (per workspace, so a lesson never
 * loses work the user can't get back). Reading never throws: a corrupt,
 * foreign or missing entry gives an empty progress, and a full or blocked storage only loses the memory.
 */
export const PROGRESS_KEY = 'grader-playground:lessons:v1';

/** The editors' documents before a lesson replaced them, tied to the workspace they came from. */
export interface Stash {
  workspaceId: string;
  grader: string;
  sample: string;
  item: string;
}

export interface LessonProgress {
  active: { lesson: string; step: number } | null;
  /** Indexes of the steps whose check has passed, by lesson id. */
  done: Record<string, number[]>;
  /** At most one per workspace, the newest last, at most MAX_STASHES. */
  stashes: Stash[];
}

export const MAX_STASHES = 5;

export function emptyProgress(): LessonProgress {
  return { active: null, done: {}, stashes: [] };
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whatever was stored, reduced to the fields that have the right shape. */
export function parseProgress(text: string | null): LessonProgress {
  const out = emptyProgress();
  if (!text) return out;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return out;
  }
  if (!isObject(raw)) return out;
  const a = raw.active;
  if (isObject(a) && typeof a.lesson === 'string' && isIndex(a.step)) out.active = { lesson: a.lesson, step: a.step };
  if (isObject(raw.done)) {
    for (const [id, steps] of Object.entries(raw.done)) {
      if (Array.isArray(steps)) out.done[id] = [...new Set(steps.filter(isIndex))].sort((x, y) => x - y);
    }
  }
  if (Array.isArray(raw.stashes)) {
    for (const s of raw.stashes) {
      if (isObject(s) && [s.workspaceId, s.grader, s.sample, s.item].every((v) => typeof v === 'string')) {
        out.stashes = withStash(out, { workspaceId: s.workspaceId as string, grader: s.grader as string, sample: s.sample as string, item: s.item as string }).stashes;
      }
    }
  }
  return out;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStore(): Store | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (some privacy modes throw on access)
  }
}

export function loadProgress(store: Store | null = defaultStore()): LessonProgress {
  try {
    return parseProgress(store?.getItem(PROGRESS_KEY) ?? null);
  } catch {
    return emptyProgress();
  }
}

/** False when the storage refused (quota, privacy mode): the lesson still works, it is only not remembered. */
export function saveProgress(progress: LessonProgress, store: Store | null = defaultStore()): boolean {
  try {
    store?.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return store !== null;
  } catch {
    return false;
  }
}

/** The progress with one more step done (a new object; the input is not changed). */
export function markDone(progress: LessonProgress, lesson: string, step: number): LessonProgress {
  const steps = progress.done[lesson] ?? [];
  if (steps.includes(step)) return progress;
  return { ...progress, done: { ...progress.done, [lesson]: [...steps, step].sort((x, y) => x - y) } };
}

export function stashOf(progress: LessonProgress, workspaceId: string): Stash | undefined {
  return progress.stashes.find((s) => s.workspaceId === workspaceId);
}

/** The progress with this workspace's stash replaced or added; the oldest stashes go beyond MAX_STASHES. */
export function withStash(progress: LessonProgress, stash: Stash): LessonProgress {
  const others = progress.stashes.filter((s) => s.workspaceId !== stash.workspaceId);
  return { ...progress, stashes: [...others, stash].slice(-MAX_STASHES) };
}

export function withoutStash(progress: LessonProgress, workspaceId: string): LessonProgress {
  return { ...progress, stashes: progress.stashes.filter((s) => s.workspaceId !== workspaceId) };
}
