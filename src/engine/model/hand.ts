/**
 * Judging by hand: the user reads the rendered prompt and types the judge's JSON reply; the engine grades that
 * reply through exactly the path an endpoint's reply takes (same parse errors, clamping and label checks).
 * Two doors: `gradeFromReply` for one model grader, and `handJudgeRuntime`, a ModelRuntime answering every chat
 * request with the typed reply (so runGrader and multi work unchanged). Must not: pretend a model answered (the
 * hand runtime's replies name no model and carry no usage).
 */
import { labelFromReply } from '../graders/label-model.ts';
import type { GradeContext } from '../graders/render.ts';
import { scoreFromReply } from '../graders/score-model.ts';
import { failure, type GradeOutcome } from '../result.ts';
import type { ModelPath, ModelResponse, ModelRuntime } from '../runtime.ts';
import type { LabelModelGrader, ScoreModelGrader } from '../types.ts';
import type { ChatRequest } from './request.ts';

export function gradeFromReply(grader: ScoreModelGrader | LabelModelGrader, ctx: GradeContext, replyText: string): Promise<GradeOutcome> {
  if (grader.type === 'score_model') return scoreFromReply(grader, ctx, replyText);
  if (grader.type === 'label_model') return labelFromReply(grader, ctx, replyText);
  return Promise.resolve(failure(String((grader as { type: unknown }).type), { flag: 'other_error', message: 'Only score_model and label_model graders can be judged by hand.' }));
}

/**
 * A ModelRuntime whose chat completions answer with `reply` (a string, or a function of the request, e.g. to
 * answer each judge of a multi differently by `response_format.json_schema.name`). Embeddings cannot be typed:
 * an /embeddings request fails with a message saying so.
 */
export function handJudgeRuntime(reply: string | ((request: ChatRequest) => string)): ModelRuntime {
  return {
    async post(path: ModelPath, body: unknown): Promise<ModelResponse> {
      if (path !== '/chat/completions') throw new Error('embeddings cannot be typed by hand: cosine needs a model endpoint');
      const content = typeof reply === 'string' ? reply : reply(body as ChatRequest);
      const json = { object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' }] };
      return { status: 200, json, text: JSON.stringify(json) };
    },
  };
}
