/**
 * What an embed page was asked to show, from its address: `embed.html#v1.…` (any share link's fragment),
 * `#url=…`, `?example=<gallery id>&sample=<n>` or `?lesson=<lesson id>`, `?course=<chapter>/<step>`, with `theme=light|dark|auto` (auto
 * follows the host page's prefers-color-scheme) and `view=grader|sample|item` (the editor shown first).
 * Pure: it reads the strings it is given, never `location`.
 */
import type { EngineSettings } from '../engine/types.ts';

/** The workspace an embed shows. */
export interface EmbedDocs {
  title: string;
  grader: string;
  sample: string;
  item: string;
  settings: EngineSettings;
  /** The engine the link recorded (null: it did not say; undefined: not a link). */
  engine?: number | null;
}

export type EmbedTheme = 'light' | 'dark' | 'auto';
export type EmbedView = 'grader' | 'sample' | 'item';

export type EmbedSource =
  | { kind: 'link'; fragment: string }
  | { kind: 'example'; id: string; sample: number }
  | { kind: 'lesson'; id: string }
  | { kind: 'course'; path: string }
  | { kind: 'none' };

export interface EmbedParams {
  source: EmbedSource;
  theme: EmbedTheme;
  view: EmbedView;
}

const THEMES: readonly EmbedTheme[] = ['light', 'dark', 'auto'];
const VIEWS: readonly EmbedView[] = ['grader', 'sample', 'item'];

export function embedParams(search: string, hash: string): EmbedParams {
  const q = new URLSearchParams(search);
  const theme = q.get('theme');
  const view = q.get('view');
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  let source: EmbedSource = { kind: 'none' };
  if (/^v\d+\./.test(h.trim()) || h.startsWith('url=')) source = { kind: 'link', fragment: h };
  else if (q.get('course')) source = { kind: 'course', path: q.get('course')! };
  else if (q.get('lesson')) source = { kind: 'lesson', id: q.get('lesson')! };
  else if (q.get('example')) {
    const n = Number(q.get('sample') ?? '1');
    source = { kind: 'example', id: q.get('example')!, sample: Number.isInteger(n) && n >= 1 ? n - 1 : 0 };
  }
  return {
    source,
    theme: THEMES.includes(theme as EmbedTheme) ? (theme as EmbedTheme) : 'auto',
    view: VIEWS.includes(view as EmbedView) ? (view as EmbedView) : 'sample',
  };
}

/** The message an embed posts to its host page whenever its content's height changes (README "Embedding"). */
export interface EmbedHeightMessage {
  type: 'grader-playground:height';
  height: number;
}

export function heightMessage(height: number): EmbedHeightMessage {
  return { type: 'grader-playground:height', height: Math.ceil(height) };
}

/**
 * What a share dialog offers for a link: an `<iframe>` of the embed (with the few lines a host page needs to
 * follow the embed's height), and a Markdown badge linking to the app (Markdown cannot hold an iframe).
 */
export function embedSnippets(appLink: string, title: string): { embedUrl: string; iframe: string; markdown: string } {
  const embedUrl = embedUrlFor(appLink);
  const t = (title || 'Grader Playground').replace(/["<>&]/g, ' ').trim();
  const iframe =
    `<iframe src="${embedUrl.replace(/"/g, '%22')}" title="${t}" width="100%" height="420" style="border:1px solid #ccc;border-radius:8px" loading="lazy"></iframe>\n` +
    `<script>addEventListener('message', (e) => { if (e.data && e.data.type === 'grader-playground:height') for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = e.data.height + 'px'; });</script>`;
  const badge = new URL('badge.svg', appLink.split('#')[0]).href;
  const md = (u: string) => u.replace(/\(/g, '%28').replace(/\)/g, '%29');
  const markdown = `[![Open in Grader Playground](${md(badge)})](${md(appLink)}) [${t.replace(/[[\]]/g, ' ')}](${md(appLink)})`;
  return { embedUrl, iframe, markdown };
}

/** The embed page's URL for a share link of the app (`<app>/#v1.…` -> `<app>/embed.html#v1.…`). */
export function embedUrlFor(appLink: string, options: { theme?: EmbedTheme; view?: EmbedView } = {}): string {
  const u = new URL(appLink);
  const fragment = u.hash;
  u.hash = '';
  u.search = '';
  u.pathname = u.pathname.replace(/[^/]*$/, '') + 'embed.html';
  if (options.theme && options.theme !== 'auto') u.searchParams.set('theme', options.theme);
  if (options.view && options.view !== 'sample') u.searchParams.set('view', options.view);
  return u.href + fragment;
}
