/**
 * The playground's ast_grep_py inside python graders (Pyodide in a Node worker thread, @ast-grep/wasm beside
 * it): every golden corpus case through the Python API with positions in code points, ast-grep-py's
 * documented behaviour (inspection, refinement, traversal, edits, errors), grammar preloading, no leaked
 * trees across runs, and a realistic grader that checks fenced code blocks.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaVariableNames } from '../ast/metavars.ts';
import { positionMapper } from '../ast/positions.ts';
import type { AstCapture, AstMatch, AstRange } from '../ast/types.ts';
import type { PythonRunResponse } from '../runtime.ts';
import { languagesToPreload } from './ast-grep.ts';
import { createNodePythonRuntime } from './node.ts';
import type { SupervisedPythonRuntime } from './supervisor.ts';

let rt: SupervisedPythonRuntime;

beforeAll(async () => {
  rt = createNodePythonRuntime();
  await rt.prepare();
}, 180_000);

afterAll(() => rt.close());

function run(source: string, sample: unknown = {}, item: unknown = {}): Promise<PythonRunResponse> {
  return rt.run({ source, sampleJson: JSON.stringify(sample), itemJson: JSON.stringify(item), timeoutMs: 120_000 });
}

/** Runs Python test functions (`def test_x():` with asserts) and returns the names of the failing ones with why. */
async function pyTests(body: string): Promise<{ passed: string[]; failed: string[] }> {
  const source = `import json, traceback
from ast_grep_py import SgRoot, SgNode, Rule, Config, Relation, Pos, Range, Edit

class raises:
    def __init__(self, kind):
        self.kind = kind
    def __enter__(self):
        return self
    def __exit__(self, t, e, tb):
        if t is None:
            raise AssertionError("did not raise %s" % self.kind.__name__)
        if not issubclass(t, self.kind):
            return False
        self.value = e
        return True

${body}

def grade(sample, item):
    passed, failed = [], []
    for name, fn in list(globals().items()):
        if name.startswith("test_") and callable(fn):
            try:
                fn()
                passed.append(name)
            except BaseException as e:
                failed.append("%s: %s" % (name, "".join(traceback.format_exception_only(e)).strip()))
    print(json.dumps({"passed": passed, "failed": failed}))
    return 1.0
`;
  const r = await run(source);
  if (r.status !== 'ok') throw new Error(`${r.errorType}: ${r.details}`);
  return JSON.parse(r.stdout!.trim().split('\n').pop()!) as { passed: string[]; failed: string[] };
}

interface Case {
  id: string;
  lang: string;
  source: string;
  rule: string | Record<string, unknown>;
  expected: { matches: AstMatch[] } | { error: string };
}
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const corpus: { cases: Case[] } = JSON.parse(readFileSync(new URL('../../../test/fixtures/ast-grep-corpus.json', import.meta.url), 'utf8'));

