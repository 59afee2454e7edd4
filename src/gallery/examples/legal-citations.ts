/** Worked example: verbatim quotations from a contract, graded by fuzzy F1 over passages (rapidfuzz ratio). Data only. */
import { jsonSample } from '../helpers.ts';
import type { GalleryExample } from '../types.ts';

const clause = [
  '12.1 The Tenant shall not sublet the Premises or any part thereof without the prior written consent of the Landlord, which consent shall not be unreasonably withheld.',
  '12.2 Any sublease entered into without such consent shall be void and shall constitute a material breach of this Lease.',
  '12.3 The Tenant may assign this Lease to an affiliate upon thirty (30) days\' written notice to the Landlord.',
  '12.4 The Landlord shall respond to a written request for consent within fifteen (15) business days of receipt.',
];
const passage = (i: number) => clause[i]!.slice(5);

export const legalCitations: GalleryExample = {
  id: 'legal-citations',
  title: 'Verbatim legal citations: fuzzy F1 over passages',
  useCase: 'Answering questions about a contract with verbatim supporting quotations',
  summary: 'A python grader pairs each quoted passage with the closest expected passage by rapidfuzz\'s ratio, keeps pairs above 90, and scores F1 where each pair counts its similarity.',
  design: [
    'The task asks for verbatim quotations, so the grader measures how close each quote is to the source text, character by character: fuzz.ratio, a normalised edit similarity. A stray space or a dropped "the" costs a little, a paraphrase costs everything.',
    'ratio, not partial_ratio: partial_ratio scores the best-matching window of the longer string, so a "quote" that pastes the whole clause scores 100 against every passage, and pasting it once per expected passage would earn full marks. With ratio, length differences count, and the paste scores far below the threshold.',
    'Pairs are matched greedily, most similar first, each quote and each expected passage used once, and only above a threshold of 90: below it, a quote is a paraphrase and earns nothing. Each kept pair adds its similarity (0.9 to 1) to the credit, and F1 = 2 x credit / (quotes + expected passages), so missing passages lower recall and irrelevant quotes lower precision.',
    'Whitespace is collapsed before comparing, so line breaks in the model\'s output do not matter; case and punctuation do, because a legal quotation must keep them.',
  ],
  grader: {
    type: 'python',
    name: 'verbatim quote F1',
    source: String.raw`from rapidfuzz import fuzz

THRESHOLD = 90


def norm(s):
    return " ".join(str(s).split())


def grade(sample, item):
    quotes = [norm(q) for q in (sample.get("output_json") or {}).get("quotes", [])]
    quotes = [q for q in quotes if q]
    gold = [norm(p) for p in item["expected_passages"]]
    if not quotes or not gold:
        return 0.0
    scored = sorted(
        ((fuzz.ratio(q, g), i, j) for i, q in enumerate(quotes) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_q, used_g, credit = set(), set(), 0.0
    for score, i, j in scored:
        if score < THRESHOLD:
            break
        if i in used_q or j in used_g:
            continue
        used_q.add(i)
        used_g.add(j)
        credit += score / 100
    return 2 * credit / (len(quotes) + len(gold))
`,
  },
  item: {
    question: 'Can the tenant sublet without asking, and what happens if they do? Quote the passages that answer this verbatim, as JSON {"answer": "...", "quotes": ["..."]}.',
    document: clause.join('\n'),
    expected_passages: [passage(0), passage(1)],
  },
  samples: [
    {
      label: 'good',
      note: 'Both passages, verbatim: two pairs at 100: 1.',
      sample: jsonSample({ answer: 'No. Subletting needs the landlord\'s written consent; a sublease without it is void and a material breach.', quotes: [passage(0), passage(1)] }),
      expectedReward: 1,
    },
    {
      label: 'partial',
      note: 'The first passage verbatim, the second with "is void and constitutes" for "shall be void and shall constitute": about 93 similar, above 90, so it counts 0.93 instead of 1: F1 = 2 x 1.93 / 4, about 0.965.',
      sample: jsonSample({
        answer: 'No; without consent the sublease is void.',
        quotes: [passage(0), 'Any sublease entered into without such consent is void and constitutes a material breach of this Lease.'],
      }),
      expectedReward: 0.9654377880184332,
    },
    {
      label: 'partial',
      note: 'Only the first passage: one pair at 100 over one quote and two expected passages: F1 = 2/3.',
      sample: jsonSample({ answer: 'Not without the landlord\'s written consent.', quotes: [passage(0)] }),
      expectedReward: 2 / 3,
    },
    {
      label: 'wrong',
      note: 'Paraphrases, not quotations: both below 90: 0.',
      sample: jsonSample({
        answer: 'No.',
        quotes: ['The tenant needs the landlord\'s written OK before subletting, and the landlord cannot refuse without a good reason.', 'Subletting without consent voids the sublease and breaches the lease.'],
      }),
      expectedReward: 0,
    },
    {
      label: 'gaming',
      note: 'The whole clause pasted as one quote, which contains every passage: ratio compares whole strings, so the paste is far below 90 against each passage: 0.',
      sample: jsonSample({ answer: 'See the clause.', quotes: [clause.join(' ')] }),
      expectedReward: 0,
    },
  ],
  tags: ['python', 'rapidfuzz', 'fuzzy F1', 'legal'],
};
