/**
 * The shape of the course on RFT grading: chapters of steps, each step a small workspace with a goal, visible
 * checks (shown with their verdicts), hidden checks (run only on "check my answer", reported without their
 * text) and a worked solution. Pure types: no engine calls, no UI.
 */
import type { Expectation } from '../../engine/tests/types.ts';
import type { PlainJson } from '../types.ts';

/** One check: a sample (a model's text, or a sample object) and what its reward must be. */
export interface CourseCheck {
  /** What the sample is, as reports name it: "a hedging answer" (unique within the step). */
  what: string;
  /** A model's plain text (becomes `output_text`, plus `output_json` when it parses), or a sample object. */
  sample: string | { [key: string]: PlainJson };
  /** The item for this check; absent: the step's item. */
  item?: { [key: string]: PlainJson };
  /** `below` names another check of the step by its `what`. */
  expect: Expectation;
  /** The grade must also set no error flag (a crash scores 0, which a `max: 0` alone would accept). */
  clean?: boolean;
  /** The sample games the grader: it must score low (the course test checks every step has one that is visible). */
  hack?: boolean;
  /** Run only on "check my answer"; its sample is never shown. */
  hidden?: boolean;
  /** Model graders: the judge's recorded reply for this sample (no model is called). */
  judgeReply?: string;
}

/**
 * What the learner edits: the grader's JSON, or (python steps) only the python grader's `source`, the rest of the
 * grader being fixed.
 */
export type CourseEdit = 'grader' | 'source';

export interface CourseStep {
  /** Unique within its chapter; with the chapter's id, the step's address (`#learn/course/<chapter>/<step>`). */
  id: string;
  title: string;
  /** Short paragraphs; the only markup is `code`, and `[text](chapter/step)` links to another step. */
  body: string[];
  /** What to change, in a sentence or two. */
  goal: string;
  edit: CourseEdit;
  /** The starting grader (for `source` steps, a python grader whose `source` the learner edits). */
  grader: { [key: string]: PlainJson };
  /** The item every check uses unless it has its own. */
  item: { [key: string]: PlainJson };
  checks: CourseCheck[];
  /** The worked solution: a grader (edit `grader`) or the python source (edit `source`). */
  solution: { [key: string]: PlainJson } | string;
  /** Why the solution works, in short paragraphs (same markup as `body`). */
  why: string[];
}

export interface CourseChapter {
  id: string;
  title: string;
  /** One sentence. */
  summary: string;
  steps: CourseStep[];
}

/** A step with where it sits in the course. */
export interface StepRef {
  chapter: CourseChapter;
  step: CourseStep;
  /** `<chapter>/<step>` */
  path: string;
  /** 0-based position in the whole course. */
  index: number;
}
