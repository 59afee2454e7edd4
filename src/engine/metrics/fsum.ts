/**
 * Python's math.fsum: the exactly rounded sum of doubles (Shewchuk's partials, with CPython's final
 * half-even correction). BLEU adds its log-precisions with it, so a plain `+` loop can differ in the last bit.
 * Not for anything else: no npm package does exactly this, and Math.sumPrecise is missing from Node 20.
 * Non-finite inputs: Python raises on `inf + -inf` and on intermediate overflow; here they give the IEEE result
 * of a plain sum instead (NaN or ±Infinity), which no metric of ours can produce.
 * Sums values[0, count): an array, or a typed array (BLEU passes a reused Float64Array, so the optimized code
 * sees one kind of input).
 */
export function fsum(values: ArrayLike<number>, count = values.length): number {
  const partials: number[] = [];
  let special = 0;
  let specialSeen = false;
  for (let v = 0; v < count; v++) {
    let x = values[v]!;
    if (!Number.isFinite(x)) {
      special += x;
      specialSeen = true;
      continue;
    }
    let i = 0;
    for (let k = 0; k < partials.length; k++) {
      let y = partials[k]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  if (specialSeen) return special;
  return sumPartials(partials);
}

/** CPython's `math_fsum` tail: add the non-overlapping partials from the top, then round half-even. */
function sumPartials(partials: number[]): number {
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n]!;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n]!;
    hi = x + y;
    const yr = hi - x;
    lo = y - yr;
    if (lo !== 0) break;
  }
  // The partials below `lo` decide a tie: if they push the same way as `lo`, round away from `hi`.
  if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
    const y = lo * 2;
    const x = hi + y;
    const yr = x - hi;
    if (y === yr) hi = x;
  }
  return hi;
}
