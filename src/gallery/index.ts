/**
 * The gallery's public API: the ordered list of worked examples, lookup by id, and the texts the app loads
 * into a workspace (editors) or the dataset view. Pure functions over data: no engine runs, no UI.
 */
import { losslessJsonPretty, losslessJsonText, parseJson } from '../engine/json.ts';
import { alwaysOne, finalAnswer, substringHack } from './examples/capital-quiz.ts';
import { contractReview } from './examples/contract-review.ts';
import { familySchedule } from './examples/family-schedule.ts';
import { icd10Codes } from './examples/icd10-codes.ts';
import { legalCitations } from './examples/legal-citations.ts';
import { mathTolerance } from './examples/math-tolerance.ts';
import { moderationLabels } from './examples/moderation-labels.ts';
import { stripeAst } from './examples/stripe-ast.ts';
import { taxRubric } from './examples/tax-rubric.ts';
import { toolCallParsed, toolCallStrings } from './examples/tool-calls.ts';
import { translationMeteor } from './examples/translation-meteor.ts';
import { vipWiring } from './examples/vip-wiring.ts';
import type { Doc, GalleryExample } from './types.ts';

export type { Doc, GalleryExample, GallerySample, PlainJson, SampleLabel } from './types.ts';

/** In reading order: the short lessons first, then the use cases from code to judges. */
export const GALLERY: readonly GalleryExample[] = [
  substringHack,
  alwaysOne,
  finalAnswer,
  mathTolerance,
  toolCallStrings,
  toolCallParsed,
  icd10Codes,
  vipWiring,
  familySchedule,
  legalCitations,
  translationMeteor,
  stripeAst,
  taxRubric,
  contractReview,
  moderationLabels,
];

export function getExample(id: string): GalleryExample | undefined {
  return GALLERY.find((e) => e.id === id);
}

/** What the app's editors hold: every document as 2-space JSON text. */
export interface ExampleWorkspace {
  title: string;
  notes: string;
  grader: string;
  sample: string;
  item: string;
}

/**
 * A document as pretty JSON. A text document is re-indented through the lossless parser, so `1.0` stays `1.0`;
 * if it does not parse (a bug in the example), it is returned as written rather than lost.
 */
export function docText(doc: Doc<unknown>): string {
  if (typeof doc !== 'string') return JSON.stringify(doc, null, 2);
  const parsed = parseJson(doc);
  return parsed.ok ? losslessJsonPretty(parsed.value) : doc;
}

/** A document as one line of JSON (lexemes kept), for JSONL. */
export function docLine(doc: Doc<unknown>): string {
  if (typeof doc !== 'string') return JSON.stringify(doc);
  const parsed = parseJson(doc);
  return parsed.ok ? losslessJsonText(parsed.value) : doc.replace(/\s*\n\s*/g, ' ');
}

const LABEL_WORDS = { good: 'a good answer', partial: 'a partly right answer', wrong: 'a wrong answer', gaming: 'an attempt to game the grader' };

/** The example opened on one of its samples (clamped to the list). */
export function exampleWorkspace(example: GalleryExample, sampleIndex = 0): ExampleWorkspace {
  const i = Math.min(Math.max(0, Math.trunc(sampleIndex)), example.samples.length - 1);
  const s = example.samples[i]!;
  const lines = [example.summary, '', ...example.design.flatMap((p) => [p, ''])];
  if (example.hackable) lines.push(`This grader can be gamed on purpose: ${example.hackable.why} See "${example.hackable.fixedIn}" for the fix.`, '');
  lines.push(`Sample ${i + 1} of ${example.samples.length}, ${LABEL_WORDS[s.label]}: ${s.note}`, `Expected reward: ${s.expectedReward}.`);
  if (s.expectedErrors?.length) lines.push(`Expected error flags: ${s.expectedErrors.join(', ')}.`);
  if (s.judgeReply !== undefined) lines.push('', 'Judge by hand with this reply:', s.judgeReply);
  return {
    title: `${example.title} (${s.label})`,
    notes: lines.join('\n'),
    grader: docText(example.grader),
    sample: docText(s.sample),
    item: docText(example.item),
  };
}

/** One JSONL line `{"item": ..., "samples": [...]}` for the dataset view. */
export function exampleDataset(example: GalleryExample): string {
  return `{"item": ${docLine(example.item)}, "samples": [${example.samples.map((s) => docLine(s.sample)).join(', ')}]}\n`;
}
