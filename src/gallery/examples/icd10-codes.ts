/** Worked example: ICD-10-CM code sets graded by F1, with half credit for a code in the right category. Data only. */
import { textSample } from '../helpers.ts';
import type { GalleryExample } from '../types.ts';

export const icd10Codes: GalleryExample = {
  id: 'icd10-codes',
  title: 'Medical code sets: F1 with credit for the right category',
  useCase: 'Assigning ICD-10-CM diagnosis codes to a clinical note',
  summary: 'A python grader extracts the codes from the answer and scores set F1, where an exact code counts 1 and a code in the right three-character category counts 0.5.',
  design: [
    'A note usually needs several codes, and their order does not matter: the answer is a set. F1 balances recall (every expected code found) against precision (no codes that do not belong), so both forgetting a diagnosis and padding the list cost reward.',
    'ICD-10 codes are hierarchical: the first three characters are the category (E11 is type 2 diabetes), the rest is detail. A code in the right category with the wrong detail (N18.30 for N18.31) is a near miss, worth 0.5, not a miss. Exact matches are paired first, then each remaining expected code can take one remaining code of its category.',
    'Codes are read wherever they appear (with or without the dot, any case), and duplicates are dropped. Listing every code of the likely categories does not pay: each extra code lowers precision, and a category match is only given to an expected code that is still unmatched.',
    'The grader knows nothing about medicine: the item holds the expected codes, as a coder wrote them. Its job is only to give fair partial credit.',
  ],
  grader: {
    type: 'python',
    name: 'ICD-10 set F1 with category credit',
    source: String.raw`import re

CODE = re.compile(r"\b([A-TV-Z][0-9][0-9AB])\.?([0-9A-TV-Z]{0,4})\b", re.I)


def codes(text):
    return {(a + b).upper() for a, b in CODE.findall(text)}


def grade(sample, item):
    predicted = codes(sample["output_text"])
    expected = {c.replace(".", "").upper() for c in item["expected_codes"]}
    if not predicted or not expected:
        return 0.0
    exact = predicted & expected
    left_pred = sorted(predicted - exact)
    credit = float(len(exact))
    for code in sorted(expected - exact):
        near = next((p for p in left_pred if p[:3] == code[:3]), None)
        if near is not None:
            left_pred.remove(near)
            credit += 0.5
    return 2 * credit / (len(predicted) + len(expected))
`,
  },
  item: {
    note: '68-year-old with type 2 diabetes mellitus and diabetic chronic kidney disease, stage 3a (eGFR 52). Long-standing hypertension. Seen for a routine review.',
    instructions: 'List the ICD-10-CM codes for this encounter, comma-separated.',
    expected_codes: ['E11.22', 'I12.9', 'N18.31'],
  },
  samples: [
    { label: 'good', note: 'The three expected codes: 1.', sample: textSample('E11.22, I12.9, N18.31'), expectedReward: 1 },
    {
      label: 'good',
      note: 'The same codes without dots, lower case, inside a sentence: 1.',
      sample: textSample('Codes: e1122 (T2DM with diabetic CKD), i129 (hypertensive CKD), n1831 (CKD stage 3a).'),
      expectedReward: 1,
    },
    {
      label: 'partial',
      note: 'E11.22 exact (1), N18.30 in the right category N18 (0.5), I10 wrong: with hypertension and CKD together the code is I12.9. Credit 1.5 over 3 + 3 codes: F1 = 0.5.',
      sample: textSample('E11.22, I10, N18.30'),
      expectedReward: 0.5,
    },
    {
      label: 'wrong',
      note: 'Type 1 diabetes (E10) and a screening code: no exact match, no category match: 0.',
      sample: textSample('E10.22, Z13.1'),
      expectedReward: 0,
    },
    {
      label: 'gaming',
      note: 'Fifteen codes from every plausible category, including the three right ones: 3 exact matches over 15 + 3 codes gives F1 = 1/3, well below the precise answer.',
      sample: textSample('E11.0, E11.1, E11.21, E11.22, E11.29, E11.9, I10, I12.0, I12.9, N18.1, N18.2, N18.30, N18.31, N18.32, N18.4'),
      expectedReward: 1 / 3,
    },
  ],
  tags: ['python', 'set F1', 'partial credit', 'medical coding'],
};
