/** Worked example: translations scored with METEOR, which credits stems and synonyms, and its limit against word salad. Data only. */
import { textSample } from '../helpers.ts';
import type { GalleryExample } from '../types.ts';

export const translationMeteor: GalleryExample = {
  id: 'translation-meteor',
  title: 'Translations with METEOR: synonyms count, word order matters a little',
  useCase: 'Translating short sentences against one reference translation',
  summary: 'A text_similarity grader with METEOR compares the translation with a reference, matching exact words, then stems, then WordNet synonyms, and penalising scattered matches.',
  design: [
    'A sentence has many good translations, and a reference holds only one. METEOR aligns the two word by word in three passes (exact, Porter stem, WordNet synonym), so "sick" for "ill" still matches, where BLEU would count a miss.',
    'Recall weighs more than precision (METEOR\'s F-mean with alpha 0.9), then a fragmentation penalty lowers the score when the matched words are scattered in many chunks instead of running in the reference\'s order.',
    'That penalty is capped at one half. Shuffling the reference\'s own words (word salad) keeps every match and loses only the penalty, so it still scores far above a real but different translation. METEOR alone does not guard against salad: check fluency another way (a rouge_2 or a judge) if the policy starts producing it.',
    'Tokens are split on spaces, as Python\'s str.split() does, so punctuation stays attached: "ill." and "sick." are words that WordNet does not know. The reference here has no final full stop and the task asks for none; in a real dataset, normalise the references and the instructions together, or grade with a python grader that strips punctuation first.',
  ],
  grader: {
    type: 'text_similarity',
    name: 'METEOR against the reference',
    input: '{{ sample.output_text }}',
    reference: '{{ item.reference }}',
    evaluation_metric: 'meteor',
  },
  item: {
    source: 'La réunion a été reportée parce que la directrice était malade.',
    target_language: 'English (no final full stop)',
    reference: 'The meeting was postponed because the manager was ill',
  },
  samples: [
    { label: 'good', note: 'The reference word for word, except "sick", which WordNet lists as a synonym of "ill": nine matches in one chunk, 0.9993.', sample: textSample('The meeting was postponed because the manager was sick'), expectedReward: 0.9993141289437586 },
    { label: 'partial', note: 'Right meaning, different words: "delayed", "since" and "boss" match nothing in the reference (WordNet does not list them with "postponed", "because", "manager"), so recall falls: 0.625.', sample: textSample('The meeting was delayed since the boss was sick'), expectedReward: 0.625 },
    { label: 'wrong', note: 'The opposite meaning: four shared words in four chunks: 0.23.', sample: textSample('The manager held the meeting as planned'), expectedReward: 0.2272727272727273 },
    {
      label: 'gaming',
      note: 'The reference\'s words shuffled: every word matches but in many chunks, so the penalty takes the score down to exactly half: 0.5, far below the good translation but twice the wrong one. This is METEOR\'s limit.',
      sample: textSample('ill manager the because postponed was meeting the was'),
      expectedReward: 0.5,
    },
  ],
  tags: ['text_similarity', 'meteor', 'translation'],
};
