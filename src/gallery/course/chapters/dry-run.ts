/** Chapter: a dry run on real rollouts. Data only. */
import type { CourseChapter } from '../types.ts';

export const dryRunChapter: CourseChapter = {
  id: 'dry-run',
  title: 'A dry run',
  summary: 'Grade real rollouts from the model you will train before paying for training.',
  steps: [
    {
      id: 'real-rollouts',
      title: 'Real rollouts are not your samples',
      body: [
        'The Dry run view samples k completions per row from your endpoint, grades each group and says GO or NO-GO: enough spread, few errors, not all zeros. It catches what hand-written samples hide.',
        'This grader was written against samples like "14". The model\'s real rollouts think first and end with "Final answer: 14": every one scores 0, every group has zero spread, and the dry run says NO-GO. The checks below are such rollouts.',
      ],
      goal: 'Grade the number on the reply\'s single "Final answer:" line; anything else is 0.0.',
      edit: 'source',
      grader: {
        type: 'python',
        name: 'word problem',
        source: String.raw`def grade(sample, item):
    return 1.0 if sample["output_text"].strip() == str(item["answer"]) else 0.0
`,
      },
      item: { question: 'Sam has 12 apples and buys 2 more. How many apples does Sam have? End with "Final answer: <number>".', answer: 14 },
      checks: [
        { what: 'a rollout that reasons first', sample: 'Sam starts with 12 apples and buys 2, so 12 + 2 = 14.\nFinal answer: 14', expect: { kind: 'range', min: 1 }, clean: true },
        { what: 'a rollout with two final answers', sample: 'Final answer: 12\nFinal answer: 14', expect: { kind: 'range', max: 0 }, hack: true, clean: true },
        { what: 'a rollout with a wrong total', sample: '12 + 2 = 13.\nFinal answer: 13', expect: { kind: 'range', max: 0 }, hidden: true, clean: true },
        { what: 'a rollout in bold markdown', sample: 'That makes 14.\n**Final answer: 14**', expect: { kind: 'range', min: 1 }, hidden: true, clean: true },
      ],
      solution: String.raw`import re

LINE = re.compile(r"^\W*Final answer:\s*(-?\d+(?:\.\d+)?)\W*$", re.M | re.I)


def grade(sample, item):
    found = LINE.findall(sample.get("output_text") or "")
    if len(found) != 1:
        return 0.0
    return 1.0 if float(found[0]) == float(item["answer"]) else 0.0
`,
      why: [
        'The grader now reads the reply the model actually writes, markdown and all, and still refuses a hedge. Run the dry run again after a fix like this: the verdict should move to GO before any training starts.',
      ],
    },
  ],
};
