/**
 * Where Pyodide (CPython compiled to 32-bit WebAssembly) differs from the 64-bit CPython OpenAI's grader runs on,
 * as measured on Pyodide 314.0.7 against CPython 3.11 on x86-64 (python/platform.test.ts and the e2e check the
 * note). The python grader's explanation carries the note when its source reads one of these values.
 */

/** The differences, one sentence each (README "Python graders" lists the same). */
export const WASM32_DIFFERENCES: readonly string[] = [
  'sys.maxsize is 2**31 - 1 = 2147483647, not 2**63 - 1',
  'hash() of numbers is taken modulo 2**31 - 1, not 2**61 - 1 (sys.hash_info.width 32): hash(2**31) is 1, not 2147483648, so sets and dicts of large ints iterate in another order (list({2**40, 2**33, 5, 2**31 + 7}) gives 2147483655 second, CPython gives it last)',
  'hash() of str and bytes is a 32-bit FNV hash, not SipHash-1-3 (both randomized per run, as on CPython)',
  'struct.calcsize("l"), struct.calcsize("P") and array("l").itemsize are 4, not 8',
  'sys.getsizeof() is smaller (sys.getsizeof(1) is 16, not 28)',
  'lengths are C ssize_t: len(range(2**40)) raises OverflowError instead of returning 1099511627776',
];

export const WASM32_NOTE = `Pyodide is CPython compiled to 32-bit WebAssembly (wasm32), while OpenAI's grader runs a 64-bit CPython, so word-size dependent values differ: ${WASM32_DIFFERENCES.join('; ')}. Everything else (int arithmetic of any size, float math, str methods) is the same.`;

/** Whether a python grader's source reads a value the note is about (sys.maxsize, hash(), struct sizes...). */
export function readsWordSize(source: string): boolean {
  return /\bmaxsize\b|(?<![\w.])hash\s*\(|\b__hash__\b|\bhash_info\b|\bcalcsize\s*\(|\bgetsizeof\s*\(|\bitemsize\b/.test(source);
}
