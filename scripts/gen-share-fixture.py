"""Regenerates test/fixtures/share/python-links.json: share links built the way the README tells other tools to
build them (json.dumps + raw DEFLATE with zlib + base64url without padding), so src/share/codec.test.ts can check
that the app opens them without needing Python.

Each case also carries what the app must show: every document as json.dumps(indent=2, ensure_ascii=False), which
is byte for byte the app's pretty form (2-space indent, number lexemes kept) when the numbers came from Python.
Run: python3 scripts/gen-share-fixture.py > test/fixtures/share/python-links.json
"""
import base64
import json
import sys
import zlib


def link(doc, *, dumps_kwargs=None, wrapper="raw"):
    text = json.dumps(doc, **(dumps_kwargs or {}))
    if wrapper == "raw":
        c = zlib.compressobj(9, zlib.DEFLATED, -15)  # -15: raw DEFLATE, no zlib header
        raw = c.compress(text.encode()) + c.flush()
    elif wrapper == "zlib":
        raw = zlib.compress(text.encode(), 9)  # the common slip: a zlib header; the app opens it with a warning
    else:
        raise ValueError(wrapper)
    return "v1." + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def pretty(value, sort_keys=False):
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=sort_keys)


STRING_CHECK = {
    "type": "string_check",
    "name": "exact answer",
    "input": "{{ sample.output_text }}",
    "reference": "{{ item.reference_answer }}",
    "operation": "eq",
}

MULTI = {
    "type": "multi",
    "name": "tool call",
    "graders": {
        "name": {
            "type": "string_check",
            "name": "name",
            "input": "{{ sample.output_tools[0].function.name }}",
            "reference": "{{ item.fn }}",
            "operation": "eq",
        },
        "py": {
            "type": "python",
            "name": "args",
            "source": 'import json\n\ndef grade(sample, item) -> float:\n    args = json.loads(sample["output_tools"][0]["function"]["arguments"])\n    return 1.0 if args.get("city") == item["city"] else 0.0\n',
        },
    },
    "calculate_output": "0.5 * name + 0.5 * py",
}

CASES = [
    ("minimal string_check, default json.dumps", {
        "grader": STRING_CHECK,
        "sample": {"output_text": "Paris"},
        "item": {"reference_answer": "Paris"},
    }, {}, "raw"),
    ("numbers: floats with integral values, exponents, big ints, negative zero", {
        "grader": {**STRING_CHECK, "pass_threshold": 1.0},
        "sample": {"output_text": "3.0", "output_json": 3.0},
        "item": {"answer": 3.0, "tolerance": 1e-05, "count": 12345678901234567890, "neg": -0.0, "ints": [0, -1, 7],
                 "floats": [0.1, 2.5e-7, 1e+16, 123.456]},
    }, {}, "raw"),
    ("unicode escaped by ensure_ascii (astral as surrogate pairs)", {
        "grader": {**STRING_CHECK, "name": "café ✓ 😀"},
        "sample": {"output_text": "Ça va? 你好 \U0001F600 \u2028 tab\there"},
        "item": {"reference_answer": "naïve \U0001D11E", "control": "\u0000\u001f\u007f"},
    }, {}, "raw"),
    ("unicode written raw (ensure_ascii=False), compact separators", {
        "grader": {**STRING_CHECK, "name": "Ünïcödé 😀"},
        "sample": {"output_text": "日本語 \U0001F680 \"quoted\" back\\slash"},
        "item": {"reference_answer": "日本語"},
    }, {"ensure_ascii": False, "separators": (",", ":")}, "raw"),
    ("title, notes, settings (one unknown key, which is ignored)", {
        "grader": {**STRING_CHECK, "operation": "ilike"},
        "sample": {"output_text": "The answer is PARIS."},
        "item": {"reference_answer": "paris"},
        "title": "Contains, ignoring case",
        "notes": "Shows that ilike is a substring test.\nSecond line.",
        "settings": {"fuzzyScorer": "ratio", "sqlLikeWildcards": True, "apiKey": "sk-never-in-a-link"},
    }, {}, "raw"),
    ("multi grader with a python source and tool calls", {
        "grader": MULTI,
        "sample": {"output_text": "", "output_tools": [{"id": "call_1", "type": "function", "function": {
            "name": "get_weather", "arguments": "{\"city\": \"Paris\"}"}}]},
        "item": {"fn": "get_weather", "city": "Paris", "nested": {"a": [[], {}, [{"b": None, "c": False}]]}},
    }, {"sort_keys": True}, "raw"),
    ("zlib header instead of raw DEFLATE (opens with a warning)", {
        "grader": STRING_CHECK,
        "sample": {"output_text": "Paris"},
        "item": {"reference_answer": "Paris"},
    }, {}, "zlib"),
]

out = []
for name, doc, kwargs, wrapper in CASES:
    out.append({
        "name": name,
        "fragment": link(doc, dumps_kwargs=kwargs, wrapper=wrapper),
        "wrapper": wrapper,
        "expected": {
            "grader": pretty(doc["grader"], kwargs.get("sort_keys", False)),
            "sample": pretty(doc["sample"], kwargs.get("sort_keys", False)),
            "item": pretty(doc["item"], kwargs.get("sort_keys", False)),
            "title": doc.get("title", ""),
            "notes": doc.get("notes", ""),
            "settings_in_link": doc.get("settings", {}),
        },
    })

json.dump({"generated_by": "scripts/gen-share-fixture.py", "python": sys.version.split()[0], "zlib": zlib.ZLIB_VERSION,
           "links": out}, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")
