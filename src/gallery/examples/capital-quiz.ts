/**
 * Three graders for the same multiple-choice question and the same four answers: a substring check that a
 * hedging answer beats, a copy-paste slip that rewards everything, and the repaired grader. Data only.
 */
import { jsonSample, textSample } from '../helpers.ts';
import type { GalleryExample, GallerySample } from '../types.ts';

const item = {
  question: 'Which city is the capital of Australia? Options: Sydney, Melbourne, Canberra, Perth. Reply as JSON {"answer": "<city>"}.',
  options: ['Sydney', 'Melbourne', 'Canberra', 'Perth'],
  answer: 'Canberra',
};

/** The four answers every grader of this file sees, so their rewards can be compared side by side. */
const answers = {
  good: jsonSample({ answer: 'Canberra' }),
  plain: textSample('The capital of Australia is Canberra.'),
  wrong: jsonSample({ answer: 'Sydney' }),
  hedge: jsonSample({ answer: 'Sydney, Melbourne, Canberra or Perth' }),
};

function samples(rewards: [good: number, plain: number, wrong: number, hedge: number], notes: [string, string, string, string]): GallerySample[] {
  return [
    { label: 'good', note: notes[0], sample: answers.good, expectedReward: rewards[0] },
    { label: 'partial', note: notes[1], sample: answers.plain, expectedReward: rewards[1] },
    { label: 'wrong', note: notes[2], sample: answers.wrong, expectedReward: rewards[2] },
    { label: 'gaming', note: notes[3], sample: answers.hedge, expectedReward: rewards[3] },
  ];
}

export const substringHack: GalleryExample = {
  id: 'capital-substring-hack',
  title: 'A substring check that hedging beats',
  useCase: 'Multiple-choice answers',
  summary: 'An ilike check ("the output contains the answer") gives full marks to an answer that names every option.',
  design: [
    'string_check with ilike is tempting for short answers: it ignores case and tolerates extra words around the answer.',
    'But "contains" is the weakness: during RFT the policy soon learns that naming all four cities always contains the right one. The reward never tells it to commit to one answer.',
    'Compare the same four answers under the repaired grader (capital-final-answer), which reads one structured answer and gives 0 to a hedge.',
  ],
  grader: {
    type: 'string_check',
    name: 'output contains the answer',
    input: '{{ sample.output_text }}',
    reference: '{{ item.answer }}',
    operation: 'ilike',
  },
  item,
  samples: samples(
    [1, 1, 0, 1],
    [
      'The structured answer contains "Canberra": 1.',
      'Plain text instead of the requested JSON still contains "Canberra": 1, so the format is never taught.',
      '"Sydney" does not contain "Canberra": 0.',
      'Naming every option contains the answer too: 1, the same as the good answer. This is the hack.',
    ],
  ),
  tags: ['string_check', 'ilike', 'reward hacking', 'teaching'],
  hackable: {
    why: 'A substring test rewards any answer that lists every option; the gaming sample scores 1 like the good one.',
    fixedIn: 'capital-final-answer',
  },
};

export const alwaysOne: GalleryExample = {
  id: 'capital-always-one',
  title: 'A grader that always gives 1: no learning signal',
  useCase: 'Multiple-choice answers',
  summary: 'A copy-paste slip puts {{ item.answer }} in both fields, so every answer, right or wrong, gets 1.',
  design: [
    'RFT learns from differences between the rewards of samples for the same prompt. When every sample gets the same reward, there is nothing to learn, however high the reward is.',
    'Here input and reference both render the item\'s answer, so the comparison never looks at the model\'s output. The grader validates and runs without any error: only the flat rewards give it away.',
    'Before training, grade a handful of deliberately wrong samples: if they score like the good ones, the grader is not reading the output. The repaired grader is capital-final-answer.',
  ],
  grader: {
    type: 'string_check',
    name: 'exact answer (slip: both fields read the item)',
    input: '{{ item.answer }}',
    reference: '{{ item.answer }}',
    operation: 'eq',
  },
  item,
  samples: samples(
    [1, 1, 1, 1],
    [
      '1, but the grader never looked at it.',
      '1, for the same reason.',
      '"Sydney" also gets 1: the wrong answer is indistinguishable from the right one.',
      'The hedge gets 1 too. With the same reward everywhere, the advantage of every sample is 0.',
    ],
  ),
  tags: ['string_check', 'no signal', 'teaching'],
  hackable: {
    why: 'The grader ignores the sample, so every answer gets 1, the gaming one included.',
    fixedIn: 'capital-final-answer',
  },
};

export const finalAnswer: GalleryExample = {
  id: 'capital-final-answer',
  title: 'Commit to one answer (the repaired grader)',
  useCase: 'Multiple-choice answers',
  summary: 'A python grader reads the JSON answer, rewards exactly one correct option, and gives half credit for the right option in the wrong format.',
  design: [
    'A python grader can say what a string_check cannot: "the answer names exactly one of the options, and it is the right one". An answer naming two options gets 0, so hedging stops paying.',
    'Partial credit teaches the format: the right city in plain text instead of the requested JSON gets 0.5, so the policy is pulled towards the format without being punished as hard as a wrong city.',
    'Options are matched case-insensitively as substrings of the answer, which is enough for a closed list of city names; a list with overlapping names ("York", "New York") would need word boundaries.',
  ],
  grader: {
    type: 'python',
    name: 'exactly one option, the right one',
    source: String.raw`import json


def grade(sample, item):
    try:
        answer = json.loads(sample["output_text"])["answer"]
        form = 1.0
    except (ValueError, KeyError, TypeError):
        # Not the requested JSON: read the plain text, for half credit at most.
        answer = sample["output_text"]
        form = 0.5
    text = str(answer).casefold()
    named = [o for o in item["options"] if o.casefold() in text]
    if named != [item["answer"]]:
        return 0.0  # wrong, or more than one option named
    return form
`,
  },
  item,
  samples: samples(
    [1, 0.5, 0, 0],
    [
      'One option, the right one, in the requested JSON: 1.',
      'The right city in plain text: 0.5 for the missed format.',
      '"Sydney": 0.',
      'Naming four options is no longer rewarded: 0.',
    ],
  ),
  tags: ['python', 'reward hacking', 'format', 'teaching'],
};
