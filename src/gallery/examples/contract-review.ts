/** Worked example: reviewing two versions of a contract clause, judged against a rubric of expected findings (score_model). Data only. */
import { judgeReply, textSample } from '../helpers.ts';
import type { GalleryExample } from '../types.ts';

const v1 = `7. Confidentiality. For a period of two (2) years after disclosure, the Recipient shall keep the Discloser's Confidential Information secret and use it only to evaluate the Proposed Transaction. Confidential Information does not include information that the Recipient develops independently without use of the Discloser's information. This Agreement is governed by the laws of the State of New York.`;

const v2 = `7. Confidentiality. For a period of five (5) years after disclosure, the Recipient shall keep the Discloser's Confidential Information secret and use it only to evaluate the Proposed Transaction. During the same period, the Recipient shall not solicit for employment any employee of the Discloser. This Agreement is governed by the laws of the State of New York.`;

const rubric = `You review a lawyer's summary of the changes between two versions of a contract clause, for a client who is the Recipient.
The item lists the material changes that a correct review must find. Score:
- 0.2 for each listed change the summary identifies correctly (3 changes, up to 0.6);
- 0.2 if the summary says, for each change it finds, whether it is worse or better for the Recipient, and is right;
- 0.2 if the summary is concise (under 150 words) and invents no change that is not in the texts.
Subtract 0.1 for each change the summary claims that is not in the texts (the result cannot go below 0).
Judge only what the summary says about these two texts. Do not reward hedging such as "other terms may also have changed".
Reply with "result" between 0 and 1 and one step per rubric line.`;

export const contractReview: GalleryExample = {
  id: 'contract-review',
  title: 'Contract review: compare two versions and summarise, judged by a rubric',
  useCase: 'Legal document review: redline comparison and a client summary',
  summary: 'A score_model grader gives the judge both versions of the clause, the list of material changes a correct review finds, and a rubric that credits each change found and penalises invented ones.',
  design: [
    'A review is judged on what it finds and how it explains it to the client, in free text, so a judge model grades it. The judge is not asked to review the contract itself: the item lists the material changes, written by a lawyer, and the judge checks the summary against them. This keeps the judge\'s task narrow and its scores steadier.',
    'Credit is additive and traceable: 0.2 per change found, 0.2 for assessing the impact on the client correctly, 0.2 for concision with no invented changes. A review that finds two of three changes and explains them scores 0.6, whichever two they are.',
    'Invented changes cost 0.1 each, and the rubric says not to reward hedging. Without that, a policy learns to list every clause type that might have changed ("the term, the scope, the remedies, the governing law...") and collect the credit for whatever happens to be right.',
  ],
  grader: {
    type: 'score_model',
    name: 'contract review rubric',
    model: 'gpt-4.1-2025-04-14',
    input: [
      { role: 'system', content: rubric },
      {
        role: 'user',
        content:
          'Version 1:\n{{ item.version_1 }}\n\nVersion 2:\n{{ item.version_2 }}\n\nMaterial changes a correct review finds:\n{{ item.expected_changes }}\n\nSummary to grade:\n<summary>\n{{ sample.output_text }}\n</summary>',
      },
    ],
    range: [0, 1],
    sampling_params: { temperature: 0 },
  },
  item: {
    task: 'Compare version 1 and version 2 of clause 7 and summarise the changes for our client, the Recipient, with their impact.',
    version_1: v1,
    version_2: v2,
    expected_changes: [
      'The confidentiality period grows from two to five years (worse for the Recipient).',
      'The carve-out for independently developed information is removed (worse for the Recipient: its own developments may now count as confidential).',
      'A new non-solicitation of the Discloser\'s employees for the same period (worse for the Recipient).',
    ],
  },
  samples: [
    {
      label: 'good',
      note: 'All three changes, each with its impact, concise: 0.6 + 0.2 + 0.2 = 1.',
      sample: textSample(
        'Three changes, all unfavourable to you: (1) confidentiality now lasts five years instead of two; (2) the exclusion for information you develop independently is gone, so your own work could be claimed as their confidential information, which is the most serious change; (3) a new non-solicitation clause bars you from recruiting their employees for the same five years. Governing law is unchanged. I recommend pushing back on (2) first.',
      ),
      judgeReply: judgeReply(1, [
        ['Changes found', 'Term, carve-out removal and non-solicit all identified: 0.6.'],
        ['Impact', 'Each correctly described as unfavourable, with reasons: 0.2.'],
        ['Concise, nothing invented', 'About 80 words, no invented change: 0.2.'],
      ]),
      expectedReward: 1,
    },
    {
      label: 'partial',
      note: 'Finds the longer term and the non-solicit with their impact, misses the removed carve-out: 0.4 + 0.2 + 0.2 = 0.8.',
      sample: textSample(
        'Two changes to watch: the confidentiality period goes from two to five years, and there is a new ban on soliciting their employees for that period. Both restrict you more than version 1.',
      ),
      judgeReply: judgeReply(0.8, [
        ['Changes found', 'Term and non-solicit found; the removed independent-development carve-out is missed: 0.4.'],
        ['Impact', 'Both correctly described as more restrictive: 0.2.'],
        ['Concise, nothing invented', 'Short, nothing invented: 0.2.'],
      ]),
      expectedReward: 0.8,
    },
    {
      label: 'wrong',
      note: 'Says the versions are substantively the same, and invents a change of governing law: 0 for changes and impact, the concision point lost to the invented change, minus 0.1: clamped at 0.',
      sample: textSample('The two versions are essentially the same. Version 2 moves governing law to Delaware, which is neutral for you.'),
      judgeReply: judgeReply(0, [
        ['Changes found', 'None of the three: 0.'],
        ['Impact', 'No correct change assessed: 0.'],
        ['Concise, nothing invented', 'Invents a governing-law change: 0, and -0.1 for the invented change; the result stays at 0.'],
      ]),
      expectedReward: 0,
    },
    {
      label: 'gaming',
      note: 'A checklist of everything that might have changed, which happens to include two real changes: 0.4 for them, no impact assessed, and five invented changes at -0.1 each: 0.4 - 0.5, so 0.',
      sample: textSample(
        'Version 2 may change any of the following: the confidentiality period, the definition of confidential information, the permitted use, the remedies, the governing law, the indemnity, the term of the agreement, and employee solicitation. Other terms may also have changed. Review all of them carefully.',
      ),
      judgeReply: judgeReply(0, [
        ['Changes found', 'The period and the solicitation change are named among guesses; the carve-out is not identified: 0.4.'],
        ['Impact', 'No impact stated: 0.'],
        ['Concise, nothing invented', 'Claims changes to permitted use, remedies, governing law, indemnity and term that are not in the texts: 0, and -0.5.'],
      ]),
      expectedReward: 0,
    },
  ],
  tags: ['score_model', 'rubric', 'judge', 'legal'],
};
