/**
 * Key order of JSON objects, as Python's dicts keep it. A parsed object is a plain object, but JavaScript lists
 * array-index keys ("0", "12") first and in ascending order, whatever order they were written in; Python keeps
 * source order (`{"b": 1, "2": 2, "1": 3}` stays that way through json.loads and json.dumps). So an object whose
 * own-key order differs from its source order carries the source order under a non-enumerable symbol, and every
 * consumer that iterates keys asks `jsonKeys`. It must not parse text or know about numbers.
 */

/** The source order of an object's keys, when JavaScript's own order differs from it. */
const KEY_ORDER: unique symbol = Symbol.for('grader-playground.json-key-order');

interface Ordered {
  [KEY_ORDER]?: string[];
}

/** True for the keys JavaScript moves to the front of an object: canonical array indexes 0 .. 2^32 - 2. */
export function isIndexKey(key: string): boolean {
  const n = key.length;
  if (n === 0 || n > 10) return false;
  const c0 = key.charCodeAt(0);
  if (c0 < 48 || c0 > 57 || (c0 === 48 && n > 1)) return false;
  for (let i = 1; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return n < 10 || Number(key) < 4294967295;
}

/** Set a key as an ordinary own property (`__proto__` included), keeping the place of an existing key. */
export function setJsonKey(object: object, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    (object as Record<string, unknown>)[key] = value;
  }
}

/** Record `keys` (each once, in source order) as the key order of `object`, if JavaScript's own order differs. */
export function setJsonKeyOrder(object: object, keys: readonly string[]): void {
  if (!keys.some(isIndexKey)) {
    if (Object.hasOwn(object, KEY_ORDER)) delete (object as Ordered)[KEY_ORDER];
    return;
  }
  Object.defineProperty(object, KEY_ORDER, { value: [...keys], writable: true, enumerable: false, configurable: true });
}

/**
 * The object's keys in source order. Keys added after parsing (not in the recorded order) follow in
 * JavaScript's order; deleted ones are skipped.
 */
export function jsonKeys(object: object): string[] {
  const own = Object.keys(object);
  const order = (object as Ordered)[KEY_ORDER];
  if (order === undefined || !Object.hasOwn(object, KEY_ORDER)) return own;
  const present = order.filter((k) => Object.hasOwn(object, k));
  if (present.length === own.length) return present;
  const seen = new Set(present);
  for (const k of own) if (!seen.has(k)) present.push(k);
  return present;
}

/** `Object.entries` in source order. */
export function jsonEntries<T>(object: Record<string, T>): [string, T][] {
  return jsonKeys(object).map((k) => [k, object[k]!]);
}

/**
 * A plain object built from entries in their order, as Python's `dict(entries)` would be: a repeated key keeps
 * its first place and takes the last value; `__proto__` is an ordinary key.
 */
export function orderedObject<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out: Record<string, T> = {};
  const keys: string[] = [];
  for (const [k, v] of entries) {
    if (!Object.hasOwn(out, k)) keys.push(k);
    setJsonKey(out, k, v);
  }
  setJsonKeyOrder(out, keys);
  return out;
}

/** `{...object}` that keeps the source order (a spread drops it). */
export function copyJsonObject<T>(object: Record<string, T>): Record<string, T> {
  return orderedObject(jsonEntries(object));
}
