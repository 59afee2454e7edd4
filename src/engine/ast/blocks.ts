/**
 * Finding the code blocks in a model's answer (`output_text`), with the language and file path each one
 * claims, for the `ast_grep` grader, the AST panel and the python export (which carries a line-for-line
 * Python twin of this module: ast-grep-export.ts; change both together, a test compares them).
 *
 * The rules, in order:
 * - A block is a CommonMark fenced code block: a line of at least three backticks or tildes (indented by at
 *   most three spaces), closed by a line of the same character at least as long with nothing else on it. A
 *   fence that is never closed runs to the end of the text. The code is the lines in between, exactly as they
 *   are in the text (indentation included).
 * - The language is the first word of the fence's info string, by ast-grep's names and aliases plus a few
 *   Markdown spellings (`python3`, `sh`, `mjs`, ...); `lang:path` (```ts:src/pay.ts) also works. Without a
 *   language word, a file path's extension decides (`.ts` → typescript).
 * - The path comes from, first: the info string (`title="src/pay.ts"`, `file=`, `filename=`, `path=`, or a
 *   second word that is a file path); else the nearest non-blank line above the fence, when that line is just
 *   a file path once Markdown decoration is stripped (`**src/pay.ts**`, `### src/pay.ts`, `File: src/pay.ts`,
 *   `` `src/pay.ts`: ``), or ends with a colon and holds exactly one backticked file path ("Create
 *   `src/pay.ts`:"); else a first code line that is a comment holding only a path (`// src/pay.ts`).
 * - A file path is one token of letters, digits and `_ . - / @ ~ +` ending in an extension that starts with a
 *   letter (`pay.ts`, `src/a.test.js`); `1.2` and `e.g.` are not paths.
 * - A text without any fence is one unfenced block (no language, no path), so bare code can still be checked
 *   by a check that names its language.
 * Only ASCII letters are case-folded and only spaces, tabs and CR are trimmed, so both twins agree exactly.
 * This module finds blocks; it never parses or matches code.
 */
import { findLanguage } from './languages.ts';

export interface CodeBlock {
  /** 0-based position among the blocks of the text. */
  index: number;
  /** Canonical ast-grep language name (`typescript`), or null when the block does not say. */
  lang: string | null;
  /** The fence's info string as written (trimmed), '' when there is none or no fence. */
  info: string;
  /** The file the block claims to be, or null. */
  path: string | null;
  /** Where the path came from. */
  pathFrom: 'info' | 'line-above' | 'comment' | null;
  code: string;
  /** UTF-16 offset of the code's first character in the text. */
  start: number;
  /** 0-based line of the code's first line in the text. */
  line: number;
  /** False for the whole-text block of a text without fences. */
  fenced: boolean;
}

/** Markdown spellings of languages that ast-grep's own aliases do not cover. */
export const EXTRA_LANGUAGE_WORDS: Record<string, string> = {
  python3: 'python',
  py3: 'python',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  mts: 'typescript',
  cts: 'typescript',
  'c#': 'csharp',
  h: 'c',
  hpp: 'cpp',
  htm: 'html',
};

/** File extensions (lower-case, no dot) and their languages. */
export const EXTENSIONS: Record<string, string> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  py: 'python',
  pyi: 'python',
  sh: 'bash',
  bash: 'bash',
  c: 'c',
  h: 'c',
  cpp: 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  hh: 'cpp',
  cs: 'csharp',
  css: 'css',
  go: 'go',
  html: 'html',
  htm: 'html',
  java: 'java',
  json: 'json',
  lua: 'lua',
  php: 'php',
  rb: 'ruby',
  rs: 'rust',
  yaml: 'yaml',
  yml: 'yaml',
};

