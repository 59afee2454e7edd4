/**
 * One paste box for everything a user may bring from elsewhere: a grader, a /graders/run or /validate request
 * body, a fine-tuning job (or its method), a curl command, a workspace file, or a share link (full URL or
 * fragment). Tells which it was, gives the grader (and sample/item when there are some) as pretty texts for the
 * editors, and notes what it assumed or left out. Anything else gets a message saying what was expected.
 * Fetches only for a `#url=` link or a pasted https address, through the fetch it is given.
 */
import { isJsonObject, losslessJsonText, parseJson } from '../engine/json.ts';
import { sampleFromModelText } from '../engine/sample.ts';
import { GRADER_TYPES, type JsonObject, type JsonValue } from '../engine/types.ts';
import { checkWorkspaceUrl, decodeShare, loadWorkspaceFromUrl, parseUrlFragment, type FetchLike } from './codec.ts';
import { parseCurl } from './curl.ts';
import { describeJsonType, prettyJson, workspaceFromValue, type OpenedWorkspace, type OpenResult } from './doc.ts';
import { pythonGraderFromSource } from './paste.ts';
import { WORKSPACE_FILE_MARKER, workspaceFromFileValue } from './workspace-file.ts';

export type ImportKind =
  | 'grader'
  | 'run_request'
  | 'validate_request'
  | 'fine_tuning_job'
  | 'curl'
  | 'workspace_file'
  | 'share_link'
  | 'python_source'
  | 'evals_criteria';

export interface Imported {
  ok: true;
  kind: ImportKind;
  /** Pretty JSON texts (2-space indent, number lexemes kept) for the editors. */
  grader: string;
  sample?: string;
  item?: string;
  /** The whole workspace (title, notes, settings) for a workspace file or a share link. */
  workspace?: OpenedWorkspace;
  /** What was assumed, converted or left out, one sentence each. */
  notes: string[];
}

export type ImportResult = Imported | { ok: false; message: string };

export interface ImportOptions {
  /** For `#url=` links and pasted https addresses. */
  fetchImpl?: FetchLike;
}

const EXPECTED =
  'Paste a grader JSON ({"type": "string_check", ...}), Python with a grade(sample, item) function, a /graders/run or /graders/validate request body, a fine-tuning job JSON, Evals testing_criteria, a curl command, a workspace file, or a share link.';

const KNOWN_TYPES = new Set<string>([...GRADER_TYPES, 'ast_grep']);

type Hint = 'run' | 'validate' | 'job' | null;

function fromWorkspace(opened: OpenResult, kind: ImportKind, notes: string[]): ImportResult {
  if (!opened.ok) return { ok: false, message: opened.error.message };
  const w = opened.doc;
  return { ok: true, kind, grader: w.grader, sample: w.sample, item: w.item, workspace: w, notes: [...notes, ...w.warnings] };
}

function graderNotes(grader: JsonObject): string[] {
  const type = grader.type;
  if (typeof type === 'string' && KNOWN_TYPES.has(type)) return [];
  return [
    typeof type === 'string'
      ? `"${type}" is not a grader type this playground knows; it was imported as is, and the grader editor shows what is wrong.`
      : 'The grader has no "type"; it was imported as is, and the grader editor shows what is wrong.',
  ];
}

function fromJob(value: JsonObject, notes: string[]): ImportResult {
  const method = isJsonObject(value.method) ? value.method : value;
  const reinforcement = method.reinforcement;
  const grader = isJsonObject(reinforcement) && isJsonObject(reinforcement.grader) ? reinforcement.grader : method.grader;
  if (!isJsonObject(grader)) {
    const type = typeof method.type === 'string' ? ` This one is "${method.type}".` : '';
    return { ok: false, message: `This fine-tuning job has no grader: only reinforcement jobs (method.type "reinforcement") have one, at method.reinforcement.grader.${type}` };
  }
  if (!(isJsonObject(reinforcement) && isJsonObject(reinforcement.grader))) notes.push('The grader was read from method.grader (an older job shape); current jobs put it at method.reinforcement.grader.');
  const ignored = ['model', 'training_file', 'validation_file', 'hyperparameters'].filter((k) => value[k] !== undefined || (isJsonObject(reinforcement) && reinforcement[k] !== undefined));
  if (ignored.length > 0) notes.push(`Only the grader was imported; the job's ${ignored.join(', ')} stay with the job.`);
  return { ok: true, kind: 'fine_tuning_job', grader: prettyJson(grader), notes: [...notes, ...graderNotes(grader)] };
}

