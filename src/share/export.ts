/**
 * The workspace as calls to OpenAI's real API: the `/fine_tuning/alpha/graders/run` and `/validate` request
 * bodies with ready curl commands, the same calls with the official Python and Node SDKs, and the grader inside
 * a reinforcement fine-tuning job. What only the playground understands is listed as a warning with the
 * OpenAI-compatible alternative. Never contains a key: commands read `$OPENAI_API_KEY` / the SDKs' environment.
 * Builds text only; it calls nothing.
 */
import { isJsonNumber, isJsonObject, isFloatLexeme, losslessJsonText, numberLexeme } from '../engine/json.ts';
import { sampleFromModelText } from '../engine/sample.ts';
import { templateVariables } from '../engine/template.ts';
import { DEFAULT_SETTINGS, type EngineSettings, type JsonObject, type JsonValue } from '../engine/types.ts';
import { pointerEscape } from '../engine/validate.ts';
import { docsToValue, prettyJson, type DocName, type ShareDoc } from './doc.ts';
import { jsLiteral, pythonLiteral, pythonString } from './literals.ts';
import { shellQuote } from './shell.ts';

export const OPENAI_API_BASE = 'https://api.openai.com/v1';
export const RUN_URL = `${OPENAI_API_BASE}/fine_tuning/alpha/graders/run`;
export const VALIDATE_URL = `${OPENAI_API_BASE}/fine_tuning/alpha/graders/validate`;
export const JOBS_URL = `${OPENAI_API_BASE}/fine_tuning/jobs`;
export const RFT_MODEL = 'o4-mini-2025-04-16';
export const TRAINING_FILE_PLACEHOLDER = 'file-REPLACE_WITH_YOUR_TRAINING_FILE_ID';

export interface ExportWarning {
  id: string;
  /** JSON pointer into the grader (or `sample:`/`item:` prefixed) when the warning is about one place. */
  pointer?: string;
  message: string;
  /** What to do instead so that OpenAI gives what the playground gave. */
  alternative: string;
  /** Which outputs it affects: everything, only the /graders/run calls, or only the Node SDK snippet. */
  scope: 'all' | 'run' | 'node';
}

export interface OpenAIExport {
  /** The grader as sent (playground-only fields such as pass_threshold removed). */
  grader: JsonObject;
  modelSample: string;
  runBody: string;
  runCurl: string;
  validateBody: string;
  validateCurl: string;
  python: string;
  node: string;
  fineTuningJob: string;
  fineTuningCurl: string;
  fineTuningPython: string;
  warnings: ExportWarning[];
}

export type ExportResult = { ok: true; export: OpenAIExport } | { ok: false; doc: DocName; message: string };

interface Located {
  pointer: string;
  grader: JsonObject;
}

/** The top grader and, for multi, its sub-graders, each with its pointer. */
function gradersOf(grader: JsonObject): Located[] {
  const out: Located[] = [{ pointer: '', grader }];
  const subs = grader.graders;
  if (grader.type === 'multi' && isJsonObject(subs)) {
    for (const [k, g] of Object.entries(subs)) if (isJsonObject(g)) out.push({ pointer: `/graders/${pointerEscape(k)}`, grader: g });
  }
  return out;
}

const at = (pointer: string) => (pointer === '' ? 'the grader' : `the sub-grader at ${pointer}`);

/** The grader as OpenAI's RFT and /graders endpoints accept it, and what had to change or cannot work. */
function prepareGrader(grader: JsonObject, warnings: ExportWarning[]): JsonObject {
  const clone = (v: JsonObject): JsonObject => ({ ...v });
  const out = clone(grader);
  const strip = (g: JsonObject, pointer: string) => {
    if (!Object.hasOwn(g, 'pass_threshold')) return;
    delete g.pass_threshold;
    warnings.push({
      id: 'pass-threshold',
      pointer: `${pointer}/pass_threshold`,
      message: `pass_threshold (on ${at(pointer)}) exists only in Evals graders; the RFT and /graders schemas have no such field, so it was left out of the export.`,
      alternative: 'Keep it for Evals testing_criteria, where it is allowed; in RFT the reward itself is what counts.',
      scope: 'all',
    });
  };
  strip(out, '');
  if (out.type === 'multi' && isJsonObject(out.graders)) {
    const subs: JsonObject = {};
    for (const [k, g] of Object.entries(out.graders)) {
      if (isJsonObject(g)) {
        const c = clone(g);
        strip(c, `/graders/${pointerEscape(k)}`);
        subs[k] = c;
      } else subs[k] = g;
    }
    out.graders = subs;
  }
  for (const { pointer, grader: g } of gradersOf(out)) {
    if (g.type === 'ast_grep') {
      warnings.push({
        id: 'ast-grep',
        pointer: pointer === '' ? '/type' : `${pointer}/type`,
        message: `${pointer === '' ? 'The grader' : `The sub-grader at ${pointer}`} is an ast_grep grader, a Grader Playground type: OpenAI has no such grader and will reject the request.`,
        alternative: 'Use "Export as python grader": it writes the same check as a python grader, and OpenAI\'s python grader image includes ast-grep-py.',
        scope: 'all',
      });
    }
  }
  if (out.type === 'label_model') {
    warnings.push({
      id: 'label-model-top',
      pointer: '/type',
      message: 'OpenAI accepts label_model as the top-level grader only in Evals testing_criteria; RFT and /graders/run reject it there.',
      alternative: `Wrap it in a multi grader: {"type": "multi", "name": ${JSON.stringify(typeof out.name === 'string' ? out.name : 'label')}, "graders": {"label": <this grader>}, "calculate_output": "label"}, or use score_model.`,
      scope: 'all',
    });
  }
  return out;
}

