/**
 * "Export as python grader" for ast_grep graders: writes a `python` grader that does the same checks with
 * ast_grep_py (in OpenAI's grader image, and provided here), so the reward is the same in the playground and
 * at OpenAI. The Python source carries its own copy of the code-block rules, a line-for-line twin of
 * ast/blocks.ts (a test runs both on the same texts). Pure string building: it runs nothing.
 */
import { LANGUAGES, findLanguage } from '../ast/languages.ts';
import { EXTENSIONS, EXTRA_LANGUAGE_WORDS } from '../ast/blocks.ts';
import type { AstGrepGrader, PythonGrader } from '../types.ts';
import { jsonEntries } from '../json.ts';
import { checkName, checkQuery } from './ast-grep.ts';

/** A JSON value as a Python literal (None/True/False; JSON's string escapes are valid Python escapes). */
export function pythonLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  const inner = indent + '    ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + pythonLiteral(v, inner)).join(',\n')},\n${indent}]`;
  }
  const entries = jsonEntries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pythonLiteral(v, inner)}`).join(',\n')},\n${indent}}`;
}

/** Markdown language words (lower case) to canonical names: ast-grep's aliases plus the extra spellings. */
function languageWords(): Record<string, string> {
  const words: Record<string, string> = {};
  for (const info of LANGUAGES) for (const alias of info.aliases) words[alias.toLowerCase()] = info.name;
  return { ...words, ...EXTRA_LANGUAGE_WORDS };
}

/** The Python twin of ast/blocks.ts `findCodeBlocks` (keep the two in step). */
export function pythonCodeBlocks(): string {
  return String.raw`_WORDS = ${pythonLiteral(languageWords())}

_EXTENSIONS = ${pythonLiteral(EXTENSIONS)}

_FENCE = re.compile(r"^( {0,3})(${'`'}{3,}|~{3,})(.*)\Z", re.S)
_CLOSING = re.compile(r"^ {0,3}(${'`'}{3,}|~{3,})[ \t]*\Z")
_PATH = re.compile(r"^(?:\.{0,2}/)?(?:[A-Za-z0-9_.@~+-]+/)*[A-Za-z0-9_.@~+-]*\.[A-Za-z][A-Za-z0-9]*\Z")
_PATH_ATTRIBUTE = re.compile(r"(?:^|[ \t])(?:title|file|filename|path)=(?:\"([^\"]*)\"|'([^']*)'|([^ \t]+))")
_BACKTICKED = re.compile(r"${'`'}([^${'`'}]+)${'`'}")
_COMMENT_PATH = re.compile(r"^(?://|#|--|;|/\*|<!--)[ \t]*(?:(?:file|filename|path)[ \t]*:[ \t]*)?([^ \t]+?)[ \t]*(?:\*/|-->)?\Z")
_LABEL = re.compile(r"^(?:file|filename|path)[ \t]*:[ \t]*", re.I | re.A)


def _lower(s):
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s)


def _trim(s):
    return s.strip(" \t\r")


def _language_of_word(word):
    return _WORDS.get(_lower(word))


def _is_path(s):
    return _PATH.match(s) is not None


def _language_of_path(path):
    return _EXTENSIONS.get(_lower(path[path.rfind(".") + 1:]))


def _parse_info(info):
    path = None
    attr = _PATH_ATTRIBUTE.search(info)
    if attr:
        value = next((g for g in attr.groups() if g is not None), "")
        if value != "":
            path = value
    words = [w for w in re.split(r"[ \t]+", info) if w != ""]
    first = words[0] if words else ""
    if "=" in first:
        first = ""
    lang = None
    colon = first.find(":")
    if colon > 0 and _is_path(first[colon + 1:]):
        lang = _language_of_word(first[:colon])
        if path is None:
            path = first[colon + 1:]
    elif first != "":
        lang = _language_of_word(first)
        if lang is None and _is_path(first) and path is None:
            path = first
    if path is None and len(words) > 1 and "=" not in words[1] and _is_path(words[1]):
        path = words[1]
    return lang, path


def _path_from_line(line):
    text = _trim(line)
    if text.endswith(":"):
        ticked = [_trim(t) for t in _BACKTICKED.findall(text)]
        if len(ticked) == 1 and _is_path(ticked[0]):
            return ticked[0]
    s = re.sub(r"^(?:>[ \t]*)+", "", text)
    s = re.sub(r"^#{1,6}[ \t]+", "", s)
    s = re.sub(r"^(?:[-*+]|[0-9]+[.)])[ \t]+", "", s)
    s = re.sub(r"[*_${'`'}]", "", s)
    s = _trim(s)
    s = _LABEL.sub("", s, count=1)
    s = re.sub(r":\Z", "", s)
    s = _trim(s)
    return s if _is_path(s) else None