function fromRunRequest(value: JsonObject, grader: JsonObject, notes: string[]): ImportResult {
  const out: Imported = { ok: true, kind: 'run_request', grader: prettyJson(grader), notes };
  const ms = value.model_sample;
  if (typeof ms === 'string') out.sample = prettyJson(sampleFromModelText(ms));
  else if (ms !== undefined) {
    out.sample = prettyJson(sampleFromModelText(losslessJsonText(ms)));
    notes.push(`model_sample should be a string, but it is ${describeJsonType(ms)}; its JSON text was used as the model's output.`);
  } else notes.push('The request has no model_sample, so the sample was left as it was.');
  let item: JsonValue | undefined = value.item;
  if (item !== undefined && !isJsonObject(item)) {
    notes.push(`"item" should be an object, but it is ${describeJsonType(item)}; it was not imported.`);
    item = undefined;
  }
  if (value.reference_answer !== undefined) {
    const merged: JsonObject = { ...(item ?? {}) };
    if (Object.hasOwn(merged, 'reference_answer')) {
      notes.push('The request has both item.reference_answer and the old top-level reference_answer; item.reference_answer was kept.');
    } else {
      merged.reference_answer = value.reference_answer;
      notes.push(
        'This request uses reference_answer, the field /graders/run had before June 2025; it is now item.reference_answer (read it as {{ item.reference_answer }}).',
      );
    }
    item = merged;
  }
  if (item !== undefined) out.item = prettyJson(item);
  out.notes.push(...graderNotes(grader));
  return out;
}

/** Classify a parsed JSON value; `hint` comes from a curl command's URL. */
function fromJson(value: JsonValue, hint: Hint, notes: string[]): ImportResult {
  if (Array.isArray(value) && value.some((v) => isJsonObject(v) && typeof v.type === 'string')) return fromCriteria(value, notes);
  if (!isJsonObject(value)) return { ok: false, message: `This JSON is ${describeJsonType(value)}, not an object. ${EXPECTED}` };
  if (Array.isArray(value.testing_criteria) && value.grader === undefined) return fromCriteria(value.testing_criteria, notes);
  if (Object.hasOwn(value, WORKSPACE_FILE_MARKER)) return fromWorkspace(workspaceFromFileValue(value, 'This workspace file'), 'workspace_file', notes);
  const grader = value.grader;
  if (hint === 'job' || isJsonObject(value.method) || (value.type === 'reinforcement' && isJsonObject(value.reinforcement))) return fromJob(value, notes);
  if (isJsonObject(grader)) {
    const runShaped = value.model_sample !== undefined || value.reference_answer !== undefined;
    if (!runShaped && hint !== 'run' && isJsonObject(value.sample) && isJsonObject(value.item)) {
      notes.push('Read as a workspace: {"grader", "sample", "item"} is the JSON a share link carries.');
      return fromWorkspace(workspaceFromValue(value, 'This JSON'), 'workspace_file', notes);
    }
    if (runShaped || hint === 'run') return fromRunRequest(value, grader, notes);
    const extra = Object.keys(value).filter((k) => k !== 'grader');
    if (extra.length > 0) notes.push(`Only the grader was imported; ${extra.map((k) => `"${k}"`).join(', ')} ${extra.length === 1 ? 'is' : 'are'} not part of a /graders/validate request.`);
    return { ok: true, kind: 'validate_request', grader: prettyJson(grader), notes: [...notes, ...graderNotes(grader)] };
  }
  if (grader !== undefined) return { ok: false, message: `"grader" must be an object, but it is ${describeJsonType(grader)}.` };
  if (typeof value.type === 'string') return { ok: true, kind: 'grader', grader: prettyJson(value), notes: [...notes, ...graderNotes(value)] };
  const keys = Object.keys(value).slice(0, 6);
  return {
    ok: false,
    message: `This JSON object (with ${keys.length ? keys.map((k) => `"${k}"`).join(', ') : 'no keys'}) is neither a grader (it has no "type") nor a request that holds one. ${EXPECTED}`,
  };
}

/**
 * Evals' testing_criteria (a list of graders, or an eval's body holding one): one criterion is imported as it
 * is; several become a multi grader averaging them, since Evals reports each criterion on its own.
 */
