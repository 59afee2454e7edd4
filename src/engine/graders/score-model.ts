/**
 * score_model: render the grader's messages, ask the judge for strict JSON {result, steps}, and reward `result`
 * clamped to `range` (default [0, 1]), as OpenAI documents. A refusal, a reply that does not parse to a numeric
 * `result`, or a failed call gives reward 0 with the matching model_grader_* flag. With no endpoint configured,
 * the grade fails with the request that would be sent, so the UI can show it and let the user judge by hand
 * (`scoreFromReply`). Must not: hold an endpoint URL or key (the runtime does), or retry.
 */
import { askJudge, detailsBase, handExchange, judgeAssumptions, judgeFailure, judgeSuccess, settle, type Exchange, type JudgeDetailsBase, type JudgeRun } from '../model/judge.ts';
import { describeValue } from '../model/reply.ts';
import { buildChatRequest, jsonSchemaFormat, STEPS_SCHEMA } from '../model/request.ts';
import type { GradeOutcome } from '../result.ts';
import type { ScoreModelGrader } from '../types.ts';
import type { FullContext } from './index.ts';
import type { GradeContext } from './render.ts';

const TYPE = 'score_model';

export const SCORE_SCHEMA = {
  type: 'object',
  properties: { result: { type: 'number' }, steps: STEPS_SCHEMA },
  required: ['result', 'steps'],
  additionalProperties: false,
} as const;

export const SCORE_RESPONSE_FORMAT = jsonSchemaFormat('score_model_result', SCORE_SCHEMA);

const ASSUMPTIONS = judgeAssumptions(
  'The reply is requested with a strict JSON schema {"result": number, "steps": [{"description": string, "conclusion": string}]}, ' +
    'result first, the shape OpenAI documents; OpenAI does not publish its own schema, its name or its field order.',
);

export interface ScoreModelDetails extends JudgeDetailsBase {
  kind: 'score_model';
  /** The reply's {result, steps} when it parsed to a numeric result, else null. */
  parsed: { result: number; steps: JudgeDetailsBase['steps'] } | null;
  /** The result fell outside `range` and was clamped into it. */
  clamped: boolean;
  range: [number, number];
}

export async function gradeScoreModel(grader: ScoreModelGrader, ctx: FullContext): Promise<GradeOutcome> {
  const hand = ctx.runtime.hand?.[ctx.pointer];
  if (hand?.kind === 'reply') return judge(grader, ctx, () => Promise.resolve(handExchange(hand.text)));
  return judge(grader, ctx, (request) => askJudge(ctx.runtime.model, request, ctx.signal));
}

/** Grade with `replyText` as the judge's answer (judging by hand): the same parsing, clamping and errors. */
export function scoreFromReply(grader: ScoreModelGrader, ctx: GradeContext, replyText: string): Promise<GradeOutcome> {
  return judge(grader, ctx, () => Promise.resolve(handExchange(replyText)));
}

async function judge(
  grader: ScoreModelGrader,
  ctx: GradeContext,
  ask: (request: JudgeRun['request']) => Promise<Exchange>,
): Promise<GradeOutcome> {
  const rendered: JudgeRun['rendered'] = [];
  const built = buildChatRequest(TYPE, grader, ctx, SCORE_RESPONSE_FORMAT, rendered);
  if (!built.ok) return built.outcome;
  const run: JudgeRun = { request: built.value, rendered, exchange: await ask(built.value) };
  return scoreOutcome(grader, run);
}

export function scoreOutcome(grader: ScoreModelGrader, run: JudgeRun): GradeOutcome {
  const range: [number, number] = grader.range ? [grader.range[0], grader.range[1]] : [0, 1];
  const settled = settle(run.exchange);
  const details = (value: Record<string, unknown> | null, parsed: ScoreModelDetails['parsed'], clamped: boolean): ScoreModelDetails => {
    const base = detailsBase(run, value);
    return { kind: TYPE, ...base, parsed: parsed ? { result: parsed.result, steps: base.steps } : null, clamped, range };
  };
  if (!settled.ok) return judgeFailure(TYPE, run, settled, asRecord(details(null, null, false)), ASSUMPTIONS);
  const result = settled.value.result;
  if (typeof result !== 'number' || !Number.isFinite(result)) {
    const message =
      result === undefined
        ? 'the judge\'s reply has no "result"'
        : `the judge's "result" is ${describeValue(result)}, not a number`;
    return judgeFailure(TYPE, run, { flag: 'model_grader_parse_error', message, assumptions: [] }, asRecord(details(settled.value, null, false)), ASSUMPTIONS);
  }
  const reward = Math.min(Math.max(result, range[0]), range[1]);
  const clamped = reward !== result;
  const who = run.exchange.kind === 'reply' && run.exchange.byHand ? 'The reply typed by hand' : 'The judge';
  const summary = clamped
    ? `${who} returned ${result}, outside the range [${range[0]}, ${range[1]}], so the reward is clamped to ${reward}.`
    : `${who} returned ${result} (range [${range[0]}, ${range[1]}]), so the reward is ${reward}.`;
  return judgeSuccess(TYPE, run, reward, summary, asRecord(details(settled.value, { result, steps: [] }, clamped)), ASSUMPTIONS);
}

function asRecord(d: object): Record<string, unknown> {
  return d as Record<string, unknown>;
}
