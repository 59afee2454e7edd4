/**
 * A validated grader compiled for the exported Python runtime (runtime-py.ts): templates split into literal text
 * and variables by the engine's own parser, the multi formula as a tree from the engine's own formula parser,
 * ast_grep checks as the python grader the engine exports for them. Whatever could be decided here is, so the
 * Python side parses nothing. Pure data; no Python is run.
 */
import { parseFormula, type FormulaNode } from '../../engine/formula.ts';
import { exportAstGrepAsPython } from '../../engine/graders/ast-grep-export.ts';
import { isJsonNumber, jsonEntries, numberLexeme } from '../../engine/json.ts';
import { samplingFields } from '../../engine/model/request.ts';
import { DEFAULT_EMBEDDING_MODEL } from '../../engine/model/cosine.ts';
import { parseTemplate } from '../../engine/template.ts';
import type { ContentPart, Grader, InputMessage, JsonValue, SubGrader } from '../../engine/types.ts';

/** Plain JSON (JS numbers only), written out as a Python literal. */
export type PlanValue = null | boolean | number | string | PlanValue[] | { [key: string]: PlanValue };

export class PlanError extends Error {}

/** `[["t", text], ["v", expression, namespace, path], ...]` */
export function compileTemplate(template: string): PlanValue {
  const parsed = parseTemplate(template);
  if (parsed.errors.length > 0) throw new PlanError(`template ${JSON.stringify(template)}: ${parsed.errors[0]!.message}`);
  return parsed.segments.map((s) => (s.kind === 'text' ? ['t', s.text] : ['v', s.expression, s.namespace, s.path]));
}

/** The formula tree as nested lists: n(umber) v(ariable) u(nary) p(ower) c(hain) f(unction call). */
export function compileFormula(node: FormulaNode): PlanValue {
  switch (node.type) {
    case 'number':
      return ['n', node.value];
    case 'variable':
      return ['v', node.name];
    case 'unary':
      return ['u', node.op, compileFormula(node.operand)];
    case 'power':
      return ['p', compileFormula(node.base), compileFormula(node.exponent)];
    case 'chain':
      return ['c', compileFormula(node.first), node.rest.map((l) => [l.op, compileFormula(l.operand)])];
    case 'call':
      return ['f', node.name, node.args.map(compileFormula)];
  }
}

const num = (v: unknown): number => (isJsonNumber(v) ? Number(numberLexeme(v)) : Number(v));

function compilePart(part: ContentPart): PlanValue {
  if (typeof part === 'string') return { type: 'text', text: compileTemplate(part) };
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return { type: 'text', text: compileTemplate(part.text) };
    case 'input_image': {
      const out: { [k: string]: PlanValue } = { type: 'image_url', url: compileTemplate(part.image_url) };
      if (part.detail !== undefined) out.detail = part.detail;
      return out;
    }
    case 'input_audio':
      return { type: 'input_audio', data: compileTemplate(part.input_audio.data), format: part.input_audio.format };
  }
}

function compileMessages(input: InputMessage[]): PlanValue {
  return input.map((m) => ({
    role: m.role,
    content: typeof m.content === 'string' ? ['str', compileTemplate(m.content)] : ['parts', (Array.isArray(m.content) ? m.content : [m.content]).map(compilePart)],
  }));
}

function plainSampling(sp: Parameters<typeof samplingFields>[0]): PlanValue {
  const out: { [k: string]: PlanValue } = {};
  for (const [k, v] of Object.entries(samplingFields(sp))) out[k] = typeof v === 'string' ? v : num(v);
  return out;
}

