/** Chapter: writing a robust python grader (parsing, partial credit, never crashing). Data only. */
import type { CourseChapter } from '../types.ts';
import { capitalJsonItem } from './shared.ts';

export const pythonChapter: CourseChapter = {
  id: 'python',
  title: 'A robust python grader',
  summary: 'Parse defensively, give partial credit that follows progress, and never crash.',
  steps: [
    {
      id: 'parse-safely',
      title: 'Parse, never crash',
      body: [
        'A python grader is a `grade(sample, item)` function returning a float. If it raises, the grade is an error: OpenAI trains on 0 for it, and you lose the difference between "wrong" and "my grader broke". During training a policy will produce every malformed reply you did not think of.',
        'Decide what each malformed reply is worth, and return it. The checks marked here expect no error at all.',
      ],
      goal: 'Return 0.0 (not an exception) for replies that are not a JSON object with a string `answer`, and accept JSON wrapped in a ```json fence.',
      edit: 'source',
      grader: {
        type: 'python',
        name: 'capital (JSON)',
        source: String.raw`import json


def grade(sample, item):
    reply = json.loads(sample["output_text"])
    return 1.0 if reply["answer"] == item["answer"] else 0.0
`,
      },
      item: capitalJsonItem,
      checks: [
        { what: 'a right JSON answer', sample: '{"answer": "Canberra"}', expect: { kind: 'range', min: 1 }, clean: true },
        { what: 'a reply that is not JSON', sample: 'I think it is Canberra', expect: { kind: 'range', max: 0 }, hack: true, clean: true },
        { what: 'a right answer in a code fence', sample: '```json\n{"answer": "Canberra"}\n```', expect: { kind: 'range', min: 1 }, hidden: true, clean: true },
        { what: 'a JSON string instead of an object', sample: '"Canberra"', expect: { kind: 'range', max: 0 }, hidden: true, clean: true },
        { what: 'a number as the answer', sample: '{"answer": 42}', expect: { kind: 'range', max: 0 }, hidden: true, clean: true },
      ],
      solution: String.raw`import json
import re

FENCE = re.compile(r"^\s*\x60\x60\x60(?:json)?\s*\n(.*?)\n\s*\x60\x60\x60\s*$", re.S)


def grade(sample, item):
    text = sample.get("output_text") or ""
    fenced = FENCE.match(text)
    if fenced:
        text = fenced.group(1)
    try:
        reply = json.loads(text)
    except ValueError:
        return 0.0
    if not isinstance(reply, dict) or not isinstance(reply.get("answer"), str):
        return 0.0
    return 1.0 if reply["answer"].strip() == item["answer"] else 0.0
`,
      why: [
        'Every shape is decided: not JSON, not an object, not a string: 0.0, on purpose. The fence is stripped because models add it even when told not to; whether that deserves full credit is your call, but it must be a decision, not a crash.',
      ],
    },
    {
      id: 'partial-credit',
      title: 'Partial credit that follows progress',
      body: [
        'Sets of answers (codes, entities, tool calls) invite all-or-nothing grading, which gives no signal until the policy gets everything right ([zero-spread groups](dataset/zero-spread)).',
        'But naive partial credit is gameable: "the share of right codes found" (recall) rewards listing every code in the catalogue. F1 balances recall with precision.',
      ],
      goal: 'Return the F1 score of the reply\'s codes against the item\'s (2 × right / (given + expected)), after normalising case and spaces.',
      edit: 'source',
      grader: {
        type: 'python',
        name: 'ICD-10 codes',
        source: String.raw`import json


def grade(sample, item):
    codes = json.loads(sample["output_text"])["codes"]
    return 1.0 if sorted(codes) == sorted(item["codes"]) else 0.0
`,
      },
      item: { question: 'Give the ICD-10 codes for: type 2 diabetes without complications, essential hypertension, hyperlipidaemia. Reply as JSON {"codes": [...]}.', codes: ['E11.9', 'I10', 'E78.5'] },
      checks: [
        { what: 'two of three codes', sample: '{"codes": ["E11.9", "I10"]}', expect: { kind: 'range', min: 0.7, max: 0.9 }, clean: true },
        {
          what: 'every code in the catalogue',
          sample: '{"codes": ["E11.9", "I10", "E78.5", "E10.9", "E11.65", "I11.9", "I12.9", "E78.0", "E78.1", "E78.2", "E66.9", "I25.10", "E03.9", "E55.9", "I48.91"]}',
          expect: { kind: 'range', max: 0.4 },
          hack: true,
          clean: true,
        },
        { what: 'all three codes', sample: '{"codes": ["I10", "E78.5", "E11.9"]}', expect: { kind: 'range', min: 1 }, hidden: true, clean: true },
        { what: 'two right and one wrong', sample: '{"codes": ["E11.9", "I10", "E78.0"]}', expect: { kind: 'range', min: 0.6, max: 0.7 }, hidden: true, clean: true },
        { what: 'codes in lower case with spaces', sample: '{"codes": [" e11.9", "i10", "e78.5 "]}', expect: { kind: 'range', min: 1 }, hidden: true, clean: true },
        { what: 'an empty list', sample: '{"codes": []}', expect: { kind: 'range', max: 0 }, hidden: true, clean: true },
      ],
      solution: String.raw`import json


def norm(code):
    return str(code).strip().upper()


def grade(sample, item):
    try:
        codes = json.loads(sample.get("output_text") or "").get("codes", [])
    except (ValueError, AttributeError):
        return 0.0
    if not isinstance(codes, list):
        return 0.0
    given = {norm(c) for c in codes}
    expected = {norm(c) for c in item["codes"]}
    if not given:
        return 0.0
    return 2 * len(given & expected) / (len(given) + len(expected))
`,
      why: [
        'Two of three gives 0.8 and all fifteen catalogue codes 6/18 = 0.33: listing more costs precision. The normalisation means a formatting slip is not a wrong code. Look at what your partial credit rewards at its extremes: nothing, everything, and duplicates.',
      ],
    },
    {
      id: 'numbers',
      title: 'Numbers in the wild',
      body: [
        'Models write numbers as `1,234.50`, `EUR 1234.5`, or not at all. This grader takes whatever follows "Answer:" and calls `float` on it: it works on the sample you wrote, and crashes on the first thousands separator.',
      ],
      goal: 'Accept exactly one `Answer:` line holding the amount (thousands commas and a EUR or € sign allowed); anything else scores 0.0 without an error.',
      edit: 'source',
      grader: {
        type: 'python',
        name: 'invoice total',
        source: String.raw`def grade(sample, item):
    value = float(sample["output_text"].split("Answer:")[1])
    return 1.0 if abs(value - item["answer"]) < 0.01 else 0.0
`,
      },
      item: { question: 'What is the invoice total in euros? End with a line "Answer: <amount>".', answer: 1234.5 },
      checks: [
        { what: 'the amount with a thousands separator', sample: 'Subtotal 1,100.00 plus VAT.\nAnswer: 1,234.50 EUR', expect: { kind: 'range', min: 1 }, clean: true },
        { what: 'numbers without an answer line', sample: '1234.5 1234.5 1234.5', expect: { kind: 'range', max: 0 }, hack: true, clean: true },
        { what: 'a plain amount', sample: 'Answer: 1234.5', expect: { kind: 'range', min: 1 }, hidden: true, clean: true },
        { what: 'two answer lines', sample: 'Answer: 1234.5\nAnswer: 99', expect: { kind: 'range', max: 0 }, hidden: true, clean: true },
        { what: 'the amount in words', sample: 'Answer: twelve hundred', expect: { kind: 'range', max: 0 }, hidden: true, clean: true },
        { what: 'an empty reply', sample: { output_text: '' }, expect: { kind: 'range', max: 0 }, hidden: true, clean: true },
      ],
      solution: String.raw`import re

LINE = re.compile(r"^Answer:\s*(?:EUR|€)?\s*(-?[\d,]*\.?\d+)\s*(?:EUR|€|euros?)?\s*$", re.M | re.I)


def grade(sample, item):
    found = LINE.findall(sample.get("output_text") or "")
    if len(found) != 1:
        return 0.0
    try:
        value = float(found[0].replace(",", ""))
    except ValueError:
        return 0.0
    return 1.0 if abs(value - item["answer"]) <= 0.005 else 0.0
`,
      why: [
        'A regular expression states the accepted forms; everything else falls through to 0.0. `float` is still guarded, because "1,2,3" matches the pattern. The same "one answer line" rule stops hedging: see [hedging](hacking/hedging).',
      ],
    },
  ],
};