describe('ast_grep_py: the golden corpus through the Python API', () => {
  it('gives every case the oracle matches, captures and errors, with positions in code points', async () => {
    const cases = corpus.cases.map((c) => {
      const names = metaVariableNames(typeof c.rule === 'string' ? c.rule : { rule: c.rule });
      return { id: c.id, lang: c.lang, source: c.source, rule: c.rule, single: names.single, multi: names.multi };
    });
    const source = `import json
from ast_grep_py import SgRoot

def pos(p):
    return {"line": p.line, "column": p.column, "index": p.index}

def rng(n):
    r = n.range()
    return {"start": pos(r.start), "end": pos(r.end)}

def cap(n):
    return {"text": n.text(), "kind": n.kind(), "named": n.is_named(), "range": rng(n)}

def grade(sample, item):
    out = {}
    for c in item["cases"]:
        root = SgRoot(c["source"], c["lang"]).root()
        try:
            found = root.find_all(pattern=c["rule"]) if isinstance(c["rule"], str) else root.find_all(**c["rule"])
        except Exception as e:
            out[c["id"]] = {"error": str(e), "type": type(e).__name__}
            continue
        matches = []
        for m in found:
            single = {k: cap(m[k]) for k in c["single"] if m.get_match(k) is not None}
            multi = {k: [cap(x) for x in m.get_multiple_matches(k)] for k in c["multi"]}
            matches.append({"text": m.text(), "kind": m.kind(), "range": rng(m), "single": single, "multi": multi})
        out[c["id"]] = {"matches": matches}
    print(json.dumps(out))
    return 1.0
`;
    const r = await run(source, {}, { cases });
    expect(r.status, r.details).toBe('ok');
    const got = JSON.parse(r.stdout!.trim()) as Record<string, { matches: AstMatch[] } | { error: string; type: string }>;
    let compared = 0;
    for (const c of corpus.cases) {
      const mapper = positionMapper(c.source);
      const cp = (range: AstRange): AstRange => mapper.toCodePointsRange(range);
      const capture = (x: AstCapture): AstCapture => ({ ...x, range: cp(x.range) });
      // Python always hands ast-grep a rule config (as ast-grep-py does), so a pattern error comes wrapped in
      // the config's explanation: `rule` is not configured correctly. |-> ... |-> <napi's message>.
      const expected =
        'error' in c.expected
          ? { error: expect.stringMatching(new RegExp(`(^|\\|->)${escapeRegExp(c.expected.error)}$`)), type: 'RuntimeError' }
          : {
              matches: c.expected.matches.map((m) => ({
                text: m.text,
                kind: m.kind,
                range: cp(m.range),
                single: Object.fromEntries(Object.entries(m.single).map(([k, v]) => [k, capture(v)])),
                multi: Object.fromEntries(Object.entries(m.multi).map(([k, v]) => [k, v.map(capture)])),
              })),
            };
      expect(got[c.id], c.id).toStrictEqual(expected);
      compared++;
    }
    expect(compared).toBe(183);
  }, 180_000);

  it('counts code points where UTF-16 differs (an emoji before the match)', async () => {
    const t = await pyTests(`
def test_astral():
    root = SgRoot("s = '😀'; console.log(x)", "javascript").root()
    node = root.find(pattern="console.log($A)")
    assert node.range().start == Pos(0, 9, 9), repr(node.range())
    assert node["A"].range().start.column == 21
    # a range rule in code points, as the native binding takes it
    assert root.find(range={"start": {"line": 0, "column": 21}, "end": {"line": 0, "column": 22}}).text() == "x"
`);
    expect(t.failed).toEqual([]);
  }, 60_000);
});