interface SettingNote {
  relevant: (graders: JsonObject[]) => boolean;
  message: (value: unknown) => string;
  alternative: (value: unknown) => string;
}

const usesMetric = (gs: JsonObject[], pred: (m: string) => boolean) =>
  gs.some((g) => g.type === 'text_similarity' && typeof g.evaluation_metric === 'string' && pred(g.evaluation_metric));

const SETTING_NOTES: Partial<Record<keyof EngineSettings, SettingNote>> = {
  compactJson: {
    relevant: (gs) => gs.some((g) => g.type !== 'python' && g.type !== 'multi'),
    message: () =>
      'You tested with non-string template values rendered as compact JSON ({"a":1}). OpenAI has no such setting; it most likely renders them as Python\'s json.dumps does ({"a": 1}).',
    alternative: () => 'Turn the setting off to see what OpenAI most likely gives, or make the template point at string values.',
  },
  fuzzyScorer: {
    relevant: (gs) => usesMetric(gs, (m) => m === 'fuzzy_match'),
    message: (v) => `You tested fuzzy_match with rapidfuzz's ${String(v)} scorer. OpenAI has no such setting; it most likely uses WRatio, the scorer of its own guide.`,
    alternative: (v) => `To get ${String(v)} at OpenAI, use a python grader that calls rapidfuzz.fuzz.${String(v)} (rapidfuzz is in OpenAI's python grader image).`,
  },
  fuzzyDefaultProcess: {
    relevant: (gs) => usesMetric(gs, (m) => m === 'fuzzy_match'),
    message: () =>
      "You tested fuzzy_match without rapidfuzz's default_process (lowercasing, non-alphanumerics to spaces). OpenAI has no such setting; it most likely applies it.",
    alternative: () => 'To compare the raw strings at OpenAI, use a python grader that calls rapidfuzz without a processor.',
  },
  rougeStemming: {
    relevant: (gs) => usesMetric(gs, (m) => m.startsWith('rouge')),
    message: () => "You tested ROUGE with Porter stemming. OpenAI has no such setting; it most likely uses rouge-score's default tokenizer, without stemming.",
    alternative: () => 'To stem at OpenAI, use a python grader with rouge_score.rouge_scorer.RougeScorer([...], use_stemmer=True) (rouge-score is in its image).',
  },
  sqlLikeWildcards: {
    relevant: (gs) => gs.some((g) => g.type === 'string_check' && (g.operation === 'like' || g.operation === 'ilike')),
    message: () =>
      'You tested like/ilike with % and _ as SQL wildcards. OpenAI documents like/ilike as "input contains reference", so there they are most likely literal characters.',
    alternative: () => 'For wildcard or pattern matching at OpenAI, use a python grader (fnmatch or re).',
  },
};

function settingWarnings(settings: Partial<EngineSettings>, graders: JsonObject[]): ExportWarning[] {
  const out: ExportWarning[] = [];
  for (const [key, value] of Object.entries(settings) as [keyof EngineSettings, unknown][]) {
    const note = SETTING_NOTES[key];
    if (note && !note.relevant(graders)) continue;
    out.push({
      id: `setting-${key}`,
      message: note
        ? note.message(value)
        : `The engine setting ${key} is ${JSON.stringify(value)} here; OpenAI has no such setting and most likely behaves as the default (${JSON.stringify(DEFAULT_SETTINGS[key])}).`,
      alternative: note ? note.alternative(value) : `Set ${key} back to its default to see what OpenAI most likely gives.`,
      scope: 'all',
    });
  }
  return out;
}

/**
 * Whether a grader can see sample.output_json: a template names it (or the whole sample), or code mentions it
 * (python source, a judge prompt). A grader that never reads it does not care what OpenAI puts there.
 */
