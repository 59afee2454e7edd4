/** Chapter: carrying a grader to a trainer. Data only. */
import type { CourseChapter } from '../types.ts';
import { capitalJsonItem } from './shared.ts';

export const trainerChapter: CourseChapter = {
  id: 'trainer',
  title: 'Carrying a grader to a trainer',
  summary: 'The same grader in TRL, verl or OpenRLHF: rely only on what every trainer passes.',
  steps: [
    {
      id: 'portable',
      title: 'Only `output_text` travels',
      body: [
        'Export to a trainer (Share, "to a trainer") wraps a python grader\'s `grade(sample, item)` as the trainer\'s reward function. A trainer hands over the completion text, so the sample holds `output_text`, and nothing OpenAI would add, such as `output_json` for structured outputs.',
        'This grader reads `sample["output_json"]`: on OpenAI it works, in a trainer it raises on every completion, and every reward is an error. The checks pass samples as a trainer does.',
      ],
      goal: 'Read the answer from `output_text` (parse it yourself) and return 0.0 when it is not JSON.',
      edit: 'source',
      grader: {
        type: 'python',
        name: 'capital (portable)',
        source: String.raw`def grade(sample, item):
    return 1.0 if sample["output_json"]["answer"] == item["answer"] else 0.0
`,
      },
      item: capitalJsonItem,
      checks: [
        { what: 'a right completion from a trainer', sample: { output_text: '{"answer": "Canberra"}' }, expect: { kind: 'range', min: 1 }, clean: true },
        { what: 'a completion with the wrong city', sample: { output_text: '{"answer": "Sydney"}' }, expect: { kind: 'range', max: 0 }, hack: true, clean: true },
        { what: 'a completion that is not JSON', sample: { output_text: 'Canberra' }, expect: { kind: 'range', max: 0 }, hidden: true, clean: true },
        { what: 'an OpenAI sample with output_json', sample: '{"answer": "Canberra"}', expect: { kind: 'range', min: 1 }, hidden: true, clean: true },
      ],
      solution: String.raw`import json


def grade(sample, item):
    try:
        reply = json.loads(sample.get("output_text") or "")
    except ValueError:
        return 0.0
    if not isinstance(reply, dict):
        return 0.0
    return 1.0 if reply.get("answer") == item["answer"] else 0.0
`,
      why: [
        'Parsing the text yourself gives the same reward on OpenAI and in any trainer. The exported file also carries your test cases, and the CLI (`grader-playground test`) runs them in CI, so a change that breaks the grader is caught before a training run. Back to the start: [templates](documents/templates).',
      ],
    },
  ],
};
