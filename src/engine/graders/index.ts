/**
 * Dispatch from a grader's `type` to the module that grades it. Adding a grader type means adding one module
 * and one line here; nothing else in the engine knows the list.
 */
import { failure, type GradeOutcome } from '../result.ts';
import type { EngineRuntime } from '../runtime.ts';
import type { Grader } from '../types.ts';
import type { GradeContext } from './render.ts';
import { gradeStringCheck } from './string-check.ts';
import { gradePython } from './python.ts';
import { gradeMulti } from './multi.ts';
import { gradeTextSimilarity } from './text-similarity.ts';
import { gradeScoreModel } from './score-model.ts';
import { gradeLabelModel } from './label-model.ts';
import { gradeAstGrep } from './ast-grep.ts';

export interface FullContext extends GradeContext {
  runtime: EngineRuntime;
  signal?: AbortSignal;
  /** Skip costly explanation details (dataset runs); never changes a reward. */
  brief?: boolean;
}

type GraderFn = (grader: never, ctx: FullContext) => GradeOutcome | Promise<GradeOutcome>;

const GRADERS: Record<string, GraderFn> = {
  string_check: gradeStringCheck as GraderFn,
  text_similarity: gradeTextSimilarity as GraderFn,
  python: gradePython as GraderFn,
  score_model: gradeScoreModel as GraderFn,
  label_model: gradeLabelModel as GraderFn,
  ast_grep: gradeAstGrep as GraderFn,
  // Called through a closure: multi.ts imports gradeAny from this module, and the cycle must not bite at load time.
  multi: (g, ctx) => gradeMulti(g, ctx),
};

export async function gradeAny(grader: Grader, ctx: FullContext): Promise<GradeOutcome> {
  const fn = GRADERS[grader.type];
  if (!fn) return failure(String(grader.type), { flag: 'other_error', message: `Unknown grader type "${grader.type}".` });
  return fn(grader as never, ctx);
}
