/** Chapter: each text_similarity metric, what it rewards and what it misses. Data only. */
import type { CourseChapter } from '../types.ts';

const sim = (metric: string, name = 'close to the reference') => ({ type: 'text_similarity', name, input: '{{ sample.output_text }}', reference: '{{ item.reference }}', evaluation_metric: metric });

export const similarityChapter: CourseChapter = {
  id: 'text-similarity',
  title: 'text_similarity, metric by metric',
  summary: 'Each metric rewards a different kind of closeness to a reference, and misses something else.',
  steps: [
    {
      id: 'fuzzy',
      title: 'fuzzy_match: near spellings',
      body: [
        '`text_similarity` scores from 0 to 1 how close the reply is to a reference; `evaluation_metric` says how. `fuzzy_match` compares characters (rapidfuzz\'s ratio): one letter off costs little.',
        'The task is a name that has several accepted spellings. `eq` gives 0 to all but one.',
      ],
      goal: 'Replace the string_check with a text_similarity grader using fuzzy_match against `{{ item.reference }}`.',
      edit: 'grader',
      grader: { type: 'string_check', name: 'composer', input: '{{ sample.output_text }}', reference: '{{ item.reference }}', operation: 'eq' },
      item: { question: 'Who composed Swan Lake? Reply with the surname only.', reference: 'Tchaikovsky' },
      checks: [
        { what: 'a German spelling', sample: 'Tschaikowsky', expect: { kind: 'range', min: 0.8, max: 1 } },
        { what: 'a different composer', sample: 'Rachmaninoff', expect: { kind: 'range', max: 0.5 }, hack: true },
        { what: 'a common transliteration', sample: 'Chaikovsky', expect: { kind: 'range', min: 0.9 }, hidden: true },
      ],
      solution: sim('fuzzy_match', 'composer'),
      why: [
        'Tschaikowsky keeps most characters in order (0.87); Rachmaninoff shares few (0.435). What fuzzy_match misses: meaning and word order. The reference\'s words shuffled into nonsense still score about 0.95 on a sentence, so use it for names and short fields, not for prose.',
      ],
    },
    {
      id: 'bleu',
      title: 'BLEU: n-grams and the brevity penalty',
      body: [
        '`bleu` counts how many of the reply\'s 1- to 4-word sequences appear in the reference (precision), and multiplies by a brevity penalty when the reply is shorter than the reference. Without the penalty, saying little but saying it right would win.',
        '`rouge_1` counts single words only, as an F-measure: a reply that is the first few words of the reference still scores above 0.5.',
      ],
      goal: 'Use the metric that penalises a truncated translation.',
      edit: 'grader',
      grader: sim('rouge_1', 'translation'),
      item: { question: 'Translate into English: "Le chat est assis sur le tapis près de la porte."', reference: 'The cat is sitting on the mat by the door.' },
      checks: [
        { what: 'a good translation', sample: 'The cat is sitting on the mat near the door.', expect: { kind: 'range', min: 0.6, max: 1 } },
        { what: 'the first four words only', sample: 'The cat is sitting', expect: { kind: 'range', max: 0.3 }, hack: true },
        { what: 'the reference words shuffled', sample: 'door the by mat the on sitting is cat The.', expect: { kind: 'range', max: 0.3 }, hidden: true },
        { what: 'another good translation', sample: 'The cat sits on the mat by the door.', expect: { kind: 'range', min: 0.5 }, hidden: true },
      ],
      solution: sim('bleu', 'translation'),
      why: [
        'The truncated reply has perfect precision, but the brevity penalty exp(1 − 10/4) cuts BLEU to 0.22. Shuffled words share no 4-grams, so BLEU is 0. What BLEU misses: synonyms (see [METEOR](text-similarity/meteor)), and short replies, where a missing 4-gram zeroes the score ([GLEU](text-similarity/gleu)).',
      ],
    },
    {
      id: 'gleu',
      title: 'GLEU: partial credit for short sentences',
      body: [
        'Corpus BLEU was made for whole test sets. On one short sentence, a single missing 4-gram makes the geometric mean 0: a nearly right answer and a wrong one both get 0, and training learns nothing from the difference.',
        '`gleu` (Google-BLEU) takes the smaller of n-gram precision and recall over 1- to 4-grams at once, so a short sentence gets partial credit.',
      ],
      goal: 'Switch to the metric that tells a nearly right short answer from an unrelated one.',
      edit: 'grader',
      grader: sim('bleu', 'summary'),
      item: { question: 'Summarise in a few words: "Hi all, the meeting on Tuesday is moved to Thursday."', reference: 'The meeting moved to Thursday.' },
      checks: [
        { what: 'a short, nearly right answer', sample: 'Meeting moved to Thursday.', expect: { kind: 'range', min: 0.3, max: 1 } },
        { what: 'an unrelated sentence', sample: 'Lunch is served at noon.', expect: { kind: 'range', max: 0.1 }, hack: true },
        { what: 'the reference itself', sample: 'The meeting moved to Thursday.', expect: { kind: 'range', min: 0.99 }, hidden: true },
        { what: 'a looser paraphrase', sample: 'The meeting is on Thursday.', expect: { kind: 'range', min: 0.2, max: 0.6 }, hidden: true },
      ],
      solution: sim('gleu', 'summary'),
      why: [
        'GLEU gives the near answer 0.43, the paraphrase 0.29 and the unrelated sentence 0: an order a policy can climb. What it misses: like BLEU, it only sees exact words.',
      ],
    },
    {
      id: 'meteor',
      title: 'METEOR: stems, synonyms and alignment',
      body: [
        '`meteor` aligns the reply\'s words with the reference\'s in stages: exact words, then Porter stems (ran / running), then WordNet synonyms (kids / children). It weighs recall above precision, and a fragmentation penalty lowers the score when the aligned words are out of order.',
        'BLEU sees "kids ran fast" as three wrong words.',
      ],
      goal: 'Use the metric that credits a paraphrase with synonyms and other word forms.',
      edit: 'grader',
      grader: sim('bleu', 'paraphrase'),
      item: { question: 'Say it in simpler words: "The children were running quickly to the school."', reference: 'The children were running quickly to the school.' },
      checks: [
        { what: 'a paraphrase with synonyms', sample: 'The kids ran fast to the school.', expect: { kind: 'range', min: 0.5, max: 1 } },
        { what: 'the reference words in reverse order', sample: 'school the to quickly running were children The.', expect: { kind: 'range', max: 0.4 }, hack: true },
        { what: 'another paraphrase', sample: 'The child runs quickly to school.', expect: { kind: 'range', min: 0.5 }, hidden: true },
        { what: 'a different scene in the same shape', sample: 'The teachers were walking slowly to the office.', expect: { kind: 'range', max: 0.45 }, hidden: true },
      ],
      solution: sim('meteor', 'paraphrase'),
      why: [
        'METEOR aligns kids with children and ran with running, so the paraphrase gets 0.57; reversed words all align, but in many fragments, so the penalty keeps them at 0.375. What it misses: meaning beyond WordNet, and its margins are narrow: test yours on real samples.',
      ],
    },
    {
      id: 'rouge',
      title: 'ROUGE: which n-grams',
      body: [
        '`rouge_1` to `rouge_5` count shared n-grams of that length, `rouge_l` the longest common subsequence; each gives an F-measure of precision and recall. ROUGE was made for summaries.',
        'With `rouge_1` word order does not matter at all: the reference\'s words shuffled get a perfect 1.',
      ],
      goal: 'Pick a ROUGE variant that gives word salad nothing but still credits a summary whose clauses come in another order.',
      edit: 'grader',
      grader: sim('rouge_1', 'summary'),
      item: { question: 'Summarise the sales report in one sentence.', reference: 'Sales rose ten percent in March after the new store opened.' },
      checks: [
        { what: 'a close summary', sample: 'Sales rose ten percent in March when the new store opened.', expect: { kind: 'range', min: 0.7, max: 1 } },
        { what: 'the reference words shuffled', sample: 'opened store new the after March in percent ten rose Sales.', expect: { kind: 'range', max: 0.1 }, hack: true },
        { what: 'the clauses swapped', sample: 'After the new store opened in March, sales rose ten percent.', expect: { kind: 'range', min: 0.7 }, hidden: true },
        { what: 'the opposite claim', sample: 'Sales fell in March.', expect: { kind: 'range', max: 0.2 }, hidden: true },
      ],
      solution: sim('rouge_2', 'summary'),
      why: [
        'Bigrams survive a clause swap ("ten percent", "new store") but not shuffling: rouge_2 gives 0.8 and 0. `rouge_l` would punish the swap (0.455), because one common subsequence cannot cover both clauses. What ROUGE misses: negation. "Sales fell" shares words with "Sales rose".',
      ],
    },
  ],
};
