/**
 * What the course remembers in this browser (localStorage `grader-playground:course:v1`): the steps whose checks
 * all passed (hidden ones included), and the learner's own answer per step. Reading never throws: a corrupt or
 * missing entry gives empty progress, and a full or blocked storage only loses the memory.
 */
export const COURSE_PROGRESS_KEY = 'grader-playground:course:v1';

export interface CourseProgress {
  done: string[];
  answers: Record<string, string>;
}

export function parseCourseProgress(text: string | null): CourseProgress {
  const out: CourseProgress = { done: [], answers: {} };
  if (!text) return out;
  try {
    const raw = JSON.parse(text) as unknown;
    if (raw === null || typeof raw !== 'object') return out;
    const r = raw as { done?: unknown; answers?: unknown };
    if (Array.isArray(r.done)) out.done = [...new Set(r.done.filter((d): d is string => typeof d === 'string'))];
    if (r.answers && typeof r.answers === 'object' && !Array.isArray(r.answers)) {
      for (const [k, v] of Object.entries(r.answers)) if (typeof v === 'string') out.answers[k] = v;
    }
  } catch {
    // corrupt: start over
  }
  return out;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function storage(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadCourseProgress(store: KeyValueStore | null = storage()): CourseProgress {
  try {
    return parseCourseProgress(store?.getItem(COURSE_PROGRESS_KEY) ?? null);
  } catch {
    return parseCourseProgress(null);
  }
}

export function saveCourseProgress(p: CourseProgress, store: KeyValueStore | null = storage()) {
  try {
    store?.setItem(COURSE_PROGRESS_KEY, JSON.stringify(p));
  } catch {
    // full or blocked: progress is only lost, never an error
  }
}

export function markDone(p: CourseProgress, path: string): CourseProgress {
  return p.done.includes(path) ? p : { ...p, done: [...p.done, path] };
}

/** Remember an answer; the step's starting text is not stored (absent means "as it started"). */
export function withAnswer(p: CourseProgress, path: string, answer: string, start: string): CourseProgress {
  const answers = { ...p.answers };
  if (answer === start) delete answers[path];
  else answers[path] = answer;
  return { ...p, answers };
}