function readsOutputJson(grader: JsonValue): boolean {
  if (typeof grader === 'string') {
    if (grader.includes('output_json')) return true;
    return templateVariables(grader).some((v) => v.namespace === 'sample' && (v.path.length === 0 || v.path[0] === 'output_json'));
  }
  if (Array.isArray(grader)) return grader.some(readsOutputJson);
  if (grader !== null && typeof grader === 'object') return Object.values(grader).some((v) => v !== undefined && readsOutputJson(v));
  return false;
}

/** `model_sample` from the sample, and what of the sample the run endpoint cannot carry. */
function modelSampleOf(sample: JsonObject, warnings: ExportWarning[], grader: JsonObject): string {
  const warn = (id: string, pointer: string, message: string, alternative: string) =>
    warnings.push({ id, pointer: `sample:${pointer}`, message, alternative, scope: 'run' });
  let text: string;
  const ot = sample.output_text;
  if (typeof ot === 'string') text = ot;
  else if (ot === undefined && sample.output_json !== undefined) {
    text = losslessJsonText(sample.output_json);
    warn('sample-no-text', '/output_json', 'The sample has output_json but no output_text; model_sample is that JSON as text, from which OpenAI derives both.', 'Give the sample an output_text.');
  } else {
    text = ot === undefined ? '' : losslessJsonText(ot);
    warn(
      'sample-no-text',
      '/output_text',
      ot === undefined ? 'The sample has no output_text, so model_sample is empty.' : 'The sample\'s output_text is not a string; it is sent as its JSON text.',
      'model_sample is the model\'s answer as one string: put it in output_text.',
    );
  }
  const derived = sampleFromModelText(text);
  const same = (a: JsonValue | undefined, b: JsonValue | undefined) =>
    a === undefined || b === undefined ? a === b : losslessJsonText(a) === losslessJsonText(b);
  for (const [key, value] of Object.entries(sample)) {
    if (key === 'output_text') continue;
    if (key === 'output_tools') {
      if (Array.isArray(value) && value.length === 0) continue;
      warn(
        'sample-tools',
        '/output_tools',
        'The run endpoint takes the sample as one string (model_sample), so it cannot carry tool calls: OpenAI will see "output_tools": [], and a grader that reads sample.output_tools gets nothing there.',
        'Check tool-call graders here, or in an RFT job (where the sampled tool calls are filled in); for /graders/run, put the call in output_text as JSON and read it through sample.output_json.',
      );
    } else if (key === 'output_json') {
      if (same(value, derived.output_json) || !readsOutputJson(grader)) continue;
      warn(
        'sample-json',
        '/output_json',
        derived.output_json === undefined
          ? 'OpenAI fills output_json only by parsing model_sample, and this output_text is not JSON: a grader that reads sample.output_json will fail there.'
          : 'OpenAI fills output_json by parsing model_sample, so it will see the parse of output_text, not this output_json.',
        'Make output_text the JSON text of the answer.',
      );
    } else if (key === 'choices') {
      if (same(value, derived.choices)) continue;
      warn('sample-choices', '/choices', 'OpenAI builds choices from model_sample alone (one assistant message with that text); these choices are not sent.', 'Put the message text in output_text.');
    } else {
      warn('sample-extra', `/${pointerEscape(key)}`, `sample.${key} cannot be sent to /graders/run: its sample holds only what OpenAI derives from model_sample.`, 'Move what the grader needs into the item, or into output_text.');
    }
  }
  return text;
}

/** Numbers the Node SDK cannot send as written: `1.0` becomes `1`, ints past 2^53 lose digits. */
function nodeNumberWarnings(value: JsonValue, prefix: string, out: ExportWarning[], pointer = ''): void {
  if (isJsonNumber(value)) {
    const lexeme = numberLexeme(value);
    const n = Number(lexeme);
    const js = String(n);
    if (isFloatLexeme(lexeme) && Number.isInteger(n) && Number.isFinite(n)) {
      out.push({
        id: 'node-float',
        pointer: `${prefix}${pointer}`,
        message: `Node SDK: JavaScript has one number type, so ${lexeme} is sent as ${js} and Python on OpenAI's side reads an int, not a float.`,
        alternative: 'Use the curl command or the Python SDK, which send it as written.',
        scope: 'node',
      });
    } else if (!isFloatLexeme(lexeme) && !Number.isSafeInteger(n)) {
      out.push({
        id: 'node-big-int',
        pointer: `${prefix}${pointer}`,
        message: `Node SDK: ${lexeme} does not fit a JavaScript number and is sent as ${js}.`,
        alternative: 'Use the curl command or the Python SDK, which send it as written.',
        scope: 'node',
      });
    }
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => nodeNumberWarnings(v, prefix, out, `${pointer}/${i}`));
  else if (isJsonObject(value)) for (const [k, v] of Object.entries(value)) nodeNumberWarnings(v, prefix, out, `${pointer}/${pointerEscape(k)}`);
}

