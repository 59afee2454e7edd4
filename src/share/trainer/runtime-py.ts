/**
 * The Python every exported reward file carries: OpenAI's grader semantics as the engine implements them, for a
 * compiled grader plan (plan.ts). Templates arrive pre-parsed and the multi formula as a tree, so this code never
 * parses a template or calls eval(); it only walks data. Metrics import rapidfuzz / nltk / rouge_score lazily, so a
 * file needs only the libraries its grader uses. Text only: nothing here runs in TypeScript.
 *
 * Each rule below mirrors one engine module (named in its comment); a test runs both over the gallery.
 */
export const RUNTIME_PY = String.raw`
# ----------------------------------------------------------------------------------------------------------
# OpenAI grader semantics (a twin of the playground's engine; do not edit by hand, re-export instead)

import copy as _copy
import decimal as _decimal
import json as _json
import math as _math
import numbers as _numbers
import os as _os
import re as _re
import types as _types
import warnings as _warnings

# A reply for model graders without a network call: a function(request_body) -> chat completion dict.
# The playground's parity check sets it; leave it None to call OPENAI_BASE_URL with OPENAI_API_KEY.
JUDGE_TRANSPORT = None


class GraderError(Exception):
    """A grade that fails: OpenAI gives reward 0 and sets the error flag."""

    def __init__(self, flag, message):
        super().__init__(message)
        self.flag = flag


def _gp_lookup(root, namespace, path):
    # engine/template.ts lookup(): own keys of objects, in-range integer indexes of lists, nothing else.
    cur = root
    for seg in path:
        if isinstance(cur, list):
            if isinstance(seg, bool) or not isinstance(seg, int) or seg >= len(cur):
                return False, None
            cur = cur[seg]
        elif isinstance(cur, dict):
            key = str(seg)
            if key not in cur:
                return False, None
            cur = cur[key]
        else:
            return False, None
    return True, cur


def _gp_text(value):
    # A string renders as itself; anything else as Python's json.dumps (engine/template.ts valueToText).
    if isinstance(value, str):
        return value
    if SETTINGS["compactJson"]:
        return _json.dumps(value, separators=(",", ":"))
    return _json.dumps(value)


def _gp_render(template, sample, item):
    out = []
    for seg in template:
        if seg[0] == "t":
            out.append(seg[1])
            continue
        _, expression, namespace, path = seg
        ok, value = _gp_lookup(sample if namespace == "sample" else item, namespace, path)
        if not ok:
            if namespace == "sample" and path and path[0] == "output_json" and isinstance(sample, dict) and "output_json" not in sample:
                raise GraderError("sample_parse_error", "{{ %s }}: the sample has no output_json" % expression)
            raise GraderError("invalid_variable_error", "{{ %s }} does not exist" % expression)
        out.append(_gp_text(value))
    return "".join(out)


def _gp_string_check(g, sample, item):
    # engine/graders/string-check.ts
    a = _gp_render(g["input"], sample, item)
    b = _gp_render(g["reference"], sample, item)
    op = g["operation"]
    if op == "ilike":
        a, b = a.lower(), b.lower()
    if op == "eq":
        return 1.0 if a == b else 0.0
    if op == "ne":
        return 1.0 if a != b else 0.0
    if SETTINGS["sqlLikeWildcards"]:
        pattern = "".join(".*" if c == "%" else "." if c == "_" else _re.escape(c) for c in b)
        return 1.0 if _re.fullmatch(pattern, a, _re.DOTALL) else 0.0
    return 1.0 if b in a else 0.0


def _gp_text_similarity(g, sample, item):
    # engine/graders/text-similarity.ts: metric(input, reference), the input being the graded text.
    text = _gp_render(g["input"], sample, item)
    reference = _gp_render(g["reference"], sample, item)
    metric = g["metric"]
    if metric == "fuzzy_match":
        from rapidfuzz import fuzz, utils
        processor = utils.default_process if SETTINGS["fuzzyDefaultProcess"] else None
        return float(getattr(fuzz, SETTINGS["fuzzyScorer"])(text, reference, processor=processor)) / 100
    if metric in ("bleu", "gleu", "meteor"):
        with _warnings.catch_warnings():
            _warnings.simplefilter("ignore")
            if metric == "bleu":
                from nltk.translate.bleu_score import sentence_bleu
                return float(sentence_bleu([reference.split()], text.split()))
            if metric == "gleu":
                from nltk.translate.gleu_score import sentence_gleu
                return float(sentence_gleu([reference.split()], text.split()))
            from nltk.translate.meteor_score import meteor_score
            return float(meteor_score([reference.split()], text.split()))
    if metric.startswith("rouge_"):
        from rouge_score import rouge_scorer
        key = "rougeL" if metric == "rouge_l" else "rouge" + metric[len("rouge_"):]
        scorer = rouge_scorer.RougeScorer([key], use_stemmer=SETTINGS["rougeStemming"])
        return float(scorer.score(reference, text)[key].fmeasure)
    if metric == "cosine":
        vectors = _gp_post("/embeddings", {"model": g.get("embeddingModel", "text-embedding-3-large"), "input": [text, reference]})
        a, b = (d["embedding"] for d in sorted(vectors["data"], key=lambda d: d["index"]))
        dot = na = nb = 0.0
        for x, y in zip(a, b):
            dot += x * y
            na += x * x
            nb += y * y
        if na == 0 or nb == 0:
            raise GraderError("other_error", "an embedding has norm 0")
        return min(1.0, max(-1.0, dot / _math.sqrt(na * nb)))
    raise GraderError("other_error", "unknown evaluation_metric %r" % metric)


_GP_CODE = {}


def _gp_number(value):
    # The python harness's rule: bool -> 0/1, real numbers -> float, nothing else; finite only.
    if isinstance(value, bool) or (type(value).__module__ == "numpy" and type(value).__name__ in ("bool", "bool_")):
        return 1.0 if value else 0.0
    if isinstance(value, (_numbers.Real, _decimal.Decimal)):
        try:
            number = float(value)
        except Exception as e:
            raise GraderError("python_grader_runtime_error", "grade() returned %r: %s" % (value, e))
        if _math.isfinite(number):
            return number
    raise GraderError("python_grader_runtime_error", "grade() returned %r, not a finite number" % (value,))


def _gp_python(g, sample, item):
    # A fresh module per call, as OpenAI's grader runs each sample: module globals never leak between rows.
    code = _GP_CODE.get(g["source"])
    if code is None:
        code = _GP_CODE[g["source"]] = compile(g["source"], "grader.py", "exec")
    module = _types.ModuleType("grader")
    module.__file__ = "grader.py"
    try:
        exec(code, module.__dict__)
        grade = module.__dict__["grade"]
        value = grade(_copy.deepcopy(sample), _copy.deepcopy(item))
    except Exception as e:
        raise GraderError("python_grader_runtime_error", "%s: %s" % (type(e).__name__, e))
    return _gp_number(value)


def _gp_post(path, body):
    if path == "/chat/completions" and JUDGE_TRANSPORT is not None:
        return JUDGE_TRANSPORT(body)
    import urllib.request
    base = _os.environ.get("OPENAI_BASE_URL", "https://api.openai.com/v1").rstrip("/")
    request = urllib.request.Request(
        base + path,
        data=_json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json", "Authorization": "Bearer " + _os.environ.get("OPENAI_API_KEY", "")},
    )
    try:
        with urllib.request.urlopen(request, timeout=float(_os.environ.get("GRADER_JUDGE_TIMEOUT", "120"))) as response:
            return _json.loads(response.read().decode("utf-8"))
    except Exception as e:
        raise GraderError("model_grader_server_error", "%s%s: %s" % (base, path, e))


def _gp_messages(g, sample, item):
    # engine/model/request.ts renderMessages: a string content stays a string, parts become Chat Completions parts.
    messages = []
    for m in g["input"]:
        content = m["content"]
        if content[0] == "str":
            messages.append({"role": m["role"], "content": _gp_render(content[1], sample, item)})
            continue
        parts = []
        for p in content[1]:
            if p["type"] == "text":
                parts.append({"type": "text", "text": _gp_render(p["text"], sample, item)})
            elif p["type"] == "image_url":
                image = {"url": _gp_render(p["url"], sample, item)}
                if "detail" in p:
                    image["detail"] = p["detail"]
                parts.append({"type": "image_url", "image_url": image})
            else:
                parts.append({"type": "input_audio", "input_audio": {"data": _gp_render(p["data"], sample, item), "format": p["format"]}})
        messages.append({"role": m["role"], "content": parts})
    return messages


_GP_STEPS = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"description": {"type": "string"}, "conclusion": {"type": "string"}},
        "required": ["description", "conclusion"],
        "additionalProperties": False,
    },
}


def _gp_judge(g, sample, item, name, result_schema):
    # engine/model/judge.ts settle(): refusal, content filter, truncation and non-object replies are errors.
    body = {"model": g["model"], "messages": _gp_messages(g, sample, item)}
    body.update(g.get("sampling", {}))
    body["response_format"] = {
        "type": "json_schema",
        "json_schema": {
            "name": name,
            "strict": True,
            "schema": {
                "type": "object",
                "properties": {"result": result_schema, "steps": _GP_STEPS},
                "required": ["result", "steps"],
                "additionalProperties": False,
            },
        },
    }
    reply = _gp_post("/chat/completions", body)
    choices = reply.get("choices") if isinstance(reply, dict) else None
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict) or not isinstance(choices[0].get("message"), dict):
        raise GraderError("model_grader_server_error", "the endpoint did not answer with a chat completion")
    message = choices[0]["message"]
    refusal = message.get("refusal")
    if isinstance(refusal, str) and refusal.strip():
        raise GraderError("model_grader_refusal_error", "the judge refused: " + refusal)
    content = message.get("content")
    if isinstance(content, list):
        content = "".join(p.get("text", "") for p in content if isinstance(p, dict) and isinstance(p.get("text"), str))
    if not isinstance(content, str) or not content.strip():
        raise GraderError("model_grader_parse_error", "the judge's reply is empty")
    try:
        value = _json.loads(content)
    except ValueError as e:
        flag = "model_grader_refusal_error" if choices[0].get("finish_reason") == "content_filter" else "model_grader_parse_error"
        raise GraderError(flag, "the judge's reply is not JSON (%s)" % e)
    if not isinstance(value, dict):
        raise GraderError("model_grader_parse_error", "the judge's reply is JSON but not an object")
    return value.get("result", None), "result" in value


def _gp_score_model(g, sample, item):
    result, present = _gp_judge(g, sample, item, "score_model_result", {"type": "number"})
    if isinstance(result, bool) or not isinstance(result, (int, float)) or not _math.isfinite(result):
        raise GraderError("model_grader_parse_error", "the judge's result is %r, not a number" % (result if present else "missing",))
    low, high = g["range"]
    return float(min(max(result, low), high))


def _gp_label_model(g, sample, item):
    result, _ = _gp_judge(g, sample, item, "label_model_result", {"type": "string", "enum": list(g["labels"])})
    if not isinstance(result, str) or result not in g["labels"]:
        raise GraderError("model_grader_parse_error", "the judge's label %r is not one of the labels" % (result,))
    return 1.0 if result in g["passing_labels"] else 0.0


def _gp_math(message):
    return GraderError("other_error", "calculate_output: " + message)


def _gp_eval(node, values):
    # engine/formula.ts evaluate(): the same tree, the same order of operations and the same failures.
    kind = node[0]
    if kind == "n":
        return float(node[1])
    if kind == "v":
        if node[1] not in values:
            raise GraderError("invalid_variable_error", '"%s" is not a key of graders' % node[1])
        return values[node[1]]
    if kind == "u":
        x = _gp_eval(node[2], values)
        return -x if node[1] == "-" else x
    if kind == "p":
        b = _gp_eval(node[1], values)
        e = _gp_eval(node[2], values)
        if b == 0 and e < 0:
            raise _gp_math("division by zero")
        try:
            r = _math.pow(b, e)
        except (OverflowError, ValueError):
            raise _gp_math("%r ^ %r is not a finite real number" % (b, e))
        if not _math.isfinite(r):
            raise _gp_math("%r ^ %r is not finite" % (b, e))
        return r
    if kind == "c":
        acc = _gp_eval(node[1], values)
        for op, operand in node[2]:
            x = _gp_eval(operand, values)
            if op == "/" and x == 0:
                raise _gp_math("division by zero")
            r = acc + x if op == "+" else acc - x if op == "-" else acc * x if op == "*" else acc / x
            if not _math.isfinite(r):
                raise _gp_math("%r %s %r is not finite" % (acc, op, x))
            acc = r
        return acc
    if kind == "f":
        args = [_gp_eval(a, values) for a in node[2]]
        if node[1] == "min":
            return min(args)
        if node[1] == "max":
            return max(args)
        try:
            r = float(getattr(_math, "fabs" if node[1] == "abs" else node[1])(args[0]))
        except (OverflowError, ValueError):
            raise _gp_math("%s(%r) is not a finite real number" % (node[1], args[0]))
        if not _math.isfinite(r):
            raise _gp_math("%s(%r) is not finite" % (node[1], args[0]))
        return r
    raise _gp_math("unknown node %r" % (kind,))


def _gp_multi(g, sample, item):
    # engine/graders/multi.ts: a failed sub-grader counts 0 in sub_rewards and makes the whole grade an error.
    subs = {}
    failed = []
    for key, sub in g["graders"].items():
        r = _gp_run(sub, sample, item)
        subs[key] = r["reward"]
        if r["error"] is not None:
            failed.append((key, r))
    try:
        value = _gp_eval(g["formula"], subs)
    except GraderError as e:
        return {"reward": 0.0, "sub_rewards": subs, "error": str(e), "flag": e.flag}
    if failed:
        text = "; ".join("%s failed: %s" % (key, r["error"]) for key, r in failed)
        return {"reward": 0.0, "sub_rewards": subs, "error": text, "flag": failed[0][1]["flag"]}
    return {"reward": 0.0 if value == 0 else value, "sub_rewards": subs, "error": None, "flag": None}


_GP_GRADERS = {
    "string_check": _gp_string_check,
    "text_similarity": _gp_text_similarity,
    "python": _gp_python,
    "score_model": _gp_score_model,
    "label_model": _gp_label_model,
}


def _gp_run(g, sample, item):
    if g["type"] == "multi":
        return _gp_multi(g, sample, item)
    try:
        return {"reward": _GP_GRADERS[g["type"]](g, sample, item), "sub_rewards": {}, "error": None, "flag": None}
    except GraderError as e:
        return {"reward": 0.0, "sub_rewards": {}, "error": str(e), "flag": e.flag}


def openai_grade(sample, item):
    """The grader on one sample and item, as OpenAI's /graders/run: {"reward", "sub_rewards", "error", "flag"}.

    Any grader error gives reward 0.0 with "error" set (OpenAI's rule). For multi, "sub_rewards" has each key's
    reward (0 for a failed one)."""
    return _gp_run(PLAN, sample, item)


def _gp_reject_constant(name):
    raise ValueError("not JSON: " + name)


def sample_from_text(text):
    """The sample namespace OpenAI builds from a model's text: output_text, and output_json when it parses."""
    sample = {
        "output_text": text,
        "output_tools": [],
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}}],
    }
    try:
        sample["output_json"] = _json.loads(text, parse_constant=_gp_reject_constant)
    except ValueError:
        pass
    return sample


def completion_text(completion):
    """A trainer's completion as text: a string as it is, a list of messages as its assistant contents joined."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, dict):
        completion = [completion]
    out = []
    for m in completion or []:
        if not isinstance(m, dict) or m.get("role", "assistant") != "assistant":
            continue
        content = m.get("content")
        if isinstance(content, str):
            out.append(content)
        elif isinstance(content, list):
            out.extend(p.get("text", "") for p in content if isinstance(p, dict) and isinstance(p.get("text"), str))
    return "".join(out)


def item_from(value):
    """The item from a dataset field: JSON text (exact: key order and 1.0 vs 1 survive) or an already parsed dict."""
    if isinstance(value, (str, bytes, bytearray)):
        return _json.loads(value)
    return value
`;
