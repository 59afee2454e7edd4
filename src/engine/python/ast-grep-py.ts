/**
 * The Python sources of the playground's ast_grep_py package: ast-grep-py 0.36's API (SgRoot, SgNode, Range,
 * Pos, Edit, the Rule/Config/Relation typed dicts) and its error behaviour (TypeError for a positional
 * non-dict, ValueError for an empty rule, an Exception for an unknown rule key, RuntimeError for a rule
 * ast-grep rejects, KeyError for node["UNBOUND"], a BaseException panic for an unknown language). They only
 * adapt calls: parsing and matching run in @ast-grep/wasm through `_gp_ast_grep_js` (ast-grep.ts), which
 * reports positions in code points, as the native binding does.
 */
export const AST_GREP_PY_FILES: Record<string, string> = {
  'ast_grep_py/__init__.py': String.raw`"""ast_grep_py for python graders in the playground: ast-grep-py 0.36's API on @ast-grep/wasm (the engine
of the playground's ast_grep grader), through the playground's TypeScript bridge. Grammars are loaded before
the grader runs: javascript, typescript, tsx, python, and any language the source names in a string literal
or a code block of the sample is written in."""
from __future__ import annotations

import json
from typing import Dict, List, Literal, Mapping, Optional, TypedDict, Union

import _gp_ast_grep_js as _js

__version__ = "0.36.2"

Strictness = Union[Literal["cst"], Literal["smart"], Literal["ast"], Literal["relaxed"], Literal["signature"]]


class Pattern(TypedDict):
    selector: Optional[str]
    strictness: Optional[Strictness]
    context: str


class NthChild(TypedDict):
    position: Union[int, str]
    ofRule: "Rule"
    nth: int


class RuleWithoutNot(TypedDict, total=False):
    pattern: Union[str, Pattern]
    kind: str
    regex: str
    nthChild: Union[int, str, NthChild]
    inside: "Relation"
    has: "Relation"
    precedes: "Relation"
    follows: "Relation"
    all: List["Rule"]
    any: List["Rule"]
    matches: str


# "not" is a Python keyword: pass it as **{"not": {...}}.
class Rule(RuleWithoutNot, TypedDict("Not", {"not": "Rule"}, total=False)):
    pass


StopBy = Union[Literal["neighbor"], Literal["end"], Rule]


class Relation(RuleWithoutNot, TypedDict("Not", {"not": "Rule"}, total=False), total=False):
    stopBy: StopBy
    field: str


class Config(TypedDict, total=False):
    rule: Rule
    constraints: Dict[str, Mapping]
    utils: Dict[str, Rule]
    transform: Dict[str, Mapping]


class CustomLang(TypedDict):
    library_path: str
    language_symbol: Optional[str]
    meta_var_char: Optional[str]
    expando_char: Optional[str]


class PanicException(BaseException):
    """What the native module raises when Rust panics (pyo3_runtime.PanicException), e.g. for an unknown language."""


PanicException.__module__ = "pyo3_runtime"

_RULE_KEYS = ("pattern", "kind", "regex", "nthChild", "range", "inside", "has", "precedes", "follows", "all", "any",
              "not", "matches")
_RELATION_KEYS = _RULE_KEYS + ("stopBy", "field")
_CONFIG_KEYS = ("rule", "constraints", "utils", "transform")


def _quote(s):
    return "\x60%s\x60" % s  # a backtick each side, as Rust's messages quote names


def _unknown_field(key, expected):
    hint = ""
    if key == "not_":
        hint = ' (ast-grep-py has no not_ keyword: pass **{"not": {...}} instead)'
    return Exception("unknown field %s, expected one of %s%s" % (
        _quote(key), ", ".join(_quote(k) for k in expected), hint))


def _check_rule(rule, keys=_RULE_KEYS):
    if not isinstance(rule, dict):
        return
    for key in rule:
        if key not in keys:
            raise _unknown_field(key, keys)
    for key in ("inside", "has", "precedes", "follows"):
        if key in rule:
            _check_rule(rule[key], _RELATION_KEYS)
            stop = rule[key].get("stopBy") if isinstance(rule[key], dict) else None
            if isinstance(stop, dict):
                _check_rule(stop)
    for key in ("all", "any"):
        if isinstance(rule.get(key), list):
            for sub in rule[key]:
                _check_rule(sub)
    if "not" in rule:
        _check_rule(rule["not"])


def _dump(config):
    try:
        return json.dumps(config)
    except (TypeError, ValueError) as e:
        raise TypeError("a rule must be made of str, int, float, bool, None, list and dict: %s" % e) from None


def _rule_config(kwargs):
    if not kwargs:
        raise ValueError("rule must not be empty")
    _check_rule(kwargs)
    return _dump({"rule": kwargs})


def _full_config(config, kwargs):
    if config is not None:
        if not isinstance(config, dict):
            raise TypeError("argument 'config': '%s' object cannot be converted to 'PyDict'" % type(config).__name__)
        for key in config:
            if key not in _CONFIG_KEYS:
                raise _unknown_field(key, _CONFIG_KEYS)
        if "rule" not in config:
            raise Exception("missing field %s" % _quote("rule"))
        _check_rule(config["rule"])
        return _dump(config)
    return _rule_config(kwargs)


def _answer(text):
    reply = json.loads(text)
    if "error" in reply:
        raise RuntimeError(reply["error"])
    return reply["ok"]


class Pos:
    """A position: 0-based line, column and index, both counted in characters (code points)."""

    __slots__ = ("line", "column", "index")

    def __init__(self, line, column, index):
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "column", column)
        object.__setattr__(self, "index", index)

    def __setattr__(self, name, value):
        raise AttributeError("attribute '%s' of 'builtins.Pos' objects is not writable" % name)

    def __eq__(self, other):
        if not isinstance(other, Pos):
            return NotImplemented
        return (self.line, self.column, self.index) == (other.line, other.column, other.index)

    def __hash__(self):
        return hash((self.line, self.column, self.index))

    def __repr__(self):
        return "Pos(line=%d, col=%d, index=%d)" % (self.line, self.column, self.index)

    def __str__(self):
        return "(%d,%d)" % (self.line, self.column)


class Range:
    __slots__ = ("start", "end")

    def __init__(self, start, end):
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    def __setattr__(self, name, value):
        raise AttributeError("attribute '%s' of 'builtins.Range' objects is not writable" % name)

    def __eq__(self, other):
        if not isinstance(other, Range):
            return NotImplemented
        return (self.start, self.end) == (other.start, other.end)

    def __hash__(self):
        return hash((self.start, self.end))

    def __repr__(self):
        return "Range(start=%r, end=%r)" % (self.start, self.end)

    def __str__(self):
        return "%s-%s" % (self.start, self.end)


class Edit:
    """A replacement of [start_pos, end_pos) (character offsets in the source) by inserted_text."""

    def __init__(self, start_pos, end_pos, inserted_text):
        self.start_pos = start_pos
        self.end_pos = end_pos
        self.inserted_text = inserted_text

    def __eq__(self, other):
        if not isinstance(other, Edit):
            return NotImplemented
        return (self.start_pos, self.end_pos, self.inserted_text) == (other.start_pos, other.end_pos, other.inserted_text)

    def __hash__(self):
        return hash((self.start_pos, self.end_pos, self.inserted_text))


class SgRoot:
    def __init__(self, src, language):
        if not isinstance(src, str):
            raise TypeError("argument 'src': '%s' object cannot be converted to 'PyString'" % type(src).__name__)
        if not isinstance(language, str):
            raise TypeError("argument 'lang': '%s' object cannot be converted to 'PyString'" % type(language).__name__)
        reply = json.loads(_js.parse(language, src))
        if "unknown" in reply:
            raise PanicException("called %s on an %s value: %s is not supported!" % (
                _quote("Result::unwrap()"), _quote("Err"), language))
        if "error" in reply:
            raise RuntimeError(reply["error"])
        self._id = reply["root"]

    def root(self):
        return SgNode._wrap(_js.root(self._id), self)

    def filename(self):
        return "anonymous"

    def __del__(self):
        ident = getattr(self, "_id", None)
        if ident is not None:
            try:
                _js.release_root(ident)
            except Exception:
                pass


class SgNode:
    __slots__ = ("_h", "_root", "__weakref__")

    def __init__(self, *args, **kwargs):
        raise TypeError("No constructor defined for SgNode")

    @staticmethod
    def _wrap(handle, root):
        if handle < 0:
            return None
        node = object.__new__(SgNode)
        node._h = handle
        node._root = root
        return node

    def _many(self, text):
        return [SgNode._wrap(h, self._root) for h in json.loads(text)]

    def __del__(self):
        try:
            _js.release(self._h)
        except Exception:
            pass

    # Node inspection
    def range(self):
        sl, sc, si, el, ec, ei = json.loads(_js.range(self._h))
        return Range(Pos(sl, sc, si), Pos(el, ec, ei))

    def is_leaf(self):
        return bool(_js.is_leaf(self._h))

    def is_named(self):
        return bool(_js.is_named(self._h))

    def is_named_leaf(self):
        return bool(_js.is_named_leaf(self._h))

    def kind(self):
        return str(_js.kind(self._h))

    def text(self):
        return str(_js.text(self._h))

    # Refinement
    def matches(self, **rule):
        return bool(_answer(_js.matches(self._h, _rule_config(rule))))

    def inside(self, **rule):
        return bool(_answer(_js.inside(self._h, _rule_config(rule))))

    def has(self, **rule):
        return bool(_answer(_js.has(self._h, _rule_config(rule))))

    def precedes(self, **rule):
        return bool(_answer(_js.precedes(self._h, _rule_config(rule))))

    def follows(self, **rule):
        return bool(_answer(_js.follows(self._h, _rule_config(rule))))

    def get_match(self, meta_var):
        return SgNode._wrap(_js.get_match(self._h, meta_var), self._root)

    def get_multiple_matches(self, meta_var):
        return self._many(_js.get_multiple_matches(self._h, meta_var))

    def get_transformed(self, meta_var):
        value = _js.get_transformed(self._h, meta_var)
        return None if value is None else str(value)

    def __getitem__(self, meta_var):
        node = self.get_match(meta_var)
        if node is None:
            raise KeyError(meta_var)
        return node

    # Search
    def find(self, config=None, **rule):
        return SgNode._wrap(_answer(_js.find(self._h, _full_config(config, rule))), self._root)

    def find_all(self, config=None, **rule):
        return [SgNode._wrap(h, self._root) for h in _answer(_js.find_all(self._h, _full_config(config, rule)))]

    # Tree traversal
    def get_root(self):
        return self._root

    def field(self, name):
        return SgNode._wrap(_js.field(self._h, name), self._root)

    def field_children(self, name):
        return self._many(_js.field_children(self._h, name))

    def parent(self):
        return SgNode._wrap(_js.parent(self._h), self._root)

    def child(self, nth):
        if not isinstance(nth, int) or isinstance(nth, bool):
            raise TypeError("argument 'nth': '%s' object cannot be interpreted as an integer" % type(nth).__name__)
        if nth < 0:
            raise OverflowError("can't convert negative int to unsigned")
        return SgNode._wrap(_js.child(self._h, nth), self._root)

    def children(self):
        return self._many(_js.children(self._h))

    def ancestors(self):
        return self._many(_js.ancestors(self._h))

    def next(self):
        return SgNode._wrap(_js.next(self._h), self._root)

    def next_all(self):
        return self._many(_js.next_all(self._h))

    def prev(self):
        return SgNode._wrap(_js.prev(self._h), self._root)

    def prev_all(self):
        return self._many(_js.prev_all(self._h))

    # Edit
    def replace(self, new_text):
        r = self.range()
        return Edit(r.start.index, r.end.index, new_text)

    def commit_edits(self, edits):
        old = self.text()
        offset = self.range().start.index
        out = []
        start = 0
        for edit in sorted(edits, key=lambda e: e.start_pos):
            pos = edit.start_pos - offset
            if start > pos:  # overlapping edits are skipped
                continue
            out.append(old[start:pos])
            out.append(edit.inserted_text)
            start = edit.end_pos - offset
        out.append(old[start:])
        return "".join(out)

    # Magic methods
    def __eq__(self, other):
        if not isinstance(other, SgNode):
            return NotImplemented
        return _js.node_id(self._h) == _js.node_id(other._h)

    def __hash__(self):
        return hash(_js.node_id(self._h))

    def __str__(self):
        return "%s@%s" % (self.kind(), self.range())

    def __repr__(self):
        chars = self.text()[:10]
        src = chars[:5] + "..." if len(chars) > 9 else chars
        return "SgNode(%s, kind=%s, range=%s)" % (_quote(src), self.kind(), self.range())


def register_dynamic_language(langs):
    raise RuntimeError(
        "register_dynamic_language loads a native tree-sitter library, which Python in the browser cannot do. "
        "The playground has javascript, typescript, tsx, python, bash, c, cpp, csharp, css, go, html, java, json, "
        "lua, php, ruby, rust and yaml built in.")


__all__ = ["Rule", "Config", "Relation", "Pattern", "NthChild", "SgNode", "SgRoot", "Pos", "Range", "Edit",
           "register_dynamic_language"]
`,
};
