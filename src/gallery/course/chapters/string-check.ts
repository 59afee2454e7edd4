/** Chapter: string_check and its traps. Data only. */
import type { CourseChapter } from '../types.ts';
import { capitalItem } from './shared.ts';

const sc = (name: string, input: string, reference: string, operation: string) => ({ type: 'string_check', name, input, reference, operation });

export const stringCheckChapter: CourseChapter = {
  id: 'string-check',
  title: 'string_check and its traps',
  summary: 'Exact, contains and not-equal checks: cheap, strict, and easy to game.',
  steps: [
    {
      id: 'like-hack',
      title: '`like` rewards listing every option',
      body: [
        '`string_check` has four operations: `eq` (the same text), `ne` (a different text), `like` (the input contains the reference) and `ilike` (contains, ignoring case). The reward is 1 or 0.',
        '`like` looks forgiving: "The capital is Canberra." passes. But a model in training soon finds that naming every option passes too, and learns to hedge.',
      ],
      goal: 'Change the operation so that only the bare right answer scores 1.',
      edit: 'grader',
      grader: sc('capital', '{{ sample.output_text }}', '{{ item.answer }}', 'like'),
      item: capitalItem,
      checks: [
        { what: 'the right answer', sample: 'Canberra', expect: { kind: 'range', min: 1 } },
        { what: 'every option listed', sample: 'Sydney, Melbourne, Canberra, Perth', expect: { kind: 'range', max: 0 }, hack: true },
        { what: 'a hedging answer', sample: 'Canberra or Sydney', expect: { kind: 'range', max: 0 }, hidden: true },
      ],
      solution: sc('capital', '{{ sample.output_text }}', '{{ item.answer }}', 'eq'),
      why: [
        '`eq` passes only the exact text, so naming several cities can never earn the reward. The price is strictness: the prompt must ask for the city only, and [the next step](string-check/exact-variants) shows how to allow a harmless variation.',
      ],
    },
    {
      id: 'exact-variants',
      title: '`eq` is exact to the character',
      body: [
        '`eq` compares character by character: "Canberra." with a full stop is not "Canberra". A model that ends its sentences with a full stop gets 0 for a right answer, and the training signal says "wrong" when it was not.',
        'A template can build the variant you accept: the reference `{{ item.answer }}.` is the answer with a full stop. A `multi` grader runs several graders and combines their rewards with a formula such as `max(a, b)`.',
      ],
      goal: 'Accept the right city with or without a final full stop, and nothing else.',
      edit: 'grader',
      grader: { type: 'multi', name: 'capital', graders: { bare: sc('bare', '{{ sample.output_text }}', '{{ item.answer }}', 'eq') }, calculate_output: 'bare' },
      item: capitalItem,
      checks: [
        { what: 'the right answer with a full stop', sample: 'Canberra.', expect: { kind: 'range', min: 1 } },
        { what: 'a hedge ending in a full stop', sample: 'Canberra or Sydney.', expect: { kind: 'range', max: 0 }, hack: true },
        { what: 'the bare right answer', sample: 'Canberra', expect: { kind: 'range', min: 1 }, hidden: true },
        { what: 'a wrong city with a full stop', sample: 'Sydney.', expect: { kind: 'range', max: 0 }, hidden: true },
      ],
      solution: {
        type: 'multi',
        name: 'capital',
        graders: { bare: sc('bare', '{{ sample.output_text }}', '{{ item.answer }}', 'eq'), stop: sc('with full stop', '{{ sample.output_text }}', '{{ item.answer }}.', 'eq') },
        calculate_output: 'max(bare, stop)',
      },
      why: [
        'Each sub-grader is still exact, so a hedge fails both; `max` passes the answer when either form matches. List the variants you mean to accept rather than loosening to `like`.',
        'Formulas get their own chapter: [multi formulas](multi/weights).',
      ],
    },
    {
      id: 'ne-trap',
      title: '`ne` rewards anything else, even nothing',
      body: [
        'The task: rewrite a sentence in other words. `ne` against the original gives 1 to any text that differs from it, so copying the sentence scores 0. But an empty reply differs too, and so does "ok".',
        'A check that something is absent needs a partner that checks something is present: here, that the rewrite still says what the original said. `text_similarity` with `fuzzy_match` gives a score between 0 and 1 for how close two texts are.',
      ],
      goal: 'Keep the `ne` check, and multiply it by how close the reply is to the original, so empty or unrelated replies score near 0.',
      edit: 'grader',
      grader: { type: 'multi', name: 'paraphrase', graders: { changed: sc('not a copy', '{{ sample.output_text }}', '{{ item.original }}', 'ne') }, calculate_output: 'changed' },
      item: { question: 'Rewrite in other words: "We moved the meeting to Thursday."', original: 'We moved the meeting to Thursday.' },
      checks: [
        { what: 'a faithful rewrite', sample: 'The meeting was moved to Thursday.', expect: { kind: 'range', min: 0.6, max: 1 } },
        { what: 'an empty reply', sample: { output_text: '' }, expect: { kind: 'range', max: 0.1 }, hack: true },
        { what: 'a verbatim copy', sample: 'We moved the meeting to Thursday.', expect: { kind: 'range', max: 0 }, hidden: true },
        { what: 'a one-word reply', sample: 'ok', expect: { kind: 'range', max: 0.35 }, hidden: true },
      ],
      solution: {
        type: 'multi',
        name: 'paraphrase',
        graders: {
          changed: sc('not a copy', '{{ sample.output_text }}', '{{ item.original }}', 'ne'),
          close: { type: 'text_similarity', name: 'same meaning', input: '{{ sample.output_text }}', reference: '{{ item.original }}', evaluation_metric: 'fuzzy_match' },
        },
        calculate_output: 'changed * close',
      },
      why: [
        'A product is a gate: a copy gets `changed` = 0, an empty reply gets `close` = 0, and a real rewrite keeps most of its closeness. `fuzzy_match` is only a proxy for "same meaning"; [the text similarity chapter](text-similarity/fuzzy) shows what it rewards and misses.',
      ],
    },
  ],
};
