"""Regenerates test/fixtures/json-order.json: CPython's json.loads/json.dumps on random JSON texts whose objects
have integer-like keys ("2" before "1"), "__proto__", escaped keys and duplicate keys (json.loads keeps the last
value in the first key's place). src/engine/json-order.test.ts checks parseJson + pyJsonDumps against it.
Run: python3 scripts/gen-json-order-fixture.py > test/fixtures/json-order.json
"""
import json
import random
import sys

KEYS = ['0', '1', '2', '3', '9', '10', '42', '01', '-1', '1.0', '1e3', ' 1', '4294967294', '4294967295',
        '99999999999', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'a', 'b', 'z', '', 'é', '\u2028']
# A key token as it may be written in the text: plain, or with its digits \u-escaped.
def key_token(k, rnd):
    if k and k.isascii() and k.isdigit() and rnd.random() < 0.2:
        return '"' + ''.join('\\u%04x' % ord(c) for c in k) + '"'
    return json.dumps(k)

def value_text(rnd, depth):
    r = rnd.random()
    if depth < 2 and r < 0.3:
        return object_text(rnd, depth + 1)
    if depth < 2 and r < 0.4:
        return '[' + ', '.join(value_text(rnd, depth + 1) for _ in range(rnd.randint(0, 3))) + ']'
    return rnd.choice(['1', '1.0', '-0', '2.5e-5', '"x"', '"\\u00e9"', 'null', 'true', 'false', '123456789012345678901'])

def object_text(rnd, depth):
    n = rnd.randint(0, 6)
    keys = [rnd.choice(KEYS) for _ in range(n)]
    return '{' + ', '.join(key_token(k, rnd) + ': ' + value_text(rnd, depth) for k in keys) + '}'

rnd = random.Random(14)
cases = []
for text in ['{"b": 1, "2": 2, "1": 3}', '{"x": {"b": 1, "2": 2, "1": 3}}', '{"a": 1, "b": 2, "a": 3}',
             '{"__proto__": {"x": 1}, "1": 0}', '{"1": 1, "b": 2, "1": 3}', '{"\\u0031": 1, "0": 2}']:
    cases.append(text)
while len(cases) < 200:
    cases.append(object_text(rnd, 0))

out = []
for text in cases:
    value = json.loads(text)
    out.append({"json": text, "dumps": json.dumps(value), "compact": json.dumps(value, separators=(",", ":"))})
sys.stdout.write('{"generated_by": "scripts/gen-json-order-fixture.py", "python": %s, "cases": [\n' % json.dumps(sys.version.split()[0]))
sys.stdout.write(',\n'.join(json.dumps(c) for c in out))
sys.stdout.write('\n]}\n')
