/**
 * Answers the user typed as the judge (or the embeddings) of model graders, by grader pointer. The live run
 * sends them to the engine (RunRequest.hand) while no endpoint is set, so a hand-judged grade stays put as the
 * user keeps editing. Cleared when another workspace opens: a pointer means nothing in another grader.
 */
import type { HandAnswer, HandAnswers } from '../../engine/runtime.ts';

export class HandJudging {
  // Raw: the object crosses postMessage, which cannot clone Svelte's proxies.
  answers = $state.raw<HandAnswers>({});
  /** Plain (not reactive): lets clear() skip a write, so opening a workspace does not cause an extra run. */
  private count = 0;

  set(pointer: string, answer: HandAnswer) {
    this.answers = { ...this.answers, [pointer]: answer };
    this.count = Object.keys(this.answers).length;
  }

  /** Reads no reactive state, so an effect calling it depends on nothing here. */
  clear() {
    if (this.count === 0) return;
    this.count = 0;
    this.answers = {};
  }

  /** What a run sends: nothing when empty, so runs without hand answers are unchanged. */
  forRun(): HandAnswers | undefined {
    return Object.keys(this.answers).length > 0 ? this.answers : undefined;
  }
}
