/**
 * Paste anything into the editors: Python with `def grade(` pasted into the grader becomes a python grader, and
 * a model's plain answer pasted as the whole sample becomes a sample (output_text, output_json when it parses),
 * each said in one notice with a one-step Undo back to the text as pasted. JSON is never rewritten.
 */
import { pythonGraderFromSource, sampleFromPastedText } from '../../share/paste.ts';
import type { Workspace } from './workspace.svelte.ts';

export interface PasteNotice {
  doc: 'grader' | 'sample';
  message: string;
  /** The document as it was right after the paste, before the conversion. */
  before: string;
  /** The workspace it happened in: Undo never writes into another one. */
  id: string;
}

export class PasteHelper {
  notice = $state<PasteNotice | null>(null);

  constructor(private readonly workspace: Workspace) {}

  onGraderPaste(pasted: string) {
    const grader = pythonGraderFromSource(pasted);
    if (grader === null) return;
    const before = this.workspace.grader;
    this.workspace.grader = grader;
    this.notice = { doc: 'grader', before, id: this.workspace.id, message: 'The pasted Python became a python grader; its source is on the source.py tab.' };
  }

  onSamplePaste(pasted: string, whole: boolean) {
    if (!whole) return;
    const sample = sampleFromPastedText(pasted);
    if (sample === null) return;
    const before = this.workspace.sample;
    this.workspace.sample = sample;
    const json = sample.includes('"output_json"');
    this.notice = {
      doc: 'sample',
      before,
      id: this.workspace.id,
      message: `The pasted text became the sample's output_text${json ? ' and, as it is JSON, its output_json' : ''}, as OpenAI's run endpoint builds a sample from a model's answer.`,
    };
  }

  /** The notice, while its workspace is open. */
  get current(): PasteNotice | null {
    return this.notice && this.notice.id === this.workspace.id ? this.notice : null;
  }

  undo() {
    const n = this.notice;
    if (!n) return;
    this.notice = null;
    if (n.id === this.workspace.id) this.workspace[n.doc] = n.before;
  }
}
