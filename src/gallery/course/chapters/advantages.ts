/** Chapter: group-relative advantages. Data only. */
import type { CourseChapter } from '../types.ts';

const sc = (name: string, reference: string) => ({ type: 'string_check', name, input: '{{ sample.output_text }}', reference, operation: 'like' });
const graders = { correct: sc('right verdict', 'Answer: {{ item.answer }}'), explained: sc('gives a reason', 'because') };

export const advantagesChapter: CourseChapter = {
  id: 'advantages',
  title: 'Advantages',
  summary: 'The trainer does not use rewards directly: it compares each answer with its group.',
  steps: [
    {
      id: 'group-relative',
      title: 'Group-relative advantages',
      body: [
        'GRPO turns a group\'s rewards into advantages: (reward − group mean) / group standard deviation. An answer above its group\'s mean is made more likely, one below less likely. Only the order and the gaps inside a group matter; adding a constant changes nothing.',
        'Group: a right answer with a reason (1), a right answer without one (0.5), a wrong answer with a reason (0.5), a wrong one without (0). The right terse answer and the wrong explained one get the same advantage: the policy learns that a reason is worth as much as being right.',
      ],
      goal: 'Weigh the formula so that any wrong answer scores below any right one, while a reason still earns a little.',
      edit: 'grader',
      grader: { type: 'multi', name: 'prime verdict', graders, calculate_output: '0.5 * correct + 0.5 * explained' },
      item: { question: 'Is 91 prime? Give a reason, then end with "Answer: yes" or "Answer: no".', answer: 'no' },
      checks: [
        { what: 'a right answer with a reason', sample: '91 is not prime because 91 = 7 × 13.\nAnswer: no', expect: { kind: 'range', min: 0.9, max: 1 } },
        { what: 'a right answer without a reason', sample: 'Answer: no', expect: { kind: 'range', min: 0.5 } },
        { what: 'a wrong answer with a reason', sample: '91 is prime because it is odd.\nAnswer: yes', expect: { kind: 'below', than: 'a right answer without a reason' }, hack: true },
        { what: 'a wrong answer without a reason', sample: 'Answer: yes', expect: { kind: 'range', max: 0.1 }, hidden: true },
      ],
      solution: { type: 'multi', name: 'prime verdict', graders, calculate_output: '0.8 * correct + 0.2 * explained' },
      why: [
        'Rewards 1, 0.8, 0.2 and 0 give the group advantages of about +1.1, +0.6, −0.6 and −1.1: every right answer is pushed up, every wrong one down, and the reason breaks ties. The Dataset view shows these advantages per sample.',
      ],
    },
  ],
};
