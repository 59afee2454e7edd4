/**
 * The shapes the engine speaks: OpenAI's grader JSON (as a TypeScript union), the sample and item a grader
 * sees, and the RunResult that `POST /v1/fine_tuning/alpha/graders/run` returns (plus our own `explain`).
 * Pure types: no DOM, no Node, no runtime code besides constants.
 */
import type { LosslessNumber } from 'lossless-json';

/** A JSON value as parsed by `parseJson` (numbers stay LosslessNumber so `1.0` keeps its float nature). */
export type JsonValue = null | boolean | string | number | LosslessNumber | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

// ---------------------------------------------------------------------------------------------------------
// Graders (field names exactly as in OpenAI's OpenAPI spec)

export type StringCheckOperation = 'eq' | 'ne' | 'like' | 'ilike';

export interface StringCheckGrader {
  type: 'string_check';
  name: string;
  input: string;
  reference: string;
  operation: StringCheckOperation;
  pass_threshold?: number;
}

export const TEXT_SIMILARITY_METRICS = [
  'cosine',
  'fuzzy_match',
  'bleu',
  'gleu',
  'meteor',
  'rouge_1',
  'rouge_2',
  'rouge_3',
  'rouge_4',
  'rouge_5',
  'rouge_l',
] as const;
export type TextSimilarityMetric = (typeof TEXT_SIMILARITY_METRICS)[number];

export interface TextSimilarityGrader {
  type: 'text_similarity';
  name: string;
  input: string;
  reference: string;
  evaluation_metric: TextSimilarityMetric;
  pass_threshold?: number;
}

export interface PythonGrader {
  type: 'python';
  name: string;
  source: string;
  image_tag?: string;
  pass_threshold?: number;
}

export type ContentPart =
  | string
  | { type: 'input_text'; text: string }
  | { type: 'output_text'; text: string }
  | { type: 'input_image'; image_url: string; detail?: 'high' | 'low' | 'auto'; file_id?: string | null }
  | { type: 'input_audio'; input_audio: { data: string; format: string } };

export interface InputMessage {
  role: 'user' | 'assistant' | 'system' | 'developer';
  type?: 'message';
  content: ContentPart | ContentPart[];
}

export const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;

export interface SamplingParams {
  seed?: number | null;
  top_p?: number | null;
  temperature?: number | null;
  max_completions_tokens?: number | null;
  reasoning_effort?: (typeof REASONING_EFFORTS)[number] | null;
}

export interface ScoreModelGrader {
  type: 'score_model';
  name: string;
  model: string;
  input: InputMessage[];
  range?: [number, number];
  sampling_params?: SamplingParams;
  pass_threshold?: number;
}

export interface LabelModelGrader {
  type: 'label_model';
  name: string;
  model: string;
  input: InputMessage[];
  labels: string[];
  passing_labels: string[];
}

/** One check of an ast_grep grader: an ast-grep pattern string or rule over the sample's code blocks. */
export interface AstGrepCheck {
  /** Only blocks in this language (any ast-grep name or alias); absent: every block with a known language. */
  lang?: string;
  /** Only blocks whose file path starts with this. */
  path_prefix?: string;
  /** A pattern string, a rule object (`{pattern, kind, has, ...}`) or a config (`{rule, constraints, utils, transform}`). */
  rule: string | Record<string, unknown>;
  name?: string;
}

/** Playground-only (OpenAI has no such type): the fraction of checks that match in `sample.output_text`'s code blocks. */
export interface AstGrepGrader {
  type: 'ast_grep';
  name: string;
  checks: AstGrepCheck[];
  pass_threshold?: number;
}

/** A grader allowed inside `multi.graders` (no nesting of multi). */
export type SubGrader = StringCheckGrader | TextSimilarityGrader | PythonGrader | ScoreModelGrader | LabelModelGrader | AstGrepGrader;

export interface MultiGrader {
  type: 'multi';
  name: string;
  graders: Record<string, SubGrader>;
  calculate_output: string;
  pass_threshold?: number;
}

export type Grader = SubGrader | MultiGrader;
export type GraderType = Grader['type'];

export const GRADER_TYPES: readonly GraderType[] = [
  'string_check',
  'text_similarity',
  'python',
  'score_model',
  'label_model',
  'multi',
];

// ---------------------------------------------------------------------------------------------------------
// RunResult: OpenAI's RunGraderResponse, field for field, plus our optional `explain`.