/** The plan of one (validated) grader. */
export function compileGrader(grader: Grader): { [key: string]: PlanValue } {
  const head = { type: grader.type as string, name: grader.name };
  switch (grader.type) {
    case 'string_check':
      return { ...head, input: compileTemplate(grader.input), reference: compileTemplate(grader.reference), operation: grader.operation };
    case 'text_similarity': {
      const out: { [k: string]: PlanValue } = {
        ...head,
        input: compileTemplate(grader.input),
        reference: compileTemplate(grader.reference),
        metric: grader.evaluation_metric,
      };
      if (grader.evaluation_metric === 'cosine') out.embeddingModel = DEFAULT_EMBEDDING_MODEL;
      return out;
    }
    case 'python':
      return { ...head, source: grader.source };
    case 'ast_grep':
      return { type: 'python', name: grader.name, source: exportAstGrepAsPython(grader).source };
    case 'score_model': {
      const range = grader.range ? [num(grader.range[0]), num(grader.range[1])] : [0, 1];
      return { ...head, model: grader.model, input: compileMessages(grader.input), range, sampling: plainSampling(grader.sampling_params) };
    }
    case 'label_model':
      return {
        ...head,
        model: grader.model,
        input: compileMessages(grader.input),
        sampling: plainSampling((grader as { sampling_params?: Parameters<typeof samplingFields>[0] }).sampling_params),
        labels: [...grader.labels],
        passing_labels: [...grader.passing_labels],
      };
    case 'multi': {
      const parsed = parseFormula(grader.calculate_output);
      if (!parsed.ok) throw new PlanError(`calculate_output: ${parsed.error.message}`);
      const graders: { [k: string]: PlanValue } = {};
      for (const [key, sub] of jsonEntries(grader.graders as unknown as Record<string, JsonValue>)) graders[key] = compileGrader(sub as unknown as SubGrader);
      return { ...head, graders, formula: compileFormula(parsed.ast), calculate_output: grader.calculate_output };
    }
  }
}

/** The grader types inside a grader (multi's sub-graders, not multi itself). */
export function leafTypes(grader: Grader): string[] {
  return grader.type === 'multi' ? Object.values(grader.graders).map((g) => g.type) : [grader.type];
}

/** The text_similarity metrics a grader uses. */
export function metricsOf(grader: Grader): string[] {
  const subs: SubGrader[] = grader.type === 'multi' ? Object.values(grader.graders) : [grader];
  return subs.flatMap((g) => (g.type === 'text_similarity' ? [g.evaluation_metric] : []));
}

/**
 * `calculate_output` as weights when it is linear with no constant term (`0.7 * a + 0.3 * b`, `(a + b) / 2`):
 * what TRL's `reward_weights` can express. Null otherwise.
 */
export function linearWeights(formula: string, keys: string[]): Record<string, number> | null {
  const parsed = parseFormula(formula);
  if (!parsed.ok) return null;
  type Lin = { c: number; w: Map<string, number> };
  const konst = (c: number): Lin => ({ c, w: new Map() });
  const scale = (a: Lin, k: number): Lin => ({ c: a.c * k, w: new Map([...a.w].map(([n, v]) => [n, v * k])) });
  const add = (a: Lin, b: Lin, sign: number): Lin => {
    const w = new Map(a.w);
    for (const [n, v] of b.w) w.set(n, (w.get(n) ?? 0) + sign * v);
    return { c: a.c + sign * b.c, w };
  };
  const go = (n: FormulaNode): Lin | null => {
    switch (n.type) {
      case 'number':
        return konst(n.value);
      case 'variable':
        return { c: 0, w: new Map([[n.name, 1]]) };
      case 'unary': {
        const x = go(n.operand);
        return x && (n.op === '-' ? scale(x, -1) : x);
      }
      case 'chain': {
        let acc = go(n.first);
        for (const l of n.rest) {
          const x = go(l.operand);
          if (!acc || !x) return null;
          if (l.op === '+' || l.op === '-') acc = add(acc, x, l.op === '+' ? 1 : -1);
          else if (l.op === '*') {
            if (x.w.size === 0) acc = scale(acc, x.c);
            else if (acc.w.size === 0) acc = scale(x, acc.c);
            else return null;
          } else {
            if (x.w.size !== 0 || x.c === 0) return null;
            acc = scale(acc, 1 / x.c);
          }
        }
        return acc;
      }
      default:
        return null;
    }
  };
  const lin = go(parsed.ast);
  if (!lin || lin.c !== 0) return null;
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = lin.w.get(k) ?? 0;
  return out;
}
