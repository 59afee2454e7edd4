/** Chapter: model judges (rubric design, spread over repeated calls, judging by hand). Data only. */
import type { PlainJson } from '../../types.ts';
import type { CourseChapter } from '../types.ts';
import { judged } from './shared.ts';

const MODEL = 'gpt-4.1-2025-04-14';
const item = { question: 'Why does ice float on water? Answer in two sentences.', reference: 'Ice is less dense than liquid water, because its hydrogen bonds hold the molecules in an open lattice.' };
const GOOD = 'Ice is less dense than liquid water. Freezing locks the molecules into an open hydrogen-bonded lattice that takes more room.';
const HEDGE = 'It could be density, or maybe surface tension, or air trapped inside; scientists think several effects matter.';
const WRONG = 'Ice floats because it is colder than the water around it.';

const scale = (range?: [number, number]): { [key: string]: PlainJson } => ({
  type: 'score_model',
  name: 'physics judge',
  model: MODEL,
  input: [
    { role: 'system', content: 'Score the answer from 0 to 10 against the reference. 8-10: the cause (density, open lattice) is stated. 5-7: density without the cause. 0-4: wrong or hedging between causes.' },
    { role: 'user', content: 'Question: {{ item.question }}\nReference: {{ item.reference }}\nAnswer: {{ sample.output_text }}' },
  ],
  ...(range ? { range } : {}),
});

const labelJudge = (passing: string[]) => ({
  type: 'label_model',
  name: 'verdict',
  model: MODEL,
  input: [
    { role: 'system', content: 'Label the answer: "correct" if it gives the cause in the reference, "hedging" if it lists several causes without committing, "wrong" otherwise.' },
    { role: 'user', content: 'Question: {{ item.question }}\nReference: {{ item.reference }}\nAnswer: {{ sample.output_text }}' },
  ],
  labels: ['correct', 'hedging', 'wrong'],
  passing_labels: passing,
});

