"""Regenerates test/fixtures/share/tests-links.json: share links whose workspace carries test cases
("tests": [...]), built as the README tells other tools (json.dumps + raw DEFLATE + base64url, no padding), so
src/share/codec-tests.test.ts checks that the app reads them without Python.
Run: python3 scripts/gen-tests-links-fixture.py > test/fixtures/share/tests-links.json
"""
import base64, json, sys, zlib

def link(doc):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = c.compress(json.dumps(doc).encode()) + c.flush()
    return "v1." + base64.urlsafe_b64encode(raw).decode().rstrip("=")

GRADER = {"type": "string_check", "name": "capital", "input": "{{ sample.output_text }}",
          "reference": "{{ item.answer }}", "operation": "ilike", "pass_threshold": 1}
TESTS = [
    {"name": "good", "sample": {"output_text": "Paris"}, "expect": {"reward": 1.0}},
    {"name": "near", "sample": "paris", "item": {"answer": "Paris"}, "expect": {"reward": 1, "tolerance": 0.001}},
    {"name": "range", "sample": {"output_text": "Lyon"}, "expect": {"min": 0, "max": 0.5}},
    {"name": "threshold", "sample": {"output_text": "Lyon"}, "expect": {"passes": False}},
    {"name": "gaming", "sample": {"output_text": "Paris Paris"}, "expect": {"below": "good"}},
]
cases = [
    {"name": "five tests", "fragment": link({"grader": GRADER, "sample": {"output_text": "Paris"},
                                              "item": {"answer": "Paris"}, "tests": TESTS}),
     "tests": [{"name": t["name"], "sample": json.dumps(t["sample"], indent=2),
                **({"item": json.dumps(t["item"], indent=2)} if "item" in t else {})} for t in TESTS],
     "warnings": 0},
    {"name": "a bad entry is skipped with a warning", "fragment": link({"grader": GRADER, "sample": {}, "item": {},
        "tests": [{"name": "no sample", "expect": {"reward": 1}}, TESTS[0]]}),
     "tests": [{"name": "good", "sample": json.dumps(TESTS[0]["sample"], indent=2)}], "warnings": 1},
]
json.dump({"links": cases}, sys.stdout, indent=1)