export interface GraderErrors {
  formula_parse_error: boolean;
  sample_parse_error: boolean;
  truncated_observation_error: boolean;
  unresponsive_reward_error: boolean;
  invalid_variable_error: boolean;
  other_error: boolean;
  python_grader_server_error: boolean;
  python_grader_server_error_type: string | null;
  python_grader_runtime_error: boolean;
  python_grader_runtime_error_details: string | null;
  model_grader_server_error: boolean;
  model_grader_refusal_error: boolean;
  model_grader_parse_error: boolean;
  model_grader_server_error_details: string | null;
}

/** The boolean flags among the 14 error keys (the other three carry details). */
export type ErrorFlag = {
  [K in keyof GraderErrors]: GraderErrors[K] extends boolean ? K : never;
}[keyof GraderErrors];

export const ERROR_FLAGS: readonly ErrorFlag[] = [
  'formula_parse_error',
  'sample_parse_error',
  'truncated_observation_error',
  'unresponsive_reward_error',
  'invalid_variable_error',
  'other_error',
  'python_grader_server_error',
  'python_grader_runtime_error',
  'model_grader_server_error',
  'model_grader_refusal_error',
  'model_grader_parse_error',
];

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cached_tokens: number;
}

export interface RunMetadata {
  name: string;
  type: string;
  errors: GraderErrors;
  /** Seconds, as in OpenAI's response. */
  execution_time: number;
  scores: Record<string, unknown>;
  token_usage: TokenUsage | null;
  sampled_model_name: string | null;
}

export interface RunResult {
  reward: number;
  metadata: RunMetadata;
  sub_rewards: Record<string, number>;
  model_grader_token_usage_per_model: Record<string, TokenUsage>;
  /** Ours, not OpenAI's: everything the UI shows to say why the reward is what it is. */
  explain?: Explanation;
}

/** One rendered template field: where it came from and what it became. */
export interface RenderedField {
  /** JSON pointer of the field inside the grader, e.g. `/input` or `/graders/name/reference`. */
  pointer: string;
  template: string;
  rendered: string;
  /** True when a variable held a non-string value, rendered as JSON (an assumption the UI shows). */
  json?: boolean;
}

/** A human-readable problem attached to a result (an error flag's detail, with a location when known). */
export interface Problem {
  flag: ErrorFlag;
  message: string;
  /** JSON pointer into the grader (or `sample:`/`item:` prefixed pointer into those documents). */
  pointer?: string;
}

/** An assumption the engine made where OpenAI is silent, shown next to the score it affects. */
export interface Assumption {
  id: string;
  text: string;
  /** The settings key that changes it, when one exists. */
  setting?: keyof EngineSettings;
}

export interface Explanation {
  /** The grader type this explanation is for. */
  type: string;
  /** One sentence saying why the reward is what it is. */
  summary: string;
  rendered: RenderedField[];
  problems: Problem[];
  assumptions: Assumption[];
  /** Grader-specific details (string_check comparison, metric tables, python stdout, judge steps...). */
  details?: Record<string, unknown>;
  /** Sub-grader explanations for `multi`, by key. */
  children?: Record<string, Explanation>;
  /** Pass/fail against `pass_threshold` when the grader has one (never changes the reward). */
  pass?: { threshold: number; passed: boolean };
}

// ---------------------------------------------------------------------------------------------------------
// Settings: every choice where OpenAI is silent, visible and changeable.

/** rapidfuzz's fuzz scorers, in the order the settings list them (WRatio, OpenAI's own example, first). */
export const FUZZY_SCORERS = [
  'WRatio',
  'ratio',
  'partial_ratio',
  'token_sort_ratio',
  'token_set_ratio',
  'token_ratio',
  'partial_token_sort_ratio',
  'partial_token_set_ratio',
  'partial_token_ratio',
  'QRatio',
] as const;
export type FuzzyScorer = (typeof FUZZY_SCORERS)[number];

export interface EngineSettings {
  /** Render non-string template values as compact JSON (`{"a":1}`) instead of Python's `json.dumps` default. */
  compactJson: boolean;
  /** The rapidfuzz scorer behind `fuzzy_match` (default WRatio, as OpenAI's own example). */
  fuzzyScorer: FuzzyScorer;
  /** Apply rapidfuzz's `utils.default_process` before the fuzzy scorer (default on). */
  fuzzyDefaultProcess: boolean;
  /** Porter stemming in ROUGE's tokenizer (default off, rouge-score's default). */
  rougeStemming: boolean;
  /** Treat `%` and `_` in like/ilike as SQL wildcards (default off: they are literal). */
  sqlLikeWildcards: boolean;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  compactJson: false,
  fuzzyScorer: 'WRatio',
  fuzzyDefaultProcess: true,
  rougeStemming: false,
  sqlLikeWildcards: false,
};
