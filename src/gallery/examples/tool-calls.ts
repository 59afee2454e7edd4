/**
 * Worked examples: grading a tool call. The string version (OpenAI's documented pattern) and its two
 * weaknesses, then a python grader that compares parsed arguments and refuses extra calls. Data only.
 */
import { toolCall } from '../helpers.ts';
import type { GalleryExample } from '../types.ts';

const item = {
  request: 'Put one of the A-17 desk lamps in my cart.',
  function_name: 'add_to_cart',
  arguments: '{"sku": "A-17", "quantity": 1}',
};

const call = (args: string, name = 'add_to_cart') => ({ output_text: '', output_tools: [toolCall('call_1', name, args)] });

const exact = call('{"sku": "A-17", "quantity": 1}');
const float = call('{"sku": "A-17", "quantity": 1.0}');
const reordered = call('{"quantity": 1, "sku":"A-17"}');
const twoLamps = call('{"sku": "A-17", "quantity": 2}');
const wrongTool = call('{"query": "A-17 desk lamp"}', 'search_products');
const noCall = { output_text: 'Sure, I have added the A-17 lamp to your cart.', output_tools: [] };
const extraCalls = {
  output_text: '',
  output_tools: [
    toolCall('call_1', 'add_to_cart', '{"sku": "A-17", "quantity": 1}'),
    toolCall('call_2', 'add_to_cart', '{"sku": "A-17-BULB", "quantity": 4}'),
    toolCall('call_3', 'apply_coupon', '{"code": "WELCOME10"}'),
  ],
};

export const toolCallStrings: GalleryExample = {
  id: 'tool-call-strings',
  title: 'Tool calls by string comparison (and why 1 is not 1.0)',
  useCase: 'Function calling: the right tool with the right arguments',
  summary: 'A multi grader compares the first tool call\'s name and its arguments text with the item, half the reward each; semantically equal arguments written differently lose half the reward.',
  design: [
    'This is the pattern OpenAI documents for tool calls: two string_check graders on {{ sample.output_tools[0].function.name }} and {{ sample.output_tools[0].function.arguments }}, combined with "0.5 * function_name + 0.5 * arguments". It is quick and needs no code.',
    'Its first weakness is that the arguments are compared as text. {"quantity": 1.0}, a different key order, or missing spaces are the same call, but they are different strings, so a correct call loses half its reward. The policy is pushed towards one spelling of JSON instead of towards the right arguments.',
    'Its second weakness is that only output_tools[0] is read. A sample that makes the right call first and then adds more calls (here, a bulb pack and a coupon nobody asked for) gets the full reward: the grader is hackable. And when the model answers in text with no tool call at all, output_tools[0] does not exist: the template fails with invalid_variable_error, reward 0.',
    'The repaired grader is tool-call-parsed.',
  ],
  grader: {
    type: 'multi',
    name: 'tool call (string checks)',
    graders: {
      function_name: {
        type: 'string_check',
        name: 'function name',
        input: '{{ sample.output_tools[0].function.name }}',
        reference: '{{ item.function_name }}',
        operation: 'eq',
      },
      arguments: {
        type: 'string_check',
        name: 'arguments text',
        input: '{{ sample.output_tools[0].function.arguments }}',
        reference: '{{ item.arguments }}',
        operation: 'eq',
      },
    },
    calculate_output: '0.5 * function_name + 0.5 * arguments',
  },
  item,
  samples: [
    { label: 'good', note: 'Same name, same arguments text: 1.', sample: exact, expectedReward: 1 },
    {
      label: 'partial',
      note: 'The same call with quantity 1.0: the arguments text differs from the reference, so only the name counts: 0.5. This is the 1 vs 1.0 weakness.',
      sample: float,
      expectedReward: 0.5,
    },
    {
      label: 'partial',
      note: 'The same arguments in another order and without a space: 0.5, for the same reason.',
      sample: reordered,
      expectedReward: 0.5,
    },
    { label: 'partial', note: 'Right tool, wrong quantity: 0.5.', sample: twoLamps, expectedReward: 0.5 },
    { label: 'wrong', note: 'A search instead of adding to the cart: name and arguments differ: 0.', sample: wrongTool, expectedReward: 0 },
    {
      label: 'wrong',
      note: 'A text reply that claims the lamp was added, with no tool call: output_tools[0] does not exist, so the template fails (invalid_variable_error) and the reward is 0.',
      sample: noCall,
      expectedReward: 0,
      expectedErrors: ['invalid_variable_error'],
    },
    {
      label: 'gaming',
      note: 'The right call first, then two calls nobody asked for: only output_tools[0] is read, so this scores 1, like the good answer.',
      sample: extraCalls,
      expectedReward: 1,
    },
  ],
  tags: ['multi', 'string_check', 'tool calls', 'reward hacking'],
  hackable: {
    why: 'Only the first tool call is compared, so extra calls after a correct one cost nothing: the gaming sample scores 1.',
    fixedIn: 'tool-call-parsed',
  },
};

