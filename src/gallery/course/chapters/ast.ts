/** Chapter: AST checks for code (ast_grep_py in a python grader). Data only. */
import type { CourseChapter } from '../types.ts';

const F = '```';

export const astChapter: CourseChapter = {
  id: 'ast',
  title: 'AST checks for code',
  summary: 'Check code by its syntax tree, not its text: comments and prose cannot fool a tree.',
  steps: [
    {
      id: 'not-a-substring',
      title: 'Calls, not characters',
      body: [
        'Whether the code calls `JSON.parse` is a question about the syntax tree. A substring test is fooled both ways: prose that mentions `JSON.parse(` passes it, and a comment that says "never use eval()" fails it.',
        'Python graders can use `ast_grep_py`: `SgRoot(code, "javascript").root().find(pattern="JSON.parse($$$)")` matches real call expressions, whatever the arguments. The AST view shows the tree and the matches of a pattern.',
      ],
      goal: 'Use ast_grep_py on the reply\'s javascript code blocks: 1.0 when one calls `JSON.parse` and none calls `eval`, else 0.0.',
      edit: 'source',
      grader: {
        type: 'python',
        name: 'safe JSON parsing',
        source: String.raw`def grade(sample, item):
    text = sample["output_text"]
    return 1.0 if "JSON.parse(" in text and "eval(" not in text else 0.0
`,
      },
      item: { question: 'Write a JavaScript function parseConfig(text) that parses JSON text safely. Answer with one javascript code block.' },
      checks: [
        { what: 'code that calls JSON.parse', sample: `${F}javascript\nfunction parseConfig(text) {\n  return JSON.parse(text);\n}\n${F}`, expect: { kind: 'range', min: 1 }, clean: true },
        {
          what: 'prose that names JSON.parse around code that does not call it',
          sample: `I would use JSON.parse(text) here:\n${F}javascript\nfunction parseConfig(text) {\n  return Function('return ' + text)();\n}\n${F}`,
          expect: { kind: 'range', max: 0 },
          hack: true,
          clean: true,
        },
        { what: 'good code with a comment about eval', sample: `${F}js\n// never eval() untrusted text\nconst parseConfig = (text) => JSON.parse(text);\n${F}`, expect: { kind: 'range', min: 1 }, hidden: true, clean: true },
        { what: 'code that calls eval', sample: `${F}javascript\nfunction parseConfig(text) {\n  JSON.parse(text);\n  return eval('(' + text + ')');\n}\n${F}`, expect: { kind: 'range', max: 0 }, hidden: true, clean: true },
      ],
      solution: String.raw`import re
from ast_grep_py import SgRoot

FENCE = re.compile(r"^\x60\x60\x60[ \t]*([\w+-]*)[^\n]*\n(.*?)^\x60\x60\x60", re.S | re.M)
JS = {"javascript", "js"}


def grade(sample, item):
    blocks = [code for lang, code in FENCE.findall(sample.get("output_text") or "") if lang.lower() in JS]
    roots = [SgRoot(code, "javascript").root() for code in blocks]
    if not roots:
        return 0.0

    def found(pattern):
        return any(root.find(pattern=pattern) is not None for root in roots)

    if found("eval($$$)"):
        return 0.0
    return 1.0 if found("JSON.parse($$$)") else 0.0
`,
      why: [
        'Only code inside fenced javascript blocks is parsed, and a pattern matches calls, never comments or strings. The grader does not run the code; it checks what is called. The gallery\'s Stripe example goes further, with patterns from the item and a format reward.',
      ],
    },
  ],
};
