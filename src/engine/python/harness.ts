/**
 * The Python side of the runtime, as source text (a TS string so Vite, tsx and Node all load it the same way):
 * compile the user's file as `grader.py`, run `grade(sample, item)` in a fresh module with fresh `json.loads`
 * copies of the sample and item, capture stdout/stderr (bounded), and turn the value or the exception into a
 * JSON answer with user-file line numbers. It decides nothing about rewards or flags beyond that answer's status.
 */
export const HARNESS_MODULE = '_gp_harness';

export const HARNESS_PY = String.raw`import ast
import decimal
import inspect
import io
import json
import linecache
import math
import numbers
import sys
import traceback
import types

FILENAME = "grader.py"
MODULE = "grader"
_config = {"output_limit": 100_000, "unavailable": {}, "partial": {}, "distribution": {}}
_last = {"source": None, "code": None, "error": None, "lines": None}


def configure(config_json):
    _config.update(json.loads(config_json))


class _Capture(io.TextIOBase):
    """A bounded text sink for print(): keeps the first limit characters and counts the rest."""

    def __init__(self, limit):
        super().__init__()
        self._parts = []
        self._size = 0
        self._dropped = 0
        self._limit = limit

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not " + type(s).__name__)
        room = self._limit - self._size
        if room > 0:
            piece = s[:room]
            self._parts.append(piece)
            self._size += len(piece)
            self._dropped += len(s) - len(piece)
        else:
            self._dropped += len(s)
        return len(s)

    def text(self):
        out = "".join(self._parts)
        if self._dropped:
            out += "\n[output truncated: %d more characters were not kept]" % self._dropped
        return out


def imports_of(source):
    """Top-level module names the source imports anywhere (absolute imports only), as a JSON list."""
    try:
        tree = ast.parse(source, FILENAME)
    except (SyntaxError, ValueError):
        return "[]"
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names.append(alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module.split(".")[0])
    return json.dumps(sorted(set(names)))


def stdlib_names():
    return json.dumps(sorted(sys.stdlib_module_names))


def _compile(source):
    if _last["source"] != source:
        _last["source"] = source
        _last["code"] = None
        _last["error"] = None
        _last["lines"] = (len(source), None, source.splitlines(True), FILENAME)
        try:
            _last["code"] = compile(source, FILENAME, "exec", dont_inherit=True)
        except SyntaxError as e:
            _last["error"] = e
        except ValueError as e:  # e.g. null bytes in older Pythons
            err = SyntaxError(str(e))
            err.filename = FILENAME
            _last["error"] = err
    # Tracebacks read the user's lines from linecache; a grader may have cleared it, so put them back each run.
    linecache.cache[FILENAME] = _last["lines"]
    return _last["code"], _last["error"]


def _type_name(v):
    t = type(v)
    mod = t.__module__
    return t.__qualname__ if mod in ("builtins", None) else mod.split(".")[0] + "." + t.__qualname__


def _short_repr(v, limit=1000):
    try:
        r = repr(v)
    except BaseException as e:  # a user's __repr__ may raise
        return "<%s object (repr() raised %s)>" % (_type_name(v), type(e).__name__)
    if len(r) > limit:
        r = r[:limit] + "... [%d characters in all]" % len(r)
    return r


def _user_tb(tb):
    """The traceback from the first frame of the user's file on: our wrapper's frames are dropped."""
    while tb is not None and tb.tb_frame.f_code.co_filename != FILENAME:
        tb = tb.tb_next
    return tb


def _last_user_line(tb):
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == FILENAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _exception(e):
    linecache.cache[FILENAME] = _last["lines"]
    tb = _user_tb(e.__traceback__)
    text = "".join(traceback.format_exception(type(e), e, tb))
    out = {
        "status": "runtime_error",
        "errorType": "exception",
        "exceptionType": type(e).__name__,
        "details": text,
        "line": _last_user_line(tb),
    }
    if isinstance(e, KeyboardInterrupt):
        out.update(status="server_error", errorType="timeout",
                   details="The grader was interrupted because it ran past its time limit.\n" + text)
    elif isinstance(e, ModuleNotFoundError) and e.name:
        top = e.name.split(".")[0]
        known = _config["unavailable"].get(top)
        partial = _config["partial"].get(top)
        if partial and e.name != top:
            out.update(status="server_error", errorType="package_unavailable", module=e.name,
                       details=partial + "\n\n" + text)
        elif known:
            out.update(status="server_error", errorType="package_unavailable", module=top,
                       details=known + "\n\n" + text)
        elif top in _config["distribution"]:
            out.update(status="server_error", errorType="package_unavailable", module=top,
                       details=("The module %r exists in Pyodide's package index (package %r) but was not loaded, because "
                                "the playground loads packages for plain import statements it can see in the source "
                                "(import %s or from %s import ...), not for importlib or __import__ calls.\n\n" % (
                                    top, _config["distribution"][top], top, top)) + text)
    elif isinstance(e, LookupError) and "nltk.download" in str(e):
        out.update(status="server_error", errorType="package_unavailable", module="nltk",
                   details=("NLTK's data (punkt, stopwords, wordnet, omw-1.4, names) is installed in OpenAI's grader "
                            "image but not here, and the sandbox cannot download it: this call would work on OpenAI. "
                            "Use a function that needs no corpus (e.g. str.split instead of nltk.word_tokenize) to "
                            "grade here.\n\n") + text)
    elif isinstance(e, SystemExit):
        out["details"] = "The grader called exit() or sys.exit() (code %s) instead of returning a number.\n\n%s" % (
            _short_repr(e.code), text)
    return out


def _describe_params(fn):
    try:
        return "grade" + str(inspect.signature(fn))
    except (TypeError, ValueError):
        return "grade(...)"


def _value(v):
    out = {"valueRepr": _short_repr(v), "valueType": _type_name(v)}
    number = None
    why = None
    if isinstance(v, bool) or (type(v).__module__ == "numpy" and type(v).__name__ in ("bool", "bool_")):
        number = 1.0 if v else 0.0
    elif isinstance(v, (numbers.Real, decimal.Decimal)):
        try:
            number = float(v)
        except OverflowError:
            why = "it is too large to be a float"
        except Exception as e:
            why = "float() of it raised %s: %s" % (type(e).__name__, e)
    elif inspect.iscoroutine(v):
        v.close()
        why = "grade is an async function, and OpenAI calls grade(sample, item) without awaiting it"
    else:
        why = "it is not a number"
    if number is not None and not math.isfinite(number):
        why = "it is not a finite number"
        number = None
    if why is not None:
        out.update(status="runtime_error", errorType="invalid_return",
                   details="grade() returned %s (type %s), which is not a valid score: %s. It must return a finite "
                           "float (an int or a bool is converted to float)." % (out["valueRepr"], out["valueType"], why))
    else:
        out.update(status="ok", value=number)
    return out


def _run(source, sample_json, item_json):
    code, err = _compile(source)
    if err is not None:
        return {
            "status": "runtime_error",
            "errorType": "syntax",
            "exceptionType": type(err).__name__,
            "details": "".join(traceback.format_exception_only(err)),
            "line": err.lineno,
            "column": err.offset,
        }
    # A fresh module per run: globals a grader sets, and the sample and item it mutates, never reach the next
    # run. It sits in sys.modules so dataclasses, typing and pickle can find it by name.
    module = types.ModuleType(MODULE)
    module.__file__ = FILENAME
    sys.modules[MODULE] = module
    namespace = module.__dict__
    try:
        exec(code, namespace)
    except BaseException as e:
        return _exception(e)
    grade = namespace.get("grade")
    if grade is None:
        defined = sorted(k for k, v in namespace.items() if inspect.isfunction(v))
        hint = (" It defines " + ", ".join(d + "()" for d in defined) + ".") if defined else ""
        return {"status": "runtime_error", "errorType": "missing_grade", "line": None,
                "details": "The source does not define a function named grade(sample, item), which is what the grader "
                           "calls." + hint}
    fn_line = getattr(getattr(grade, "__code__", None), "co_firstlineno", None)
    if not callable(grade):
        return {"status": "runtime_error", "errorType": "missing_grade", "line": None,
                "details": "grade is a %s, not a function: define it with def grade(sample, item):" % _type_name(grade)}
    sample = json.loads(sample_json)
    item = json.loads(item_json)
    try:
        inspect.signature(grade).bind(sample, item)
    except TypeError as e:
        return {"status": "runtime_error", "errorType": "wrong_arity", "line": fn_line,
                "details": "%s cannot be called as grade(sample, item): %s. OpenAI calls it with exactly two "
                           "positional arguments." % (_describe_params(grade), e)}
    except ValueError:
        pass  # no signature to check (a builtin): let the call decide
    try:
        value = grade(sample, item)
    except BaseException as e:
        return _exception(e)
    return _value(value)


def run(source, sample_json, item_json):
    limit = _config["output_limit"]
    out, err = _Capture(limit), _Capture(limit)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        result = _run(source, sample_json, item_json)
    finally:
        sys.stdout, sys.stderr = saved
    result["stdout"] = out.text()
    result["stderr"] = err.text()
    return json.dumps(result)
`;