function curl(url: string, body: string | null): string {
  const lines = [`curl ${url}`, '-H "Content-Type: application/json"', '-H "Authorization: Bearer $OPENAI_API_KEY"'];
  if (body !== null) lines.push(`-d ${shellQuote(body)}`);
  return lines.join(' \\\n  ');
}

function indentAfterFirst(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}

/** Everything OpenAI-shaped for a workspace, or which document is not valid JSON. */
export function exportForOpenAI(doc: ShareDoc): ExportResult {
  const parsed = docsToValue(doc);
  if (!parsed.ok) return { ok: false, doc: parsed.doc, message: parsed.message };
  const { grader: rawGrader, sample, item } = parsed.value as { grader: JsonObject; sample: JsonObject; item: JsonObject };
  const warnings: ExportWarning[] = [];
  const grader = prepareGrader(rawGrader, warnings);
  warnings.push(...settingWarnings((parsed.value.settings ?? {}) as Partial<EngineSettings>, gradersOf(grader).map((g) => g.grader)));
  const modelSample = modelSampleOf(sample, warnings, rawGrader);
  // Only the item: its numbers reach python graders and templates; the grader's own numbers are settings
  // (range, temperature) where 1 and 1.0 mean the same.
  nodeNumberWarnings(item, 'item:', warnings);

  const runBody = prettyJson({ grader, model_sample: modelSample, item });
  const validateBody = prettyJson({ grader });
  const job: JsonObject = {
    model: RFT_MODEL,
    training_file: TRAINING_FILE_PLACEHOLDER,
    method: { type: 'reinforcement', reinforcement: { grader } },
  };
  const fineTuningJob = prettyJson(job);

  const python = [
    '# pip install openai   (the client reads OPENAI_API_KEY from the environment)',
    'from openai import OpenAI',
    '',
    'client = OpenAI()',
    '',
    `grader = ${pythonLiteral(grader)}`,
    '',
    `item = ${pythonLiteral(item)}`,
    '',
    '# POST /v1/fine_tuning/alpha/graders/validate',
    'client.fine_tuning.alpha.graders.validate(grader=grader)',
    '',
    '# POST /v1/fine_tuning/alpha/graders/run',
    'result = client.fine_tuning.alpha.graders.run(',
    '    grader=grader,',
    `    model_sample=${pythonString(modelSample)},`,
    '    item=item,',
    ')',
    'print(result.reward)',
    'print(result.metadata.errors)',
    '',
  ].join('\n');

  const node = [
    '// npm install openai   (the client reads OPENAI_API_KEY from the environment)',
    "import OpenAI from 'openai';",
    '',
    'const openai = new OpenAI();',
    '',
    `const grader = ${jsLiteral(grader)};`,
    '',
    `const item = ${jsLiteral(item)};`,
    '',
    '// POST /v1/fine_tuning/alpha/graders/validate',
    'await openai.fineTuning.alpha.graders.validate({ grader });',
    '',
    '// POST /v1/fine_tuning/alpha/graders/run',
    'const result = await openai.fineTuning.alpha.graders.run({',
    '  grader,',
    `  model_sample: ${JSON.stringify(modelSample)},`,
    '  item,',
    '});',
    'console.log(result.reward, result.metadata.errors);',
    '',
  ].join('\n');

  const fineTuningPython = [
    '# pip install openai   (the client reads OPENAI_API_KEY from the environment)',
    '# Upload the training JSONL first (client.files.create(file=..., purpose="fine-tune")) and use its id.',
    'from openai import OpenAI',
    '',
    'client = OpenAI()',
    '',
    `grader = ${pythonLiteral(grader)}`,
    '',
    'job = client.fine_tuning.jobs.create(',
    `    model=${pythonString(RFT_MODEL)},`,
    `    training_file=${pythonString(TRAINING_FILE_PLACEHOLDER)},`,
    `    method=${indentAfterFirst(pythonLiteral({ type: 'reinforcement', reinforcement: { grader: '__GRADER__' } }), '    ').replace('"__GRADER__"', 'grader')},`,
    ')',
    'print(job.id, job.status)',
    '',
  ].join('\n');

  return {
    ok: true,
    export: {
      grader,
      modelSample,
      runBody,
      runCurl: curl(RUN_URL, runBody),
      validateBody,
      validateCurl: curl(VALIDATE_URL, validateBody),
      python,
      node,
      fineTuningJob,
      fineTuningCurl: `# Replace ${TRAINING_FILE_PLACEHOLDER} with the id of your uploaded training file.\n${curl(JOBS_URL, fineTuningJob)}`,
      fineTuningPython,
      warnings,
    },
  };
}