def _path_from_comment(code):
    nl = code.find("\n")
    first = _trim(code if nl < 0 else code[:nl])
    m = _COMMENT_PATH.match(first)
    return m.group(1) if m and _is_path(m.group(1)) else None


def _is_closing(line, fence):
    if line.endswith("\r"):
        line = line[:-1]
    m = _CLOSING.match(line)
    return m is not None and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence)


def code_blocks(text):
    """The code blocks of a model's answer: [{"lang", "path", "code"}], as the playground's ast_grep grader finds them."""
    lines = text.split("\n")
    blocks = []
    i = 0
    after_previous = 0
    while i < len(lines):
        line = lines[i][:-1] if lines[i].endswith("\r") else lines[i]
        m = _FENCE.match(line)
        if not m or (m.group(2)[0] == "${'`'}" and "${'`'}" in m.group(3)):
            i += 1
            continue
        fence, info = m.group(2), _trim(m.group(3))
        end = i + 1
        while end < len(lines) and not _is_closing(lines[end], fence):
            end += 1
        code_lines = lines[i + 1:end]
        code = "" if not code_lines else "\n".join(code_lines) + ("\n" if end < len(lines) else "")
        lang, path = _parse_info(info)
        if path is None:
            for j in range(i - 1, after_previous - 1, -1):
                if _trim(lines[j]) == "":
                    continue
                path = _path_from_line(lines[j])
                break
        if path is None:
            path = _path_from_comment(code)
        if lang is None and path is not None:
            lang = _language_of_path(path)
        blocks.append({"lang": lang, "path": path, "code": code})
        i = end + 1
        after_previous = i
    if not blocks and _trim(text.replace("\n", " ")) != "":
        blocks.append({"lang": None, "path": None, "code": text})
    return blocks`;
}

/** An equivalent python grader: same checks, same blocks, same reward (reward 0 where ast_grep errs). */
export function exportAstGrepAsPython(grader: AstGrepGrader): PythonGrader {
  const checks = grader.checks.map((check, i) => ({
    name: checkName(check, i),
    lang: check.lang !== undefined ? (findLanguage(check.lang)?.name ?? check.lang) : null,
    path_prefix: check.path_prefix !== undefined ? check.path_prefix.replace(/^\.\//, '') : null,
    config: (() => {
      const q = checkQuery(check.rule);
      return typeof q === 'string' ? { rule: { pattern: q } } : q;
    })(),
  }));
  const source = String.raw`"""Exported from the Grader Playground's ast_grep grader ${JSON.stringify(grader.name)}: the reward is the fraction of
CHECKS that match at least one code block of the answer. Code blocks are the fenced blocks of output_text, with
the language of the fence (or of the file's extension) and a file path from the fence, the line above it or a
first-line comment; an answer without fences is one block. Uses ast-grep-py, which OpenAI's grader image has."""
import json
import re

from ast_grep_py import SgRoot

CHECKS = ${pythonLiteral(checks)}

${pythonCodeBlocks()}


def _candidates(check, blocks):
    for block in blocks:
        if check["path_prefix"] is not None:
            path = block["path"]
            if path is None or not re.sub(r"^\./", "", path).startswith(check["path_prefix"]):
                continue
        if check["lang"] is not None:
            if block["lang"] is None or block["lang"] == check["lang"]:
                yield block, check["lang"]
        elif block["lang"] is not None:
            yield block, block["lang"]


def grade(sample, item):
    text = sample["output_text"]
    if not isinstance(text, str):
        text = json.dumps(text)
    blocks = code_blocks(text)
    passed = 0
    for check in CHECKS:
        found = False
        # Every candidate block is searched (as the playground does), so a rule ast-grep rejects always raises.
        for block, lang in _candidates(check, blocks):
            if SgRoot(block["code"], lang).root().find(check["config"]) is not None:
                found = True
        if found:
            passed += 1
    return passed / len(CHECKS)
`;
  const out: PythonGrader = { type: 'python', name: grader.name, source };
  if (grader.pass_threshold !== undefined) out.pass_threshold = grader.pass_threshold;
  return out;
}
