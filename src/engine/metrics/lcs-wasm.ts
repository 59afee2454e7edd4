/**
 * A 64-bit WebAssembly build of the bit-parallel LCS kernel (the inner loop of lcs.ts), assembled here from a
 * few dozen opcodes so there is no build step and no binary file. JS has no 64-bit integers, so the JS kernel
 * uses 30-bit words; wasm's i64 halves the word count and drops bounds checks, which fuzz.ratio's speed
 * target needs. Optional: `wasmLcs()` returns undefined where WebAssembly cannot be compiled (e.g. a CSP without
 * 'wasm-unsafe-eval'), and callers keep the JS kernel. Only the kernel lives here; it knows nothing about strings.
 *
 * Exported function `lcs(words, n, slotsPtr, masksPtr, sPtr, bandLeft) -> i32`, on the module's own memory:
 *   S (words i64, at sPtr) := all ones; masks: slot-major i64 words at masksPtr; slots: n i32 at slotsPtr (-1 =
 *   character not in the pattern). For each row j with slot >= 0, update words [0, last) where
 *   last = words, or min(words, ceil((j + 1 + bandLeft) / 64)) when bandLeft >= 0 (lcs.ts explains that band).
 *   Returns popcount(~S).
 */

// Opcodes (WebAssembly core spec, binary format).
const BLOCK = 0x02, LOOP = 0x03, IF = 0x04, END = 0x0b, BR = 0x0c, BR_IF = 0x0d, VOID = 0x40;
const GET = 0x20, SET = 0x21, TEE = 0x22;
const I32_LOAD = 0x28, I64_LOAD = 0x29, I64_STORE = 0x37;
const I32_CONST = 0x41, I64_CONST = 0x42;
const I32_GE_S = 0x4e, I32_LT_S = 0x48, I32_GE_U = 0x4f, I64_LT_U = 0x54;
const I32_ADD = 0x6a, I32_MUL = 0x6c, I32_SHL = 0x74, I32_SHR_U = 0x76;
const I64_POPCNT = 0x7b, I64_ADD = 0x7c, I64_SUB = 0x7d, I64_AND = 0x83, I64_OR = 0x84, I64_XOR = 0x85;
const I32_WRAP_I64 = 0xa7, I64_EXTEND_I32_U = 0xad, SELECT = 0x1b;
const T_I32 = 0x7f, T_I64 = 0x7e;

// Locals: params first, then declared locals.
const WORDS = 0, N = 1, SLOTS = 2, MASKS = 3, SPTR = 4, BAND = 5;
const J = 6, W = 7, SLOT = 8, BASE = 9, LAST = 10, ADDR = 11, RES = 12;
const SW = 13, U = 14, X = 15, CARRY = 16, C1 = 17;

function leb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}
const get = (i: number) => [GET, i];
const set = (i: number) => [SET, i];
const i32 = (v: number) => [I32_CONST, ...leb(v)];
const mem = (op: number, align: number) => [op, align, 0];
const str = (s: string) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

/** `for (v = 0; v < limit; v++) body` as block/loop. */
function forLoop(v: number, limit: number[], body: number[]): number[] {
  return [
    ...i32(0), ...set(v),
    BLOCK, VOID, LOOP, VOID,
    ...get(v), ...limit, I32_GE_S, BR_IF, 1,
    ...body,
    ...get(v), ...i32(1), I32_ADD, ...set(v),
    BR, 0, END, END,
  ];
}

// prettier-ignore
const BODY: number[] = [
  // S := all ones
  ...forLoop(W, get(WORDS), [
    ...get(SPTR), ...get(W), ...i32(3), I32_SHL, I32_ADD, I64_CONST, ...leb(-1), ...mem(I64_STORE, 3),
  ]),
  ...forLoop(J, get(N), [
    ...get(SLOTS), ...get(J), ...i32(2), I32_SHL, I32_ADD, ...mem(I32_LOAD, 2), TEE, SLOT,
    ...i32(0), I32_GE_S, IF, VOID,
      // last = bandLeft < 0 ? words : min(words, (j + bandLeft + 64) >> 6)
      ...get(WORDS), ...set(LAST),
      ...get(BAND), ...i32(0), I32_GE_S, IF, VOID,
        ...get(J), ...get(BAND), I32_ADD, ...i32(64), I32_ADD, ...i32(6), I32_SHR_U, ...set(LAST),
        ...get(LAST), ...get(WORDS), ...get(LAST), ...get(WORDS), I32_LT_S, SELECT, ...set(LAST),
      END,
      ...get(MASKS), ...get(SLOT), ...get(WORDS), I32_MUL, ...i32(3), I32_SHL, I32_ADD, ...set(BASE),
      I64_CONST, 0, ...set(CARRY),
      ...forLoop(W, get(LAST), [
        ...get(SPTR), ...get(W), ...i32(3), I32_SHL, I32_ADD, TEE, ADDR, ...mem(I64_LOAD, 3), ...set(SW),
        ...get(SW), ...get(BASE), ...get(W), ...i32(3), I32_SHL, I32_ADD, ...mem(I64_LOAD, 3), I64_AND, ...set(U),
        ...get(SW), ...get(U), I64_ADD, TEE, X, ...get(SW), I64_LT_U, I64_EXTEND_I32_U, ...set(C1),
        ...get(X), ...get(CARRY), I64_ADD, TEE, X, ...get(CARRY), I64_LT_U, I64_EXTEND_I32_U,
        ...get(C1), I64_OR, ...set(CARRY),
        ...get(ADDR), ...get(X), ...get(SW), ...get(U), I64_SUB, I64_OR, ...mem(I64_STORE, 3),
      ]),
    END,
  ]),
  ...forLoop(W, get(WORDS), [
    ...get(RES),
    ...get(SPTR), ...get(W), ...i32(3), I32_SHL, I32_ADD, ...mem(I64_LOAD, 3), I64_CONST, ...leb(-1), I64_XOR,
    I64_POPCNT, I32_WRAP_I64, I32_ADD, ...set(RES),
  ]),
  ...get(RES),
];

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const locals = [2, 7, T_I32, 5, T_I64]; // 7 i32 locals (J..RES), 5 i64 locals (SW..C1)
  const code = [...locals, ...BODY, END];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 6, T_I32, T_I32, T_I32, T_I32, T_I32, T_I32, 1, T_I32]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...str('lcs'), 0, 0, ...str('mem'), 2, 0]),
    ...section(10, [1, ...uleb(code.length), ...code]),
  ]);
}

export interface WasmLcs {
  /** The kernel; arguments are byte offsets into `memory`. */
  lcs: (words: number, n: number, slotsPtr: number, masksPtr: number, sPtr: number, bandLeft: number) => number;
  memory: WebAssembly.Memory;
}

let instance: WasmLcs | null | undefined;

/** The compiled kernel, or undefined when this environment cannot compile WebAssembly. */
export function wasmLcs(): WasmLcs | undefined {
  if (instance === undefined) {
    try {
      const inst = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes()));
      const { lcs, mem } = inst.exports as { lcs: WasmLcs['lcs']; mem: WebAssembly.Memory };
      instance = { lcs, memory: mem };
    } catch {
      instance = null;
    }
  }
  return instance ?? undefined;
}