// [\s\S], not `.`: JS's `.` also stops at \r, U+2028 and U+2029, Python's only at \n.
const FENCE = /^( {0,3})(`{3,}|~{3,})([\s\S]*)$/;
const PATH = /^(?:\.{0,2}\/)?(?:[A-Za-z0-9_.@~+-]+\/)*[A-Za-z0-9_.@~+-]*\.[A-Za-z][A-Za-z0-9]*$/;
const PATH_ATTRIBUTE = /(?:^|[ \t])(?:title|file|filename|path)=(?:"([^"]*)"|'([^']*)'|([^ \t]+))/;
const BACKTICKED = /`([^`]+)`/g;
const COMMENT_PATH = /^(?:\/\/|#|--|;|\/\*|<!--)[ \t]*(?:(?:file|filename|path)[ \t]*:[ \t]*)?([^ \t]+?)[ \t]*(?:\*\/|-->)?$/;

/** ASCII-only lower-casing (the Python twin does the same; Unicode folding differs between the two). */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function trim(s: string): string {
  return s.replace(/^[ \t\r]+|[ \t\r]+$/g, '');
}

/** The canonical language a Markdown info word names, or null. */
export function languageOfWord(word: string): string | null {
  const w = asciiLower(word);
  // Own keys only: `constructor` or `toString` must not find Object.prototype's members.
  if (Object.hasOwn(EXTRA_LANGUAGE_WORDS, w)) return EXTRA_LANGUAGE_WORDS[w]!;
  return findLanguage(w)?.name ?? null;
}

/** True when `s` is a file path by the rule above. */
export function isPath(s: string): boolean {
  return PATH.test(s);
}

/** The language a file path's extension says, or null. */
export function languageOfPath(path: string): string | null {
  const ext = asciiLower(path.slice(path.lastIndexOf('.') + 1));
  return Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext]! : null;
}

/** Language and path from a fence's info string. */
function parseInfo(info: string): { lang: string | null; path: string | null } {
  let path: string | null = null;
  const attr = PATH_ATTRIBUTE.exec(info);
  if (attr) {
    const value = attr[1] ?? attr[2] ?? attr[3] ?? '';
    if (value !== '') path = value;
  }
  const words = info.split(/[ \t]+/).filter((w) => w !== '');
  let first = words[0] ?? '';
  if (first.includes('=')) first = '';
  let lang: string | null = null;
  const colon = first.indexOf(':');
  if (colon > 0 && isPath(first.slice(colon + 1))) {
    lang = languageOfWord(first.slice(0, colon));
    path ??= first.slice(colon + 1);
  } else if (first !== '') {
    lang = languageOfWord(first);
    if (lang === null && isPath(first)) path ??= first;
  }
  const second = words[1];
  if (path === null && second !== undefined && !second.includes('=') && isPath(second)) path = second;
  return { lang, path };
}

/** A path named by the line above a fence, or null. */
export function pathFromLine(line: string): string | null {
  const text = trim(line);
  // "Create `src/pay.ts`:" — exactly one backticked path in a line that introduces what follows.
  if (text.endsWith(':')) {
    const ticked = [...text.matchAll(BACKTICKED)].map((m) => trim(m[1] ?? ''));
    if (ticked.length === 1 && isPath(ticked[0]!)) return ticked[0]!;
  }
  let s = text;
  s = s.replace(/^(?:>[ \t]*)+/, '');
  s = s.replace(/^#{1,6}[ \t]+/, '');
  s = s.replace(/^(?:[-*+]|[0-9]+[.)])[ \t]+/, '');
  s = s.replace(/[*_`]/g, '');
  s = trim(s);
  s = s.replace(/^(?:file|filename|path)[ \t]*:[ \t]*/i, '');
  s = s.replace(/:$/, '');
  s = trim(s);
  return isPath(s) ? s : null;
}

/** A path named by a comment that is the block's whole first line, or null. */
function pathFromComment(code: string): string | null {
  const nl = code.indexOf('\n');
  const first = trim(nl < 0 ? code : code.slice(0, nl));
  const m = COMMENT_PATH.exec(first);
  const candidate = m?.[1];
  return candidate !== undefined && isPath(candidate) ? candidate : null;
}

/** Every code block of `text`, in order. */
export function findCodeBlocks(text: string): CodeBlock[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  const blocks: CodeBlock[] = [];
  let i = 0;
  let afterPrevious = 0; // first line after the previous block: a path above a fence never comes from inside one
  while (i < lines.length) {
    const open = FENCE.exec(lines[i]!.replace(/\r$/, ''));
    if (!open || (open[2]![0] === '`' && open[3]!.includes('`'))) {
      i++;
      continue;
    }
    const [, , fence = '', rawInfo = ''] = open;
    const info = trim(rawInfo);
    let end = i + 1;
    while (end < lines.length && !isClosing(lines[end]!, fence)) end++;
    const codeLines = lines.slice(i + 1, end);
    const code = codeLines.length === 0 ? '' : codeLines.join('\n') + (end < lines.length ? '\n' : '');
    let { lang, path } = parseInfo(info);
    let pathFrom: CodeBlock['pathFrom'] = path !== null ? 'info' : null;
    if (path === null) {
      for (let j = i - 1; j >= afterPrevious; j--) {
        if (trim(lines[j]!) === '') continue;
        path = pathFromLine(lines[j]!);
        if (path !== null) pathFrom = 'line-above';
        break;
      }
    }
    if (path === null) {
      path = pathFromComment(code);
      if (path !== null) pathFrom = 'comment';
    }
    if (lang === null && path !== null) lang = languageOfPath(path);
    const line = i + 1;
    blocks.push({ index: blocks.length, lang, info, path, pathFrom, code, start: line < starts.length ? starts[line]! : text.length, line, fenced: true });
    i = end + 1;
    afterPrevious = i;
  }
  if (blocks.length === 0 && trim(text.replace(/\n/g, ' ')) !== '') {
    blocks.push({ index: 0, lang: null, info: '', path: null, pathFrom: null, code: text, start: 0, line: 0, fenced: false });
  }
  return blocks;
}

function isClosing(line: string, fence: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line.replace(/\r$/, ''));
  return m !== null && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
}
