/** Chapter: the three documents (grader, sample, item) and templates. Data only. */
import type { CourseChapter } from '../types.ts';
import { capitalItem, capitalJsonItem } from './shared.ts';

export const documentsChapter: CourseChapter = {
  id: 'documents',
  title: 'The three documents',
  summary: 'A grader sees two documents, the sample and the item, and reads them through templates.',
  steps: [
    {
      id: 'templates',
      title: 'Templates read the item',
      body: [
        'Every grade takes three documents. The grader is JSON that says how to score. The sample is what the model wrote (`sample.output_text`, and `sample.output_json` when the text is JSON). The item is the dataset row the prompt came from: the question, the reference answer, anything the grader needs.',
        'A grader reaches into the sample and the item with templates: `{{ sample.output_text }}` and `{{ item.answer }}` are replaced by those values before the comparison.',
        'This grader was written while looking at one row: its reference is the word `Canberra`, typed in. A training set has thousands of rows with different answers.',
      ],
      goal: 'Make the reference come from the item, so the grader works on every row.',
      edit: 'grader',
      grader: { type: 'string_check', name: 'capital', input: '{{ sample.output_text }}', reference: 'Canberra', operation: 'eq' },
      item: capitalItem,
      checks: [
        { what: 'the right answer', sample: 'Canberra', expect: { kind: 'range', min: 1 } },
        { what: 'a wrong city', sample: 'Sydney', expect: { kind: 'range', max: 0 }, hack: true },
        {
          what: 'the right answer to another row',
          sample: 'Ottawa',
          item: { question: 'Which city is the capital of Canada? Reply with the city only.', answer: 'Ottawa' },
          expect: { kind: 'range', min: 1 },
          hidden: true,
        },
      ],
      solution: { type: 'string_check', name: 'capital', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'eq' },
      why: [
        '`{{ item.answer }}` is filled in from each row, so one grader serves the whole dataset. A hidden check used a row about Canada: a typed-in reference can only ever pass one row.',
        'Next: what `eq` does with a reply that is nearly right, in [string_check and its traps](string-check/like-hack).',
      ],
    },
    {
      id: 'output-json',
      title: 'Structured output: read a field',
      body: [
        'When the prompt asks for JSON, the reply text is JSON, and the sample also holds it parsed as `sample.output_json`. A template can read one field of it: `{{ sample.output_json.answer }}`.',
        'Comparing the whole text with `eq` fails as soon as the model adds a space, reorders keys or adds a field, although the answer is right.',
      ],
      goal: 'Compare only the `answer` field of the reply with the item\'s answer.',
      edit: 'grader',
      grader: { type: 'string_check', name: 'capital (JSON)', input: '{{ sample.output_text }}', reference: '{"answer": "{{ item.answer }}"}', operation: 'eq' },
      item: capitalJsonItem,
      checks: [
        { what: 'the right answer, compact JSON', sample: '{"answer":"Canberra"}', expect: { kind: 'range', min: 1 } },
        { what: 'a wrong city in the same format', sample: '{"answer": "Sydney"}', expect: { kind: 'range', max: 0 }, hack: true },
        { what: 'the right answer with an extra field', sample: '{"answer": "Canberra", "confidence": 0.9}', expect: { kind: 'range', min: 1 }, hidden: true },
      ],
      solution: { type: 'string_check', name: 'capital (JSON)', input: '{{ sample.output_json.answer }}', reference: '{{ item.answer }}', operation: 'eq' },
      why: [
        'The field is compared, not the spelling of the JSON around it, so spacing and extra fields no longer matter, and a wrong city still scores 0.',
        'A reply that is not JSON has no `output_json`: the template fails and the grade is an error, which training treats as reward 0. See [a robust python grader](python/parse-safely) for a grader that decides what to do instead.',
      ],
    },
  ],
};
