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

/** What the playground emulates of signal, threading and concurrent.futures, and what it cannot (README too). */
export const PLATFORM_LIMITS =
  'Pyodide has one thread and no signals; the playground emulates them: signal.alarm, signal.setitimer and ' +
  'signal.signal(SIGALRM, ...) are accepted, a threading.Thread runs to completion inside start() and a ' +
  'ThreadPoolExecutor task inside submit(), so results are what CPython gives. Not emulated: alarms, setitimer and ' +
  'threading.Timer never fire (the playground stops a grader at its time limit itself); a thread that waits for ' +
  'something its starter does after start() (a queue filled later, an Event set later) blocks until the time ' +
  'limit; threading.current_thread() inside a task is the main thread; ProcessPoolExecutor, multiprocessing and ' +
  'subprocess cannot run.';

/** Said when a grader imports zoneinfo. */
export const TZDATA_NOTE =
  "Time zones come from the tzdata 2026.4 package (the IANA database) that the playground installs; OpenAI's image " +
  'does not document its time-zone database version, so offsets may differ for zones whose rules changed recently.';

/** Whether a source imports signal, threading or concurrent (emulated) / zoneinfo (tzdata). */
export function usesThreadsOrSignals(source: string): boolean {
  return /^\s*(?:import|from)\s+(?:signal|threading|concurrent|multiprocessing)\b/m.test(source);
}
export function usesZoneinfo(source: string): boolean {
  return /^\s*(?:import|from)\s+(?:zoneinfo|tzdata)\b/m.test(source);
}