export const toolCallParsed: GalleryExample = {
  id: 'tool-call-parsed',
  title: 'Tool calls by parsed arguments',
  useCase: 'Function calling: the right tool with the right arguments',
  summary: 'A python grader parses the arguments JSON, compares values (so 1 equals 1.0 and key order is irrelevant), gives credit per argument, and gives 0 when the model makes more than one call.',
  design: [
    'json.loads turns both the model\'s arguments and the expected ones into dictionaries, so key order and spacing disappear, and Python compares 1 == 1.0 as equal numbers. Only a real difference in a value loses credit.',
    'Partial credit is per argument: the share of keys (expected or produced) whose values agree. A wrong quantity keeps the credit for the right product; an invented extra argument counts as a disagreeing key, just as a missing one does.',
    'The task asks for exactly one call, so any other number of calls gives 0: extra calls are side effects a user did not ask for (in a shop, an extra item in the cart), and no reward should hide them. A text reply with no call also gets 0, without an error: the grader checks output_tools itself instead of relying on a template.',
    'A wrong function name gives 0 whatever the arguments: arguments of the wrong tool mean nothing.',
  ],
  grader: {
    type: 'python',
    name: 'tool call (parsed arguments)',
    source: String.raw`import json


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b  # True must not equal 1
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return a == b


def grade(sample, item):
    calls = sample.get("output_tools") or []
    if len(calls) != 1:
        return 0.0  # no call, or calls nobody asked for
    fn = calls[0].get("function", {})
    if fn.get("name") != item["function_name"]:
        return 0.0
    try:
        got = json.loads(fn.get("arguments") or "{}")
    except ValueError:
        return 0.0
    if not isinstance(got, dict):
        return 0.0
    expected = json.loads(item["arguments"])
    keys = set(expected) | set(got)
    if not keys:
        return 1.0
    agree = sum(1 for k in keys if k in got and k in expected and same(got[k], expected[k]))
    return agree / len(keys)
`,
  },
  item,
  samples: [
    { label: 'good', note: 'Same call: 1.', sample: exact, expectedReward: 1 },
    { label: 'good', note: 'quantity 1.0 parses to the same number as 1: 1.', sample: float, expectedReward: 1 },
    { label: 'good', note: 'Key order and spacing vanish once parsed: 1.', sample: reordered, expectedReward: 1 },
    { label: 'partial', note: 'Right tool and product, wrong quantity: 1 of 2 arguments agree: 0.5.', sample: twoLamps, expectedReward: 0.5 },
    { label: 'wrong', note: 'The wrong tool: 0.', sample: wrongTool, expectedReward: 0 },
    { label: 'wrong', note: 'A text reply with no tool call: 0, and no error flag, since the grader checks output_tools itself.', sample: noCall, expectedReward: 0 },
    {
      label: 'gaming',
      note: 'The right call followed by two extra calls: more than one call gives 0.',
      sample: extraCalls,
      expectedReward: 0,
    },
  ],
  tags: ['python', 'tool calls', 'json'],
};