describe('ast_grep_py: ast-grep-py behaviour', () => {
  it('inspects, refines and reports like the native binding', async () => {
    const t = await pyTests(`
source = "function test() {\\n  let a = 123\\n  let b = 456\\n  let c = 789\\n}"
root = SgRoot(source, "javascript").root()

def test_inspect():
    node = root.find(pattern="let $A = $B")
    assert node.kind() == "lexical_declaration" and node.text() == "let a = 123"
    assert not node.is_leaf() and node.is_named()
    assert root.find(pattern="123").is_leaf() and root.find(kind="number").text() == "123"
    r = node.range()
    assert (r.start.line, r.start.column, r.start.index, r.end.column, r.end.index) == (1, 2, 20, 13, 31)
    assert r == root.find(pattern="let $A = 123").range() and hash(r.start) == hash(Pos(1, 2, 20))
    assert str(node) == "lexical_declaration@(1,2)-(1,13)"
    assert repr(node) == "SgNode(\`let a...\`, kind=lexical_declaration, range=(1,2)-(1,13))"
    assert repr(root.find(pattern="123")) == "SgNode(\`123\`, kind=number, range=(1,10)-(1,13))"
    assert repr(r.start) == "Pos(line=1, col=2, index=20)"

def test_refine():
    node = root.find(pattern="let $A = $B")
    assert node.matches(kind="lexical_declaration") and not node.matches(kind="number")
    assert node.matches(has=Rule(kind="variable_declarator", has=Rule(kind="number", pattern="123")))
    assert node.inside(kind="function_declaration") and not node.inside(kind="function_expression")
    assert node.has(pattern="123") and not node.has(kind="function_expression")
    assert node.precedes(pattern="let b = 456\\n") and not node.follows(pattern="let c = 789\\n")
    assert root.find(pattern="let b = 456\\n").follows(pattern="let a = 123\\n")

def test_metavariables():
    node = root.find(pattern="let $A = $B")
    assert node.get_match("A").text() == "a" and node["A"].range().start.column == 6
    assert node.get_match("Z") is None
    with raises(KeyError):
        node["Z"]
    stmts = root.find(pattern="function test() { $$$STMT }").get_multiple_matches("STMT")
    assert len(stmts) == 3 and stmts[0] == root.find(pattern="let a = 123")

def test_identity():
    a, b = root.find(pattern="let $A = $B"), root.find(pattern="let $A = 123")
    assert a == b and hash(a) == hash(b) and a != root
    assert a.get_root().filename() == "anonymous"

def test_rules_and_configs():
    assert root.find(Config(rule={"pattern": "let a = 123"}))
    assert not root.find(**{"pattern": "let $A = $B", "not": Rule(pattern="let a = 123"), "regex": "123"})
    assert root.find(pattern="let a = 123\\n", inside=Relation(kind="function_declaration", stopBy="end"))
    node = root.find({"rule": {"pattern": "let $A = $B", "regex": "123"}, "constraints": {"A": {"pattern": "a"}},
                      "transform": {"C": {"substring": {"source": "$B", "startChar": 1, "endChar": -1}}}})
    assert node.get_transformed("C") == "2" and node.get_transformed("D") is None
    assert [n["N"].text() for n in root.find_all(pattern="let $N = $V")] == ["a", "b", "c"]

def test_traversal():
    decl = root.find(kind="variable_declarator")
    assert decl.field("name").text() == "a" and decl.field("value").text() == "123" and decl.field("x") is None
    assert decl.parent().kind() == "lexical_declaration" and root.parent() is None
    assert decl.child(0).text() == "a" and decl.child(2).text() == "123" and decl.child(3) is None
    assert [c.text() for c in decl.children()] == ["a", "=", "123"]
    assert len(decl.ancestors()) == 4 and not root.ancestors()
    first = root.find(pattern="let a = $A\\n")
    assert first.next().text() == "let b = 456" and len(first.next_all()) == 3 and first.prev().text() == "{"
    assert len(root.find(pattern="let c = $A\\n").prev_all()) == 3
    attrs = SgRoot('const el = <div id="foo" className="bar" />', "tsx").root().find(kind="jsx_self_closing_element").field_children("attribute")
    assert [a.text() for a in attrs] == ['id="foo"', 'className="bar"']

def test_edits():
    node = root.find(pattern="let $A = $B")
    edit = node["B"].replace("1 + 2")
    assert (edit.start_pos, edit.end_pos, edit.inserted_text) == (28, 31, "1 + 2")
    assert node.commit_edits([edit]) == "let a = 1 + 2"
    ja = SgRoot("ハロ = console.log(世界)", "javascript").root()
    arg = ja.find(pattern="console.log($A)")["A"]
    assert arg.range().start.index == 17
    assert ja.commit_edits([arg.replace("x"), ja.find(pattern="ハロ").replace("y")]) == "y = console.log(x)"

def test_errors():
    with raises(TypeError):
        root.find("let $A = 123")
    with raises(ValueError):
        root.matches()
    for method in (root.inside, root.has, root.precedes, root.follows, root.find):
        with raises(ValueError):
            method()
    with raises(Exception) as e:
        root.find(pat="x")
    assert "unknown field" in str(e.value)
    with raises(Exception) as e:
        root.find(pattern="x", not_={"kind": "number"})
    assert "no not_ keyword" in str(e.value)
    with raises(RuntimeError):
        root.find(kind="nonsense")
    with raises(RuntimeError):
        root.find(pattern="$@!!--l3**+no//nsense")
    assert root.find(pattern="@test") is None
    with raises(BaseException) as e:
        SgRoot("x", "klingon")
    assert type(e.value).__name__ == "PanicException" and not isinstance(e.value, Exception)
    with raises(TypeError):
        SgNode()
`);
    expect(t.failed).toEqual([]);
    expect(t.passed).toHaveLength(8);
  }, 60_000);
});

