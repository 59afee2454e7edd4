/**
 * JSON Schema of OpenAI's grader format, for the grader editor's completion, hover docs and squiggles. Mirrors
 * the engine's types (src/engine/types.ts) and OpenAI's OpenAPI schemas; the engine's validate.ts stays the
 * authority (it reports what a schema cannot say, like passing_labels being among labels).
 */
import { REASONING_EFFORTS, TEXT_SIMILARITY_METRICS } from '../../engine/types.ts';

const template = (what: string) =>
  `${what}. May contain templates such as {{ sample.output_text }} or {{ item.reference_answer }} (namespaces: sample, item).`;

const name = { type: 'string', description: 'A name for the grader (shown in results; in a multi grader the map key, not this name, is the variable).' };
const passThreshold = {
  type: 'number',
  description: 'Evals only: the score at or above which the sample passes. The playground shows a pass/fail badge; it never changes the reward.',
};

const content = {
  anyOf: [
    { type: 'string', description: template('Message text') },
    {
      type: 'object',
      required: ['type', 'text'],
      properties: { type: { enum: ['input_text', 'output_text'] }, text: { type: 'string', description: template('Text') } },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['type', 'image_url'],
      properties: {
        type: { const: 'input_image' },
        image_url: { type: 'string', description: template('Image URL or data URL') },
        detail: { enum: ['high', 'low', 'auto'] },
        file_id: { type: ['string', 'null'] },
      },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['type', 'input_audio'],
      properties: {
        type: { const: 'input_audio' },
        input_audio: {
          type: 'object',
          required: ['data', 'format'],
          properties: { data: { type: 'string', description: template('Base64 audio') }, format: { type: 'string' } },
        },
      },
      additionalProperties: false,
    },
  ],
};

const messages = {
  type: 'array',
  minItems: 1,
  description: 'The messages sent to the judge model. Text parts are templates.',
  items: {
    type: 'object',
    required: ['role', 'content'],
    properties: {
      role: { enum: ['system', 'developer', 'user', 'assistant'] },
      type: { const: 'message' },
      content: { anyOf: [content, { type: 'array', items: content }] },
    },
    additionalProperties: false,
  },
};

