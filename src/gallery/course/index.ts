/**
 * The course on RFT grading: chapters in reading order, and lookups by a step's path (`<chapter>/<step>`).
 * Pure functions over data: no engine runs, no UI.
 */
import { advantagesChapter } from './chapters/advantages.ts';
import { astChapter } from './chapters/ast.ts';
import { datasetChapter } from './chapters/dataset.ts';
import { documentsChapter } from './chapters/documents.ts';
import { dryRunChapter } from './chapters/dry-run.ts';
import { hackingChapter } from './chapters/hacking.ts';
import { judgesChapter } from './chapters/judges.ts';
import { multiChapter } from './chapters/multi.ts';
import { pythonChapter } from './chapters/python.ts';
import { similarityChapter } from './chapters/similarity.ts';
import { stringCheckChapter } from './chapters/string-check.ts';
import { trainerChapter } from './chapters/trainer.ts';
import type { CourseChapter, StepRef } from './types.ts';

export type { CourseChapter, CourseCheck, CourseStep, StepRef } from './types.ts';

export const COURSE: readonly CourseChapter[] = [
  documentsChapter,
  stringCheckChapter,
  similarityChapter,
  pythonChapter,
  judgesChapter,
  multiChapter,
  astChapter,
  hackingChapter,
  datasetChapter,
  advantagesChapter,
  dryRunChapter,
  trainerChapter,
];

/** Every step in reading order, with its chapter and path. */
export const STEPS: readonly StepRef[] = COURSE.flatMap((chapter) => chapter.steps.map((step) => ({ chapter, step, path: `${chapter.id}/${step.id}` }))).map((r, index) => ({ ...r, index }));

export function findStep(path: string): StepRef | undefined {
  return STEPS.find((r) => r.path === path);
}

/** The steps before and after one (undefined at the ends). */
export function neighbours(path: string): { previous?: StepRef; next?: StepRef } {
  const i = STEPS.findIndex((r) => r.path === path);
  if (i < 0) return {};
  return { ...(i > 0 ? { previous: STEPS[i - 1]! } : {}), ...(i + 1 < STEPS.length ? { next: STEPS[i + 1]! } : {}) };
}

/** The paths a text links to with `[label](chapter/step)`. */
export function linkedPaths(text: string): string[] {
  return [...text.matchAll(/\[[^\]]+\]\(([a-z0-9-]+\/[a-z0-9-]+)\)/g)].map((m) => m[1]!);
}
