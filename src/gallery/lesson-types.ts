/**
 * The shape of an interactive lesson: steps that load documents into the editors, ask the user to try
 * something, and judge from the live result whether they did. Pure types: no engine calls, no UI.
 */
import type { RunResult } from '../engine/types.ts';
import type { Doc } from './types.ts';

/** Documents a step loads into the editors (objects, or JSON text kept verbatim). */
export interface LessonDocs {
  grader?: Doc<unknown>;
  sample?: Doc<unknown>;
  item?: Doc<unknown>;
}

/**
 * What a check sees: the newest result that belongs to the documents now in the editors (null while a run is
 * pending or a document does not parse), and the documents parsed as plain JSON (null when they do not parse).
 */
export interface CheckState {
  reward: number | null;
  /** The error flags that are set, by name (e.g. `invalid_variable_error`). */
  errors: string[];
  grader: unknown;
  sample: unknown;
  item: unknown;
  result: RunResult | null;
}

/**
 * A table of one group's rewards and their group-relative advantages. With `live`, the current reward is the
 * group's first answer ("your answer") and `rewards` are the others.
 */
export interface AdvantagesVisual {
  kind: 'advantages';
  rewards: number[];
  live?: boolean;
}

export type LessonVisual = AdvantagesVisual;

export interface LessonStep {
  title: string;
  /** Short paragraphs; the only markup is `code`. */
  body: string[];
  /** Loaded when the step opens. Every lesson step sets all three, so a step never depends on earlier edits. */
  setup?: LessonDocs;
  /** What to try, in one or two sentences. */
  task: string;
  /** True when the user did the task (the UI shows "✓ done" and invites the next step). */
  check?: (state: CheckState) => boolean;
  /** Documents that fulfil the task, laid over the setup: the "Show me" button, and what the tests check. */
  solution?: LessonDocs;
  visual?: LessonVisual;
}

export interface Lesson {
  id: string;
  title: string;
  /** One sentence. */
  summary: string;
  steps: LessonStep[];
}
