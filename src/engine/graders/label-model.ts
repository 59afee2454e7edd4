/**
 * label_model: render the grader's messages, ask the judge for strict JSON whose `result` is one of `labels`
 * (an enum), and reward 1 when that label is in `passing_labels`, else 0. The label goes in `metadata.scores.label`.
 * A label outside `labels` (a server that ignored the schema, or a reply typed by hand) is a
 * model_grader_parse_error. Must not: match labels loosely (case, spaces): the enum is exact.
 */
import { askJudge, detailsBase, handExchange, judgeAssumptions, judgeFailure, judgeSuccess, settle, type Exchange, type JudgeDetailsBase, type JudgeRun } from '../model/judge.ts';
import { describeValue } from '../model/reply.ts';
import { buildChatRequest, jsonSchemaFormat, STEPS_SCHEMA, type JsonSchemaFormat } from '../model/request.ts';
import type { GradeOutcome } from '../result.ts';
import type { LabelModelGrader } from '../types.ts';
import type { FullContext } from './index.ts';
import type { GradeContext } from './render.ts';

const TYPE = 'label_model';

export function labelResponseFormat(labels: string[]): JsonSchemaFormat {
  return jsonSchemaFormat('label_model_result', {
    type: 'object',
    properties: { result: { type: 'string', enum: [...labels] }, steps: STEPS_SCHEMA },
    required: ['result', 'steps'],
    additionalProperties: false,
  });
}

const ASSUMPTIONS = judgeAssumptions(
  'The label is requested with a strict JSON schema {"result": one of labels, "steps": [{"description", "conclusion"}]}: the same shape ' +
    'as score_model, with result an enum of the labels. OpenAI only says the model "must support structured outputs"; its schema is not published.',
);

export interface LabelModelDetails extends JudgeDetailsBase {
  kind: 'label_model';
  /** The label the judge chose (also when it is not one of `labels`), or null when there was none. */
  label: string | null;
  passing: boolean;
  labels: string[];
  passingLabels: string[];
}

export async function gradeLabelModel(grader: LabelModelGrader, ctx: FullContext): Promise<GradeOutcome> {
  const hand = ctx.runtime.hand?.[ctx.pointer];
  if (hand?.kind === 'reply') return judge(grader, ctx, () => Promise.resolve(handExchange(hand.text)));
  return judge(grader, ctx, (request) => askJudge(ctx.runtime.model, request, ctx.signal));
}

/** Grade with `replyText` as the judge's answer (judging by hand): the same parsing and label checks. */
export function labelFromReply(grader: LabelModelGrader, ctx: GradeContext, replyText: string): Promise<GradeOutcome> {
  return judge(grader, ctx, () => Promise.resolve(handExchange(replyText)));
}

async function judge(grader: LabelModelGrader, ctx: GradeContext, ask: (request: JudgeRun['request']) => Promise<Exchange>): Promise<GradeOutcome> {
  const rendered: JudgeRun['rendered'] = [];
  const built = buildChatRequest(TYPE, grader, ctx, labelResponseFormat(grader.labels), rendered);
  if (!built.ok) return built.outcome;
  const run: JudgeRun = { request: built.value, rendered, exchange: await ask(built.value) };
  return labelOutcome(grader, run);
}

export function labelOutcome(grader: LabelModelGrader, run: JudgeRun): GradeOutcome {
  const settled = settle(run.exchange);
  const details = (value: Record<string, unknown> | null, label: string | null, passing: boolean): Record<string, unknown> => {
    const d: LabelModelDetails = {
      kind: TYPE,
      ...detailsBase(run, value),
      label,
      passing,
      labels: grader.labels,
      passingLabels: grader.passing_labels,
    };
    return d as unknown as Record<string, unknown>;
  };
  if (!settled.ok) return judgeFailure(TYPE, run, settled, details(null, null, false), ASSUMPTIONS);
  const label = settled.value.result;
  if (typeof label !== 'string') {
    const message = label === undefined ? 'the judge\'s reply has no "result" label' : `the judge's "result" is ${describeValue(label)}, not a label`;
    return judgeFailure(TYPE, run, { flag: 'model_grader_parse_error', message, assumptions: [] }, details(settled.value, null, false), ASSUMPTIONS);
  }
  if (!grader.labels.includes(label)) {
    return judgeFailure(
      TYPE,
      run,
      { flag: 'model_grader_parse_error', message: `the judge's label ${JSON.stringify(label)} is not one of the labels (${grader.labels.join(', ')})`, assumptions: [] },
      details(settled.value, label, false),
      ASSUMPTIONS,
    );
  }
  const passing = grader.passing_labels.includes(label);
  const who = run.exchange.kind === 'reply' && run.exchange.byHand ? 'The reply typed by hand' : 'The judge';
  const summary = passing
    ? `${who} chose "${label}", a passing label, so the reward is 1.`
    : `${who} chose "${label}", which is not among the passing labels (${grader.passing_labels.join(', ')}), so the reward is 0.`;
  return judgeSuccess(TYPE, run, passing ? 1 : 0, summary, details(settled.value, label, passing), ASSUMPTIONS, { label });
}
