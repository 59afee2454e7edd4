/**
 * The shape of a worked example in the "Learn RFT grading" gallery: a grader, an item, and labelled samples
 * whose rewards the gallery test checks. Pure types: no engine calls, no UI.
 */
import type { ErrorFlag, Grader } from '../engine/types.ts';

/** Plain JSON as written in the example files (JS numbers: `1.0` is the same value as `1` here). */
export type PlainJson = null | boolean | number | string | PlainJson[] | { [key: string]: PlainJson };

/**
 * A document of the workspace: a JS value, or JSON text kept verbatim. Use the text form only when the document
 * relies on a number's lexeme (`1.0` vs `1`), which a JS value cannot keep; no example document is a bare string.
 */
export type Doc<T> = T | string;

export type SampleLabel = 'good' | 'partial' | 'wrong' | 'gaming';

export interface GallerySample {
  label: SampleLabel;
  /** Why this sample gets its reward, in a sentence or two. */
  note: string;
  sample: Doc<{ [key: string]: PlainJson }>;
  /** The reward runGrader gives, exactly (the gallery test checks it). */
  expectedReward: number;
  /** Model graders: the judge's JSON reply for this sample, as typed in "judge by hand". */
  judgeReply?: string;
  /** The error flags this sample sets on purpose (none when absent). */
  expectedErrors?: ErrorFlag[];
}

export interface GalleryExample {
  id: string;
  title: string;
  /** The RFT task this grader trains, in a few words. */
  useCase: string;
  /** One sentence. */
  summary: string;
  /** Short paragraphs: why this grader type, how partial credit works, what it guards against. */
  design: string[];
  grader: Doc<Grader>;
  item: Doc<{ [key: string]: PlainJson }>;
  samples: GallerySample[];
  tags: string[];
  /**
   * Set when the example shows a grader that can be gamed on purpose: its gaming sample scores as high as the
   * good one, and `fixedIn` names the example with the repaired grader.
   */
  hackable?: { why: string; fixedIn: string };
}
