/** Worked example: numeric answers to math questions, parsed from fractions, decimals and percents, within a tolerance. Data only. */
import { textSample } from '../helpers.ts';
import type { GalleryExample } from '../types.ts';

export const mathTolerance: GalleryExample = {
  id: 'math-tolerance',
  title: 'Math answers with a numeric tolerance',
  useCase: 'Math word problems with a numeric final answer',
  summary: 'A python grader reads the final "Answer:" line, parses 1/6, 0.1667, 16.7% or \\frac{1}{6} to a number, and accepts it within a relative and an absolute tolerance.',
  design: [
    'An exact string match would fail "1/6" against "0.1667" against "16.7%", which are all the same answer. Parsing to a number and comparing with math.isclose rewards the value, not the spelling.',
    'Two tolerances, both from the item: a relative one (rel_tol, here 1%, so a sensibly rounded answer passes) and an absolute one (abs_tol) for answers near zero, where a relative tolerance alone would demand impossible precision.',
    'The answer must be on a final "Answer:" line and hold exactly one number. Without that line the grader falls back to the last number of the text for half credit, which teaches the format without hiding a right answer. A line with several numbers ("1/6 or 1/12") is a hedge and gets 0.',
    'Percents are divided by 100 and fractions are computed exactly (fractions.Fraction) before the comparison, so no rounding of the grader\'s own creeps in.',
  ],
  grader: {
    type: 'python',
    name: 'final answer within tolerance',
    source: String.raw`import math
import re
from fractions import Fraction

NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)?\s*%?")


def numbers(text):
    text = re.sub(r"\\[dt]?frac\{([^{}]+)\}\{([^{}]+)\}", r"(\1)/(\2)", text)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # 1,000 -> 1000
    text = text.replace("(", "").replace(")", "")
    return NUMBER.findall(text)


def value(token):
    token = token.replace(" ", "")
    percent = token.endswith("%")
    token = token.rstrip("%")
    if "/" in token:
        top, bottom = token.split("/")
        if Fraction(bottom) == 0:
            return None
        x = Fraction(top) / Fraction(bottom)
    else:
        x = Fraction(token)
    return float(x / 100 if percent else x)


def grade(sample, item):
    text = sample["output_text"]
    lines = re.findall(r"(?im)^\s*answer\s*:(.*)$", text)
    if lines:
        found, credit = numbers(lines[-1]), 1.0
        if len(found) != 1:
            return 0.0  # no number, or a hedge between several
    else:
        found, credit = numbers(text)[-1:], 0.5
        if not found:
            return 0.0
    got = value(found[0])
    expected = value(item["answer"])
    if got is None:
        return 0.0
    ok = math.isclose(got, expected, rel_tol=item["rel_tol"], abs_tol=item["abs_tol"])
    return credit if ok else 0.0
`,
  },
  item: {
    question: 'Two fair six-sided dice are rolled. What is the probability that the sum is at least 10? End with a line "Answer: <number>".',
    answer: '1/6',
    rel_tol: 0.01,
    abs_tol: 1e-9,
  },
  samples: [
    {
      label: 'good',
      note: 'Exact fraction on the Answer line: 1.',
      sample: textSample('Sums of 10, 11 and 12 come from 3 + 2 + 1 = 6 of the 36 outcomes.\nAnswer: 1/6'),
      expectedReward: 1,
    },
    {
      label: 'good',
      note: '16.7% is 0.167, within 1% of 1/6 (0.1667): 1. The same value spelled differently earns the same reward.',
      sample: textSample('6 favourable outcomes out of 36.\nAnswer: 16.7%'),
      expectedReward: 1,
    },
    {
      label: 'good',
      note: 'LaTeX \\frac{1}{6} is parsed as 1/6: 1.',
      sample: textSample('The favourable outcomes are (4,6), (5,5), (6,4), (5,6), (6,5), (6,6).\nAnswer: \\frac{1}{6}'),
      expectedReward: 1,
    },
    {
      label: 'partial',
      note: 'The right value but no "Answer:" line: the last number of the text is read, for half credit.',
      sample: textSample('There are 6 favourable outcomes out of 36, so the probability is about 0.1667.'),
      expectedReward: 0.5,
    },
    {
      label: 'wrong',
      note: 'Rounded too early: 0.17 is 2% away from 1/6, outside the 1% tolerance: 0.',
      sample: textSample('Roughly one in six.\nAnswer: 0.17'),
      expectedReward: 0,
    },
    {
      label: 'wrong',
      note: 'Only sums of 11 and 12 counted: 1/12 is wrong: 0.',
      sample: textSample('Sums above 10: (5,6), (6,5), (6,6), so 3 of 36.\nAnswer: 1/12'),
      expectedReward: 0,
    },
    {
      label: 'gaming',
      note: 'A hedge between three values on the Answer line: several numbers give 0, though one of them is right.',
      sample: textSample('It depends on how you count.\nAnswer: 1/6 or 1/12 or 1/4'),
      expectedReward: 0,
    },
  ],
  tags: ['python', 'math', 'numeric tolerance', 'format'],
};
