"""Regenerates test/fixtures/json-dumps.json: what CPython's json.dumps writes for json.loads(text).

The template renderer must render non-string values exactly like this (see src/engine/json.ts).
Run: python3 scripts/gen-json-dumps-fixture.py > test/fixtures/json-dumps.json
"""
import json
import sys

CASES = [
    '1', '1.0', '-0', '-0.0', '0.1', '1e5', '1E5', '1.5e300', '1e400', '-1e400', '1e16', '1e15', '123456789012345678',
    '1234567890123456789012345678901234567890', '0.0001', '0.00001', '1e-7', '2.5e-5', '3.14159265358979323846',
    '100.0', '1.10', '9007199254740993', '9007199254740993.0', '5e-324', '1.7976931348623157e308',
    'true', 'false', 'null', '"plain"', '"caf\\u00e9 \\u00fc"', '"emoji \\ud83d\\ude00"', '"tab\\tnew\\nline"',
    '"quote \\" backslash \\\\ slash /"', '"\\u0000\\u001f\\u007f\\u0080"', '"\\u2028\\u2029"',
    '[]', '{}', '[1, 2.0, "x", null, true]', '{"a": 1, "b": [1.0, {"c": "d"}], "é": "ü"}',
    '{"z": 1, "a": 2}', '[[[]]]', '{"nested": {"deep": {"list": [1e2, -3]}}}',
    '{"a": 1, "a": 2}', '{"a": 1, "b": 2, "a": 3}',
]

out = []
for text in CASES:
    value = json.loads(text)
    out.append({
        "json": text,
        "dumps": json.dumps(value),
        "compact": json.dumps(value, separators=(",", ":")),
    })
json.dump({"generated_by": "scripts/gen-json-dumps-fixture.py", "python": sys.version.split()[0], "cases": out}, sys.stdout, indent=1)
sys.stdout.write("\n")
