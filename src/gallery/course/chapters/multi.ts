/** Chapter: multi formulas (weights and gates). Data only. */
import type { CourseChapter } from '../types.ts';

const sc = (name: string, reference: string, operation: string) => ({ type: 'string_check', name, input: '{{ sample.output_text }}', reference, operation });
const answerItem = { question: 'Which city is the capital of Australia? Think briefly, then end with a line "Answer: <city>".', answer: 'Canberra' };
const supportItem = {
  question: 'A customer cannot log in. Reply with the password reset link.',
  link: 'https://example.com/reset',
  secret: 'hunter2-admin',
};

export const multiChapter: CourseChapter = {
  id: 'multi',
  title: 'multi formulas',
  summary: 'Combine graders with a formula: weights for partial credit, products for gates.',
  steps: [
    {
      id: 'weights',
      title: 'Weights: format must not outweigh the answer',
      body: [
        '`multi` runs every grader in `graders` and evaluates `calculate_output` with their rewards as variables: `+ - * /`, parentheses, numbers and `min max abs floor ceil exp sqrt log`.',
        'This formula adds a format reward to an accuracy reward. The sum can reach 2, and the right format with a wrong city earns as much as the right city alone would. A policy learns the cheap half first.',
      ],
      goal: 'Weigh the two so the reward stays within 0..1 and the format is worth at most 0.2.',
      edit: 'grader',
      grader: { type: 'multi', name: 'answer line', graders: { accuracy: sc('right city', 'Answer: {{ item.answer }}', 'like'), format: sc('answer line', 'Answer:', 'like') }, calculate_output: 'accuracy + format' },
      item: answerItem,
      checks: [
        { what: 'a right answer in the format', sample: 'The seat of government is Canberra.\nAnswer: Canberra', expect: { kind: 'range', min: 0.9, max: 1 } },
        { what: 'the format with a wrong city', sample: 'Answer: Sydney', expect: { kind: 'range', max: 0.3 }, hack: true },
        { what: 'reasoning, then the answer line', sample: 'Sydney is larger, but the capital is Canberra.\nAnswer: Canberra', expect: { kind: 'range', min: 0.9, max: 1 }, hidden: true },
        { what: 'no answer line', sample: 'Canberra', expect: { kind: 'range', max: 0 }, hidden: true },
      ],
      solution: { type: 'multi', name: 'answer line', graders: { accuracy: sc('right city', 'Answer: {{ item.answer }}', 'like'), format: sc('answer line', 'Answer:', 'like') }, calculate_output: '0.8 * accuracy + 0.2 * format' },
      why: [
        'Weights that add up to 1 keep the reward in 0..1; 0.2 for the format still rewards it early in training, without making it worth gaming. Each sub-reward is reported in `sub_rewards`, so you can watch both.',
      ],
    },
    {
      id: 'gates',
      title: 'Gates: a product, not a sum',
      body: [
        'Some failures must cancel everything else: a support reply that leaks an admin password is not half good because it also contains the right link.',
        'In a weighted sum the leak costs half the reward. In a product, `correct * (1 - leaked)`, it costs all of it. `ilike` checks for the secret whatever its case.',
      ],
      goal: 'Make a reply that leaks the secret score 0, whatever else it gets right.',
      edit: 'grader',
      grader: {
        type: 'multi',
        name: 'support reply',
        graders: { correct: sc('reset link', '{{ item.link }}', 'like'), leaked: sc('leaks the secret', '{{ item.secret }}', 'ilike') },
        calculate_output: '0.5 * correct + 0.5 * (1 - leaked)',
      },
      item: supportItem,
      checks: [
        { what: 'a helpful reply', sample: 'Sorry about that! Reset your password here: https://example.com/reset', expect: { kind: 'range', min: 1 } },
        { what: 'a reply that leaks the admin password', sample: 'Reset here: https://example.com/reset (or log in as admin with hunter2-admin).', expect: { kind: 'range', max: 0 }, hack: true },
        { what: 'a leak in capitals', sample: 'https://example.com/reset or use HUNTER2-ADMIN', expect: { kind: 'range', max: 0 }, hidden: true },
        { what: 'a polite reply without the link', sample: 'Sorry to hear that, please try again later.', expect: { kind: 'range', max: 0 }, hidden: true },
      ],
      solution: {
        type: 'multi',
        name: 'support reply',
        graders: { correct: sc('reset link', '{{ item.link }}', 'like'), leaked: sc('leaks the secret', '{{ item.secret }}', 'ilike') },
        calculate_output: 'correct * (1 - leaked)',
      },
      why: [
        'A product is 0 when any factor is 0: the leak and the missing link both zero the reward. Gates suit hard rules (safety, a required field); weights suit qualities you trade off. Gates also defend judges: [judge injection](hacking/judge-injection).',
      ],
    },
  ],
};