describe('ast_grep_py: grammars and memory', () => {
  it('preloads languages named in the source or used by a code block of the sample', () => {
    expect(languagesToPreload('SgRoot(code, "Rust")\nx = \'go\'', JSON.stringify({ output_text: '```rb\nputs 1\n```' }), '{}').sort()).toEqual(['go', 'ruby', 'rust']);
    expect(languagesToPreload('lang = block.lang', '{}', '{}')).toEqual([]);
  });

  it('loads a grammar the source names, and explains one it does not', async () => {
    const named = await run('from ast_grep_py import SgRoot\ndef grade(s, i):\n    return float(SgRoot("fn main() { let x = 1; }", "rust").root().find(pattern="let $X = 1;") is not None)\n');
    expect(named).toMatchObject({ status: 'ok', value: 1 });
    const unnamed = await run('from ast_grep_py import SgRoot\nL = "ja" + "va"\ndef grade(s, i):\n    return float(SgRoot("class A {}", L).root() is not None)\n');
    expect(unnamed.status).toBe('runtime_error');
    expect(unnamed.details).toMatch(/RuntimeError: The java grammar is not loaded\..*Add "java" to the source/s);
  }, 60_000);

  it('frees the previous run’s trees', async () => {
    const live = 'import json, _gp_ast_grep_js as js\nfrom ast_grep_py import SgRoot\nKEEP = []\ndef grade(s, i):\n    print(js.live())\n    KEEP.append(SgRoot("a(1)", "js").root().find(pattern="a($X)"))\n    return 1\n';
    await run(live);
    const second = await run(live);
    expect(JSON.parse(second.stdout!.trim())).toEqual({ roots: 0, nodes: 0 });
  }, 60_000);
});

describe('ast_grep_py: a realistic grader', () => {
  const grader = `import re
from ast_grep_py import SgRoot

FENCE = re.compile(r"^\`\`\`(\\w+)\\n(.*?)^\`\`\`", re.S | re.M)

def grade(sample, item):
    blocks = FENCE.findall(sample["output_text"])
    code = [c for lang, c in blocks if lang in ("ts", "typescript")]
    if not code:
        return 0.0
    root = SgRoot(code[0], "typescript").root()
    score = 0.0
    if root.find(pattern="await fetch($$$ARGS)") is not None:
        score += 0.5
    if root.find(kind="try_statement", has={"pattern": "await $E", "stopBy": "end"}) is not None:
        score += 0.5
    if root.find(pattern="console.log($$$)") is not None:
        score -= 0.25
    return max(score, 0.0)
`;
  const answer = (body: string) => ({ output_text: `Sure:\n\`\`\`ts\nasync function load() {\n${body}\n}\n\`\`\`\nDone.` });

  it('scores fenced TypeScript blocks unmodified', async () => {
    const cases: [string, number][] = [
      ['  try {\n    const r = await fetch("/a");\n    return r.json();\n  } catch (e) {\n    return null;\n  }', 1],
      ['  const r = await fetch("/a", { cache: "no-store" });\n  console.log(r);', 0.25],
      ['  return 1;', 0],
    ];
    for (const [body, want] of cases) {
      const r = await run(grader, answer(body));
      expect(r, body).toMatchObject({ status: 'ok', value: want });
    }
  }, 60_000);
});
