/**
 * The documents an embed starts from: a share link's fragment (or #url=), a gallery example, or a lesson's first
 * step. The gallery and the lessons are loaded only when asked for, so a link's embed does not carry them.
 * Every failure is a sentence for the page.
 */
import { DEFAULT_SETTINGS } from '../engine/types.ts';
import { decodeShare, loadWorkspaceFromUrl, parseUrlFragment } from '../share/codec.ts';
import type { EmbedDocs, EmbedSource } from './params.ts';

export type Loaded = { ok: true; docs: EmbedDocs } | { ok: false; message: string };

export async function loadEmbedSource(source: EmbedSource): Promise<Loaded> {
  if (source.kind === 'link') {
    const f = parseUrlFragment(source.fragment);
    const r = f.kind === 'share' ? await decodeShare(f.fragment) : f.kind === 'url' ? await loadWorkspaceFromUrl(f.url) : null;
    if (r === null) return { ok: false, message: f.kind === 'invalid' ? f.message : 'This embed has no workspace link.' };
    if (!r.ok) return { ok: false, message: `This link could not be opened: ${r.error.message}` };
    const { title, grader, sample, item, settings } = r.doc;
    return { ok: true, docs: { title, grader, sample, item, settings, engine: r.doc.engine ?? null } };
  }
  if (source.kind === 'example') {
    const { getExample, exampleWorkspace } = await import('../gallery/index.ts');
    const example = getExample(source.id);
    if (!example) return { ok: false, message: `The gallery has no example "${source.id}".` };
    const w = exampleWorkspace(example, source.sample);
    return { ok: true, docs: { title: w.title, grader: w.grader, sample: w.sample, item: w.item, settings: { ...DEFAULT_SETTINGS } } };
  }
  if (source.kind === 'lesson' || source.kind === 'course') return { ok: false, message: source.kind }; // EmbedApp shows lessons and course steps itself
  return {
    ok: false,
    message: 'This embed shows nothing yet: add a share link (embed.html#v1.…), ?example=<id> or ?lesson=<id> to its address.',
  };
}
