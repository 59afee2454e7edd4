/**
 * Rendering a grader's templated field inside a grade: success gives the text and records it for the
 * explanation; failure gives the GradeOutcome that run.ts reports (invalid_variable_error or sample_parse_error).
 */
import { failure, type GradeOutcome } from '../result.ts';
import { renderTemplate, type RenderedPiece } from '../template.ts';
import type { EngineSettings, JsonValue, RenderedField } from '../types.ts';

export interface GradeContext {
  sample: JsonValue;
  item: JsonValue;
  settings: EngineSettings;
  /** JSON pointer of this grader inside the grader document ('' for the top level). */
  pointer: string;
}

export type Rendered = { ok: true; text: string; pieces: RenderedPiece[]; field: RenderedField } | { ok: false; outcome: GradeOutcome };

export function renderField(type: string, ctx: GradeContext, template: string, field: string, done: RenderedField[]): Rendered {
  const pointer = `${ctx.pointer}/${field}`;
  const r = renderTemplate(template, { sample: ctx.sample, item: ctx.item }, { compactJson: ctx.settings.compactJson });
  if (!r.ok) {
    const flag = r.kind === 'sample_parse' ? 'sample_parse_error' : r.kind === 'missing' ? 'invalid_variable_error' : 'other_error';
    return { ok: false, outcome: failure(type, { flag, message: r.message, pointer }, { explain: { rendered: done } }) };
  }
  const rendered: RenderedField = { pointer, template, rendered: r.text };
  if (r.pieces.some((p) => p.json)) rendered.json = true;
  done.push(rendered);
  return { ok: true, text: r.text, pieces: r.pieces, field: rendered };
}
