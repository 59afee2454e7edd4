"""Rank-correlation fixtures for src/engine/tests/rank.test.ts, computed with scipy.stats.

Run: python3 -m venv /tmp/v && /tmp/v/bin/pip install scipy && /tmp/v/bin/python scripts/gen-rank-fixtures.py
"""
import json, random, sys
import scipy, scipy.stats as st

random.seed(18)
cases = []
def add(name, x, y):
    s = st.spearmanr(x, y).statistic
    k = st.kendalltau(x, y, variant='b').statistic
    num = lambda v: None if v != v else float(v)
    cases.append({"name": name, "x": x, "y": y, "spearman": num(s), "kendall": num(k)})

add("identical", [0.1, 0.5, 0.9, 0.3], [0.1, 0.5, 0.9, 0.3])
add("reversed", [1, 2, 3, 4, 5], [5, 4, 3, 2, 1])
add("ties both", [0, 0, 1, 1, 0.5, 0.5, 1], [0, 0.2, 1, 1, 0.5, 0.2, 0.9])
add("constant x", [1, 1, 1], [0, 0.5, 1])
add("two rows", [0, 1], [1, 0])
add("binary rewards", [0, 1, 1, 0, 1, 0, 0, 1], [0, 1, 0, 0, 1, 1, 0, 1])
for n in (10, 57, 300):
    x = [round(random.random(), 2) for _ in range(n)]
    y = [round(v * 0.7 + random.random() * 0.3, 1) for v in x]
    add(f"random n={n} with ties", x, y)
x = [random.random() for _ in range(2000)]
y = [v + random.gauss(0, 0.3) for v in x]
add("random n=2000 no ties", x, y)
x = [random.choice([0, 0.25, 0.5, 0.75, 1]) for _ in range(5000)]
y = [random.choice([0, 0.5, 1]) if random.random() < 0.3 else v for v in x]
add("five levels n=5000", x, y)
json.dump({"scipy": scipy.__version__, "cases": cases}, sys.stdout)