function fromCriteria(list: JsonValue[], notes: string[]): ImportResult {
  const graders = list.filter((v): v is JsonObject => isJsonObject(v) && typeof v.type === 'string');
  const skipped = list.length - graders.length;
  if (skipped > 0) notes.push(`${skipped} entr${skipped === 1 ? 'y' : 'ies'} of testing_criteria without a "type" ${skipped === 1 ? 'was' : 'were'} left out.`);
  if (graders.length === 1) {
    const g = graders[0]!;
    return { ok: true, kind: 'evals_criteria', grader: prettyJson(g), notes: [...notes, 'Read as Evals testing_criteria with one grader.', ...graderNotes(g)] };
  }
  const used = new Set<string>();
  const keyed: JsonObject = {};
  for (const [i, g] of graders.entries()) {
    // multi's keys are the formula's variables: identifiers, unique.
    let key = (typeof g.name === 'string' ? g.name : '').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
    if (!/^[a-z_]/.test(key)) key = `c${i + 1}${key ? '_' + key : ''}`;
    while (used.has(key)) key += '_';
    used.add(key);
    keyed[key] = g;
  }
  const keys = Object.keys(keyed);
  const grader: JsonObject = { type: 'multi', name: 'testing_criteria', graders: keyed, calculate_output: `(${keys.join(' + ')}) / ${keys.length}` };
  notes.push(`Evals testing_criteria with ${keys.length} graders: combined into a multi grader that averages them (Evals reports each criterion on its own; change calculate_output to weigh them).`);
  return { ok: true, kind: 'evals_criteria', grader: prettyJson(grader), notes };
}

function hintFromUrl(url: string | null): Hint {
  if (!url) return null;
  if (/\/graders\/run\b/.test(url)) return 'run';
  if (/\/graders\/validate\b/.test(url)) return 'validate';
  if (/\/fine_tuning\/jobs\/?(\?|$)/.test(url)) return 'job';
  return null;
}

function fromCurl(text: string): ImportResult {
  const parsed = parseCurl(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const req = parsed.request;
  if (req.body === null) {
    return { ok: false, message: `This curl command sends no body (no -d, --data or --json), so it holds no grader.${req.url ? ` It calls ${req.url}.` : ''}` };
  }
  const json = parseJson(req.body);
  if (!json.ok) {
    const e = json.error;
    return { ok: false, message: `The body of this curl command is not JSON (line ${e.line}, column ${e.column}: ${e.message}).` };
  }
  const hint = hintFromUrl(req.url);
  const notes = [`curl: ${req.method} ${req.url ?? '(no URL)'}.`, ...req.notes];
  const r = fromJson(json.value, hint, notes);
  return r.ok ? { ...r, kind: 'curl' } : r;
}

async function fromLink(text: string, fetchImpl: FetchLike | undefined): Promise<ImportResult> {
  const hash = text.indexOf('#');
  const fragment = hash < 0 ? text : text.slice(hash);
  const target = parseUrlFragment(fragment);
  if (target.kind === 'share') return fromWorkspace(await decodeShare(target.fragment), 'share_link', []);
  if (target.kind === 'url') {
    return fromWorkspace(await loadWorkspaceFromUrl(target.url, fetchImpl), 'share_link', [`Loaded from ${target.url}.`]);
  }
  if (target.kind === 'invalid') return { ok: false, message: target.message };
  return { ok: false, message: 'This address has no workspace in it: a share link ends in #v1.… or #url=….' };
}

/** Import whatever was pasted. */
export async function importAnything(text: string, options: ImportOptions = {}): Promise<ImportResult> {
  const t = text.trim();
  if (t === '') return { ok: false, message: `Nothing to import. ${EXPECTED}` };
  // Our own fine-tuning export starts with a `# Replace …` comment line above the curl command.
  const command = t.replace(/^(#[^\n]*\n\s*)+/, '');
  if (/^(\$\s+)?curl(\.exe)?\s/.test(command)) return fromCurl(command);
  if (/^#?(v\d+\.|url=)/.test(t) || /^https?:\/\/\S*#\S/.test(t)) return fromLink(t, options.fetchImpl);
  if (/^https?:\/\/\S+$/.test(t)) {
    const checked = checkWorkspaceUrl(t);
    if (!checked.ok) return { ok: false, message: checked.message };
    return fromWorkspace(await loadWorkspaceFromUrl(checked.url, options.fetchImpl), 'workspace_file', [`Loaded from ${checked.url}.`]);
  }
  const python = pythonGraderFromSource(t);
  if (python !== null) {
    return { ok: true, kind: 'python_source', grader: python, notes: ['Python with a grade(sample, item) function: imported as a python grader, its source as pasted.'] };
  }
  const json = parseJson(t);
  if (!json.ok) {
    const e = json.error;
    return { ok: false, message: `This is not JSON (line ${e.line}, column ${e.column}: ${e.message}). ${EXPECTED}` };
  }
  return fromJson(json.value, null, []);
}