export const judgesChapter: CourseChapter = {
  id: 'judges',
  title: 'Model judges',
  summary: 'A model reads a rubric and scores the answer: rubric design, the judge\'s spread, and judging by hand.',
  steps: [
    {
      id: 'rubric-scale',
      title: 'The rubric\'s scale and the grader\'s range',
      body: [
        '`score_model` sends its `input` messages (templates filled in) to a judge model and takes the number in its reply. The reply is clamped into `range`, which is [0, 1] when absent.',
        'This rubric asks for 0 to 10. With the default range every score from 1 up clamps to 1, so a hedge the judge gave 4 earns as much as an answer it gave 9. No model is called in this course: each check carries the judge\'s recorded reply.',
      ],
      goal: 'Give the judge the range its rubric uses, and scale the multi\'s formula back to 0..1.',
      edit: 'grader',
      grader: { type: 'multi', name: 'physics', graders: { judge: scale() }, calculate_output: 'judge' },
      item,
      checks: [
        { what: 'a good answer', sample: GOOD, judgeReply: judged(9, 'States density and the open lattice.'), expect: { kind: 'range', min: 0.8, max: 1 } },
        { what: 'a hedging answer', sample: HEDGE, judgeReply: judged(4, 'Lists causes without committing.'), expect: { kind: 'range', max: 0.5 }, hack: true },
        { what: 'a wrong answer', sample: WRONG, judgeReply: judged(1, 'Temperature is not the cause.'), expect: { kind: 'range', max: 0.2 }, hidden: true },
      ],
      solution: { type: 'multi', name: 'physics', graders: { judge: scale([0, 10]) }, calculate_output: 'judge / 10' },
      why: [
        'With `range` [0, 10] the judge\'s 9, 4 and 1 pass through, and `judge / 10` turns them into 0.9, 0.4 and 0.1. Write the rubric\'s scale and the range together, and make each band of the rubric say what earns it.',
      ],
    },
    {
      id: 'spread',
      title: 'The judge\'s spread over repeated calls',
      body: [
        'A judge is a sampled model: the same answer judged three times got 7, 9 and 8. In training that noise is reward: the same answer is pushed up one step and down the next.',
        'Measure it before training: judge a few answers several times (the Dry run view and "judge by hand" help), and look at the spread. Then make the reward depend only on what the judge agrees on: here, whether the answer reaches the rubric\'s top band (7 and above).',
      ],
      goal: 'Make the formula give 1 for any score from 7 up and 0 below, so the three calls on the same answer agree. `floor` and `min` are allowed in formulas.',
      edit: 'grader',
      grader: { type: 'multi', name: 'physics', graders: { judge: scale([0, 10]) }, calculate_output: 'judge / 10' },
      item,
      checks: [
        { what: 'a good answer, first call', sample: GOOD, judgeReply: judged(7, 'Density, lattice implied.'), expect: { kind: 'range', min: 1 } },
        { what: 'the same answer, second call', sample: GOOD, judgeReply: judged(9, 'Density and lattice.'), expect: { kind: 'range', min: 1 } },
        { what: 'a confident wrong answer', sample: WRONG, judgeReply: judged(3, 'Wrong cause.'), expect: { kind: 'range', max: 0 }, hack: true },
        { what: 'the same good answer, third call', sample: GOOD, judgeReply: judged(8, 'Density and lattice.'), expect: { kind: 'range', min: 1 }, hidden: true },
        { what: 'a hedging answer', sample: HEDGE, judgeReply: judged(5, 'Mentions density among others.'), expect: { kind: 'range', max: 0 }, hidden: true },
        { what: 'a perfect answer', sample: GOOD, judgeReply: judged(10, 'Complete.'), expect: { kind: 'range', min: 1, max: 1 }, hidden: true },
      ],
      solution: { type: 'multi', name: 'physics', graders: { judge: scale([0, 10]) }, calculate_output: 'min(1, floor(judge / 7))' },
      why: [
        '`floor(judge / 7)` is 1 from 7 to 13 and 0 below; `min(1, …)` keeps a 10 at 1. The three calls now agree. The cost is resolution: coarse rewards carry less signal, so use them when the spread is larger than the differences you want to reward.',
        'The same idea as labels: see [judging by hand](judges/hand-label).',
      ],
    },
    {
      id: 'hand-label',
      title: 'Labels, and judging by hand',
      body: [
        '`label_model` asks the judge for one of `labels`; the reward is 1 when the label is in `passing_labels`. Inside a `multi` it combines with other graders.',
        'Judge by hand before you pay a model: in the playground, with no endpoint set, a model grader shows its prompt and you type the reply the judge should give. If you cannot decide a label from the rubric, neither can the judge. The replies recorded in these checks are such typed replies.',
      ],
      goal: 'A hedge must not pass: change `passing_labels`.',
      edit: 'grader',
      grader: { type: 'multi', name: 'physics', graders: { verdict: labelJudge(['correct', 'hedging']) }, calculate_output: 'verdict' },
      item,
      checks: [
        { what: 'a good answer', sample: GOOD, judgeReply: judged('correct', 'States the cause.'), expect: { kind: 'range', min: 1 } },
        { what: 'a hedging answer', sample: HEDGE, judgeReply: judged('hedging', 'Several causes, no commitment.'), expect: { kind: 'range', max: 0 }, hack: true },
        { what: 'a wrong answer', sample: WRONG, judgeReply: judged('wrong', 'Wrong cause.'), expect: { kind: 'range', max: 0 }, hidden: true },
        { what: 'another good answer', sample: 'Water expands when it freezes into a lattice, so ice is less dense and floats.', judgeReply: judged('correct', 'Density and lattice.'), expect: { kind: 'range', min: 1 }, hidden: true },
      ],
      solution: { type: 'multi', name: 'physics', graders: { verdict: labelJudge(['correct']) }, calculate_output: 'verdict' },
      why: [
        'Only "correct" passes now. A separate "hedging" label is worth having even though it never passes: it makes the judge name the behaviour, so you can count how often the policy hedges. Next, a judge can be talked into a high score: [judge injection](hacking/judge-injection).',
      ],
    },
  ],
};