const graders = {
  string_check: {
    type: 'object',
    description: 'Compares two rendered strings. Reward 1 or 0.',
    required: ['type', 'name', 'input', 'reference', 'operation'],
    properties: {
      type: { const: 'string_check' },
      name,
      input: { type: 'string', description: template('The text being checked (the haystack for like/ilike)') },
      reference: { type: 'string', description: template('The text to compare against (the needle for like/ilike)') },
      operation: {
        enum: ['eq', 'ne', 'like', 'ilike'],
        markdownEnumDescriptions: [
          '**eq**: input equals reference (case-sensitive)',
          '**ne**: input differs from reference (case-sensitive)',
          '**like**: input contains reference (case-sensitive substring; `%` and `_` are literal)',
          '**ilike**: input contains reference, ignoring case (Python `str.lower()`)',
        ],
      },
      pass_threshold: passThreshold,
    },
    additionalProperties: false,
  },
  text_similarity: {
    type: 'object',
    description: 'Scores how similar two rendered strings are, from 0 to 1.',
    required: ['type', 'name', 'input', 'reference', 'evaluation_metric'],
    properties: {
      type: { const: 'text_similarity' },
      name,
      input: { type: 'string', description: template('The text being graded') },
      reference: { type: 'string', description: template('The text being graded against') },
      evaluation_metric: {
        enum: [...TEXT_SIMILARITY_METRICS],
        markdownEnumDescriptions: [
          '**cosine**: cosine similarity of embeddings (needs an embeddings endpoint; evals only at OpenAI)',
          '**fuzzy_match**: rapidfuzz `WRatio` with `default_process`, / 100 (a setting picks the scorer)',
          '**bleu**: NLTK `sentence_bleu`, tokens from `str.split()`',
          '**gleu**: NLTK `sentence_gleu` (Google BLEU)',
          '**meteor**: NLTK `meteor_score` with WordNet 3.0',
          '**rouge_1**: rouge-score ROUGE-1 F-measure',
          '**rouge_2**: rouge-score ROUGE-2 F-measure',
          '**rouge_3**: rouge-score ROUGE-3 F-measure',
          '**rouge_4**: rouge-score ROUGE-4 F-measure',
          '**rouge_5**: rouge-score ROUGE-5 F-measure',
          '**rouge_l**: rouge-score ROUGE-L F-measure (longest common subsequence)',
        ],
      },
      pass_threshold: passThreshold,
    },
    additionalProperties: false,
  },
  python: {
    type: 'object',
    description: 'Runs `grade(sample, item)` from the source; its float return value is the reward.',
    required: ['type', 'name', 'source'],
    properties: {
      type: { const: 'python' },
      name,
      source: { type: 'string', description: 'Python source defining grade(sample: dict, item: dict) -> float. At most 256 KB.' },
      image_tag: { type: 'string', description: 'The grader image, e.g. "2025-05-08".' },
      pass_threshold: passThreshold,
    },
    additionalProperties: false,
  },
  score_model: {
    type: 'object',
    description: 'Asks a judge model for {"result": number, "steps": [...]}; the reward is result clamped to range.',
    required: ['type', 'name', 'model', 'input'],
    properties: {
      type: { const: 'score_model' },
      name,
      model: { type: 'string', description: 'The judge model, e.g. "gpt-4.1-2025-04-14" or "o3-mini-2025-01-31".' },
      input: messages,
      range: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[min, max] the result is clamped to. Default [0, 1].' },
      sampling_params: {
        type: 'object',
        properties: {
          seed: { type: ['integer', 'null'] },
          top_p: { type: ['number', 'null'] },
          temperature: { type: ['number', 'null'], description: 'Not supported by reasoning models.' },
          max_completions_tokens: { type: ['integer', 'null'], minimum: 1, description: 'Note the plural "completions".' },
          reasoning_effort: { enum: [...REASONING_EFFORTS, null], description: 'Reasoning models only.' },
        },
        additionalProperties: false,
      },
      pass_threshold: passThreshold,
    },
    additionalProperties: false,
  },
  label_model: {
    type: 'object',
    description: 'Asks a judge model to pick one of labels; reward 1 when it is among passing_labels. Only inside multi (or evals).',
    required: ['type', 'name', 'model', 'input', 'labels', 'passing_labels'],
    properties: {
      type: { const: 'label_model' },
      name,
      model: { type: 'string', description: 'A model that supports structured outputs.' },
      input: messages,
      labels: { type: 'array', items: { type: 'string' }, minItems: 2 },
      passing_labels: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Must be among labels.' },
    },
    additionalProperties: false,
  },
  // Playground-only: OpenAI has no such type; the validator warns and "Export as python grader" converts it.
  ast_grep: {
    type: 'object',
    description:
      'GRADER PLAYGROUND ONLY (OpenAI rejects this type; export it as a python grader using ast_grep_py). ast-grep checks over the code blocks of sample.output_text; reward = fraction of checks that match.',
    required: ['type', 'name', 'checks'],
    properties: {
      type: { const: 'ast_grep' },
      name,
      checks: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['rule'],
          properties: {
            lang: { type: 'string', description: 'Only blocks in this language (an ast-grep name or alias: python, ts, tsx, js, rust, go, ...). Blocks that name no language are parsed as this one.' },
            path_prefix: { type: 'string', description: 'Only blocks whose file path (from the fence, the line above it or a first-line comment) starts with this.' },
            rule: {
              anyOf: [
                { type: 'string', description: 'An ast-grep pattern, e.g. "await fetch($$$ARGS)".' },
                { type: 'object', description: 'An ast-grep rule ({"kind": ..., "has": {...}}) or rule config ({"rule": ..., "constraints": ...}).' },
              ],
            },
            name: { type: 'string', description: 'Shown in the explanation (default: the pattern).' },
          },
          additionalProperties: false,
        },
      },
      pass_threshold: passThreshold,
    },
    additionalProperties: false,
  },
};

const subGrader = { oneOf: Object.values(graders) };

export const graderSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'OpenAI grader',
  oneOf: [
    ...Object.values(graders),
    {
      type: 'object',
      description: 'Combines named sub-graders with a formula over their scores.',
      required: ['type', 'name', 'graders', 'calculate_output'],
      properties: {
        type: { const: 'multi' },
        name,
        graders: {
          type: 'object',
          description: 'A map from variable name to grader; each key is a variable in calculate_output. No nested multi.',
          additionalProperties: subGrader,
        },
        calculate_output: {
          type: 'string',
          description: 'A formula over the keys: + - * / ^ (power), parentheses, min, max, abs, floor, ceil, exp, sqrt, log. E.g. "(name + email) / 2".',
        },
        pass_threshold: passThreshold,
      },
      additionalProperties: false,
    },
  ],
};

export const sampleSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Sample (the model output)',
  type: 'object',
  properties: {
    output_text: { type: 'string', description: "The model's output as text: {{ sample.output_text }}." },
    output_json: { description: 'The output parsed as JSON (present when the model used a JSON response format).' },
    output_tools: {
      type: 'array',
      description: "The model's tool calls, as Chat Completions tool_calls.",
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          type: { const: 'function' },
          function: { type: 'object', properties: { name: { type: 'string' }, arguments: { type: 'string', description: 'A JSON string.' } } },
        },
      },
    },
    choices: { type: 'array', description: 'Chat Completions choices.' },
    output_audio: { type: 'object' },
  },
};
