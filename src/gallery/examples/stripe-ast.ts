/**
 * Worked example: API code snippets checked by ast-grep patterns over the answer's fenced code blocks
 * (python with ast_grep_py), combined with a format reward in a multi grader. Data only.
 */
import { textSample } from '../helpers.ts';
import type { GalleryExample } from '../types.ts';

const FENCE = '```';

const goodCode = `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);

export async function subscribe(email, priceId) {
  const customer = await stripe.customers.create({ email });
  return stripe.subscriptions.create({
    customer: customer.id,
    items: [{ price: priceId }],
  });
}`;

export const stripeAst: GalleryExample = {
  id: 'stripe-ast',
  title: 'API code checked by AST patterns, plus a format reward',
  useCase: 'Writing code against an SDK (Stripe in Node.js)',
  summary: 'A multi grader: a python grader parses the answer\'s JavaScript code blocks with ast_grep_py and checks the required SDK calls (75%), and a second python grader rewards exactly one labelled code block (25%).',
  design: [
    'Whether the code calls stripe.customers.create(...) is a question about the syntax tree, not the text. ast-grep matches the pattern "stripe.customers.create($$$)" against real call expressions, whatever the arguments, spacing or line breaks, and never inside a comment or a string. A regex or a like check would be fooled by both.',
    'The API check gives the share of required calls found in the JavaScript code blocks, and 0 if a forbidden call appears (here the legacy Charges API, which the task rules out). The patterns live in the item, so one grader serves a whole dataset of SDK tasks.',
    'The format check is a separate sub-grader, so the two rewards show up separately in sub_rewards: exactly one fenced block labelled javascript or js earns 1, code in unlabelled or several blocks 0.5, no code 0. It weighs only 25%: formatting is cheap to learn and must never outweigh working code.',
    'The grader does not run the code: it checks that the right calls are made, not that they succeed or that their arguments are right. Add patterns with metavariables (for example "stripe.subscriptions.create({ customer: $C, $$$ })") or a test run elsewhere when that matters.',
  ],
  grader: {
    type: 'multi',
    name: 'Stripe code',
    graders: {
      api_calls: {
        type: 'python',
        name: 'required SDK calls (ast-grep)',
        source: String.raw`import re
from ast_grep_py import SgRoot

FENCE = re.compile(r"^\x60\x60\x60[ \t]*([\w+-]*)[^\n]*\n(.*?)^\x60\x60\x60", re.S | re.M)
JS = {"javascript", "js", "mjs", "node"}


def grade(sample, item):
    blocks = [code for lang, code in FENCE.findall(sample["output_text"]) if lang.lower() in JS]
    roots = [SgRoot(code, "javascript").root() for code in blocks]
    if not roots:
        return 0.0

    def found(pattern):
        return any(root.find(pattern=pattern) is not None for root in roots)

    if any(found(p) for p in item.get("forbidden_calls", [])):
        return 0.0
    required = item["required_calls"]
    return sum(1 for p in required if found(p)) / len(required)
`,
      },
      format: {
        type: 'python',
        name: 'one labelled code block',
        source: String.raw`import re

FENCE = re.compile(r"^\x60\x60\x60[ \t]*([\w+-]*)[^\n]*\n(.*?)^\x60\x60\x60", re.S | re.M)


def grade(sample, item):
    blocks = FENCE.findall(sample["output_text"])
    if not blocks:
        return 0.0
    if len(blocks) == 1 and blocks[0][0].lower() in ("javascript", "js"):
        return 1.0
    return 0.5
`,
      },
    },
    calculate_output: '0.75 * api_calls + 0.25 * format',
  },
  item: {
    question: 'In Node.js, write a function subscribe(email, priceId) that creates a Stripe customer for the email and subscribes them to the price. Answer with one javascript code block.',
    required_calls: ['stripe.customers.create($$$)', 'stripe.subscriptions.create($$$)'],
    forbidden_calls: ['stripe.charges.create($$$)'],
  },
  samples: [
    {
      label: 'good',
      note: 'Both calls in one javascript block: 0.75 x 1 + 0.25 x 1 = 1.',
      sample: textSample(`Here is the function:\n\n${FENCE}javascript\n${goodCode}\n${FENCE}\n\nThe customer id links the subscription to the new customer.`),
      expectedReward: 1,
    },
    {
      label: 'partial',
      note: 'The customer is created, but the subscription call is only mentioned in a comment, which ast-grep does not match: 0.75 x 0.5 + 0.25 = 0.625.',
      sample: textSample(
        `${FENCE}js\nimport Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n\nexport async function subscribe(email, priceId) {\n  const customer = await stripe.customers.create({ email });\n  // next: stripe.subscriptions.create({ customer: customer.id, items: [{ price: priceId }] })\n  return customer;\n}\n${FENCE}`,
      ),
      expectedReward: 0.625,
    },
    {
      label: 'partial',
      note: 'Correct code split over two unlabelled blocks: the API check reads only blocks labelled as JavaScript, so it finds nothing (0), and the format check gives 0.5: 0.125. Label your code.',
      sample: textSample(
        `First create the customer:\n\n${FENCE}\nconst customer = await stripe.customers.create({ email });\n${FENCE}\n\nThen the subscription:\n\n${FENCE}\nawait stripe.subscriptions.create({ customer: customer.id, items: [{ price: priceId }] });\n${FENCE}`,
      ),
      expectedReward: 0.125,
    },
    {
      label: 'wrong',
      note: 'A one-off charge with the legacy Charges API, which the item forbids: API check 0, one labelled block 1: 0.25.',
      sample: textSample(
        `${FENCE}javascript\nexport async function subscribe(email, priceId) {\n  const customer = await stripe.customers.create({ email });\n  return stripe.charges.create({ customer: customer.id, amount: 1000, currency: 'usd' });\n}\n${FENCE}`,
      ),
      expectedReward: 0.25,
    },
    {
      label: 'wrong',
      note: 'Prose only, no code: 0.',
      sample: textSample('Call stripe.customers.create with the email, then stripe.subscriptions.create with the customer id and the price.'),
      expectedReward: 0,
    },
    {
      label: 'gaming',
      note: 'The call names in a comment and a log string, around code that does nothing: ast-grep sees no call expression of either, so only the format counts: 0.25.',
      sample: textSample(
        `${FENCE}javascript\n// uses stripe.customers.create() and stripe.subscriptions.create()\nexport async function subscribe(email, priceId) {\n  console.log("stripe.customers.create(", email, ") stripe.subscriptions.create(", priceId, ")");\n  return { ok: true };\n}\n${FENCE}`,
      ),
      expectedReward: 0.25,
    },
  ],
  tags: ['multi', 'python', 'ast-grep', 'code', 'format'],
};
