/**
 * A 64-bit WebAssembly build of the bit-parallel LCS kernel (the inner loop of lcs.ts), assembled here from a
 * few dozen opcodes so there is no build step and no binary file. JS has no 64-bit integers, so the JS kernel
 * uses 30-bit words; wasm's i64 halves the word count and drops bounds checks, which fuzz.ratio's speed
 * target needs. Optional: `wasmLcs()` returns undefined where WebAssembly cannot be compiled (e.g. a CSP without
 * 'wasm-unsafe-eval'), and callers keep the JS kernel. Only kernels live here; they know nothing about strings.
 *
 * Exports, on the module's own memory `mem` (pointers are byte offsets):
 * - `lcs(words, n, textPtr, tablePtr, sPtr, bandLeft, limit) -> i32`: S (words i64 at sPtr) := all ones; for
 *   each row j, c = i32 at textPtr + 4j; when c <u limit, the row's masks are the `words` i64 at
 *   tablePtr + 8·words·c, and words [0, last) are updated (last = words, or min(words, ceil((j + 1 + bandLeft) /
 *   64)) when bandLeft >= 0; lcs.ts explains that band). Returns popcount(~S). `c` is a slot number (limit =
 *   slot count) or, with the table below, a Latin-1 code point (limit = 256).
 * - `build256(patPtr, len1, tablePtr, words) -> i32`: sets the pattern's bits in a 256-row table that is all
 *   zero on entry; returns -1 (touching nothing) if the pattern has a code point >= 256.
 * - `clear256(patPtr, len1, tablePtr, words)`: zeroes those bits again, so the table is ready for the next call.
 * - `lcs8`, `build8`, `clear8`: the same with one byte per character at textPtr / patPtr (ASCII strings written
 *   with TextEncoder.encodeInto, far cheaper than copying code units one by one).
 */

// Opcodes (WebAssembly core spec, binary format).
const BLOCK = 0x02, LOOP = 0x03, IF = 0x04, ELSE = 0x05, END = 0x0b, DROP = 0x1a, BR = 0x0c, BR_IF = 0x0d, RETURN = 0x0f, VOID = 0x40;
const GET = 0x20, SET = 0x21, TEE = 0x22;
const I32_LOAD = 0x28, I64_LOAD = 0x29, I32_LOAD8_U = 0x2d, I64_STORE = 0x37;
const I32_CONST = 0x41, I64_CONST = 0x42;
const I32_GE_S = 0x4e, I32_LT_S = 0x48, I32_GT_S = 0x4a, I32_GE_U = 0x4f, I32_LT_U = 0x49, I64_LT_U = 0x54;
const I32_EQZ = 0x45, I32_EQ = 0x46, I32_OR = 0x72, I32_SUB = 0x6b, I64_NE = 0x52, CALL = 0x10;
const I32_ADD = 0x6a, I32_MUL = 0x6c, I32_AND = 0x71, I32_SHL = 0x74, I32_SHR_U = 0x76;
const I64_CLZ = 0x79, I64_CTZ = 0x7a, I64_POPCNT = 0x7b, I64_ADD = 0x7c, I64_SUB = 0x7d, I64_AND = 0x83, I64_OR = 0x84, I64_XOR = 0x85;
const I64_SHL = 0x86, I32_WRAP_I64 = 0xa7, I64_EXTEND_I32_U = 0xad, SELECT = 0x1b;
const T_I32 = 0x7f, T_I64 = 0x7e, FUNC = 0x60;

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
const i64 = (v: number) => [I64_CONST, ...leb(v)];
const mem = (op: number, align: number) => [op, align, 0];
const str = (s: string) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
/** base + (index << shift) */
const addr = (base: number, index: number, shift: number) => [...get(base), ...get(index), ...i32(shift), I32_SHL, I32_ADD];

/** `for (v = 0; v < limit; v++) body` as block/loop. */
function forLoop(v: number, limit: number[], body: number[]): number[] {
  // prettier-ignore
  return [
    ...i32(0), ...set(v),
    BLOCK, VOID, LOOP, VOID,
    ...get(v), ...limit, I32_GE_S, BR_IF, 1,
    ...body,
    ...get(v), ...i32(1), I32_ADD, ...set(v),
    BR, 0, END, END,
  ];
}

/* lcs: params 0-6, then locals */
const WORDS = 0, N = 1, TEXT = 2, TABLE = 3, SPTR = 4, BAND = 5, LIMIT = 6;
const J = 7, W = 8, C = 9, ROW = 10, LAST = 11, ADDR = 12, RES = 13;
const SW = 14, U = 15, X = 16, CARRY = 17, C1 = 18;

/** Load character `index` of the text or pattern at `base`: an i32 per character, or (byte kernels) one byte. */
const loadChar = (base: number, index: number, byte: boolean) =>
  byte ? [...addr(base, index, 0), ...mem(I32_LOAD8_U, 0)] : [...addr(base, index, 2), ...mem(I32_LOAD, 2)];

// prettier-ignore
const lcsBody = (byte: boolean): number[] => [
  ...forLoop(W, get(WORDS), [...addr(SPTR, W, 3), ...i64(-1), ...mem(I64_STORE, 3)]),
  ...forLoop(J, get(N), [
    ...loadChar(TEXT, J, byte), TEE, C,
    ...get(LIMIT), I32_LT_U, IF, VOID,
      // last = bandLeft < 0 ? words : min(words, (j + bandLeft + 64) >> 6)
      ...get(WORDS), ...set(LAST),
      ...get(BAND), ...i32(0), I32_GE_S, IF, VOID,
        ...get(J), ...get(BAND), I32_ADD, ...i32(64), I32_ADD, ...i32(6), I32_SHR_U, ...set(LAST),
        ...get(LAST), ...get(WORDS), ...get(LAST), ...get(WORDS), I32_LT_S, SELECT, ...set(LAST),
      END,
      ...get(TABLE), ...get(C), ...get(WORDS), I32_MUL, ...i32(3), I32_SHL, I32_ADD, ...set(ROW),
      ...i64(0), ...set(CARRY),
      ...forLoop(W, get(LAST), [
        ...addr(SPTR, W, 3), TEE, ADDR, ...mem(I64_LOAD, 3), ...set(SW),
        ...get(SW), ...addr(ROW, W, 3), ...mem(I64_LOAD, 3), I64_AND, ...set(U),
        // x = S + u + carry, carry = unsigned overflow of either addition (they cannot both overflow)
        ...get(SW), ...get(U), I64_ADD, TEE, X, ...get(SW), I64_LT_U, I64_EXTEND_I32_U, ...set(C1),
        ...get(X), ...get(CARRY), I64_ADD, TEE, X, ...get(CARRY), I64_LT_U, I64_EXTEND_I32_U,
        ...get(C1), I64_OR, ...set(CARRY),
        ...get(ADDR), ...get(X), ...get(SW), ...get(U), I64_SUB, I64_OR, ...mem(I64_STORE, 3),
      ]),
    END,
  ]),
  ...forLoop(W, get(WORDS), [
    ...get(RES), ...addr(SPTR, W, 3), ...mem(I64_LOAD, 3), ...i64(-1), I64_XOR,
    I64_POPCNT, I32_WRAP_I64, I32_ADD, ...set(RES),
  ]),
  ...get(RES),
];

/* build256 / clear256: params 0-3, then locals */
const PAT = 0, LEN = 1, TAB = 2, WDS = 3, I = 4, CH = 5, A = 6;
/** A = TAB + ch·words·8 + (i >> 6)·8: the i64 holding pattern position i in its character's row. */
// prettier-ignore
const bitAddr = [
  ...get(TAB), ...get(CH), ...get(WDS), I32_MUL, ...i32(3), I32_SHL, I32_ADD,
  ...get(I), ...i32(6), I32_SHR_U, ...i32(3), I32_SHL, I32_ADD, ...set(A),
];
const loadCh = (byte: boolean) => [...loadChar(PAT, I, byte), ...set(CH)];

// prettier-ignore
const buildBody = (byte: boolean): number[] => [
  ...forLoop(I, get(LEN), [...loadCh(byte), ...get(CH), ...i32(256), I32_GE_U, IF, VOID, ...i32(-1), RETURN, END]),
  ...forLoop(I, get(LEN), [
    ...loadCh(byte), ...bitAddr,
    ...get(A), ...get(A), ...mem(I64_LOAD, 3),
    ...i64(1), ...get(I), ...i32(63), I32_AND, I64_EXTEND_I32_U, I64_SHL, I64_OR, ...mem(I64_STORE, 3),
  ]),
  ...i32(0),
];
// prettier-ignore
const clearBody = (byte: boolean): number[] => [
  ...forLoop(I, get(LEN), [...loadCh(byte), ...bitAddr, ...get(A), ...i64(0), ...mem(I64_STORE, 3)]),
];

/*
 * pair8_N (N = 1..UNROLL words): build + lcs + clear in one call, with S held in N i64 locals (rapidfuzz-cpp's
 * `lcs_unroll<N>`): params patPtr, len1, textPtr, n, tablePtr (one byte per character; the table zero on entry and
 * on exit, rows of N words); no band (the answer is the exact LCS).
 */
export const UNROLL = 8;
const P_PAT = 0, P_LEN = 1, P_TEXT = 2, P_N = 3, P_TAB = 4;
const Q_I = 5, Q_CH = 6, Q_A = 7, Q_J = 8, Q_ROW = 9, Q_RES = 10;
const Q_U = 11, Q_X = 12, Q_CARRY = 13, Q_C1 = 14, Q_S = 15;
/** memarg with a constant offset: `op align offset`. */
const memAt = (op: number, align: number, offset: number) => [op, align, ...uleb(offset)];

// prettier-ignore
function pairBody(n: number): number[] {
  const stride = n * 8;
  const rowAddr = [
    ...get(P_TAB), ...get(Q_CH), ...i32(stride), I32_MUL, I32_ADD,
    ...get(Q_I), ...i32(6), I32_SHR_U, ...i32(3), I32_SHL, I32_ADD, ...set(Q_A),
  ];
  const loadPat = [...get(P_PAT), ...get(Q_I), I32_ADD, ...mem(I32_LOAD8_U, 0), ...set(Q_CH)];
  const words: number[] = [];
  for (let w = 0; w < n; w++) {
    const S = Q_S + w;
    // u = S & row[w]
    words.push(...get(S), ...get(Q_ROW), ...memAt(I64_LOAD, 3, w * 8), I64_AND, ...set(Q_U));
    if (n === 1) {
      words.push(...get(S), ...get(Q_U), I64_ADD, ...get(S), ...get(Q_U), I64_SUB, I64_OR, ...set(S));
      continue;
    }
    // x = S + u (+ carry); the carry out of either addition (they cannot both overflow)
    words.push(...get(S), ...get(Q_U), I64_ADD, ...set(Q_X));
    if (w < n - 1) words.push(...get(Q_X), ...get(S), I64_LT_U, I64_EXTEND_I32_U, ...set(Q_C1));
    if (w > 0) {
      words.push(...get(Q_X), ...get(Q_CARRY), I64_ADD, ...set(Q_X));
      if (w < n - 1) words.push(...get(Q_X), ...get(Q_CARRY), I64_LT_U, I64_EXTEND_I32_U, ...get(Q_C1), I64_OR, ...set(Q_CARRY));
    } else words.push(...get(Q_C1), ...set(Q_CARRY));
    words.push(...get(Q_X), ...get(S), ...get(Q_U), I64_SUB, I64_OR, ...set(S));
  }
  const init: number[] = [];
  for (let w = 0; w < n; w++) init.push(...i64(-1), ...set(Q_S + w));
  const count: number[] = [];
  for (let w = 0; w < n; w++) {
    count.push(...get(Q_RES), ...get(Q_S + w), ...i64(-1), I64_XOR, I64_POPCNT, I32_WRAP_I64, I32_ADD, ...set(Q_RES));
  }
  return [
    ...forLoop(Q_I, get(P_LEN), [
      ...loadPat, ...rowAddr,
      ...get(Q_A), ...get(Q_A), ...mem(I64_LOAD, 3),
      ...i64(1), ...get(Q_I), ...i32(63), I32_AND, I64_EXTEND_I32_U, I64_SHL, I64_OR, ...mem(I64_STORE, 3),
    ]),
    ...init,
    ...forLoop(Q_J, get(P_N), [
      ...get(P_TAB), ...get(P_TEXT), ...get(Q_J), I32_ADD, ...mem(I32_LOAD8_U, 0), ...i32(stride), I32_MUL, I32_ADD, ...set(Q_ROW),
      ...words,
    ]),
    ...count,
    ...forLoop(Q_I, get(P_LEN), [...loadPat, ...rowAddr, ...get(Q_A), ...i64(0), ...mem(I64_STORE, 3)]),
    ...get(Q_RES),
  ];
}

/*
 * lcsBytes(pa, la, pb, lb, tablePtr, sPtr, minLcs) -> i32: LCS of the bytes pa[0:la] and pb[0:lb], the whole of
 * rapidfuzz's `lcs_seq_similarity` after its length checks, in one call: the common prefix and suffix come off
 * (8 bytes at a time, then byte by byte), the longer middle becomes the pattern, patterns up to UNROLL words run
 * in pair8_N, longer ones in build8 + lcs8 (with lcsLength's band from minLcs) + clear8. The table is zero on
 * entry and on exit. Exact when the LCS is >= minLcs (lcsLength's contract).
 */
const B_PA = 0, B_LA = 1, B_PB = 2, B_LB = 3, B_TAB = 4, B_SP = 5, B_MIN = 6;
const B_PRE = 7, B_SUF = 8, B_MAX = 9, B_P = 10, B_PL = 11, B_T = 12, B_TL = 13, B_WD = 14, B_R = 15, B_X = 16;
const FIRST_PAIR = 6; // function index of pair8_1
const ld64 = (base: number, off: number[]) => [...get(base), ...off, I32_ADD, ...mem(I64_LOAD, 0)];
const ld8 = (base: number, off: number[]) => [...get(base), ...off, I32_ADD, ...mem(I32_LOAD8_U, 0)];
// prettier-ignore
function bytesBody(): number[] {
  const dispatch: number[] = [];
  for (let n = 1; n <= UNROLL; n++) {
    dispatch.push(
      ...get(B_WD), ...i32(n), I32_EQ, IF, VOID,
        ...get(B_P), ...get(B_PL), ...get(B_T), ...get(B_TL), ...get(B_TAB), CALL, ...uleb(FIRST_PAIR + n - 1),
        ...get(B_PRE), I32_ADD, RETURN,
      END,
    );
  }
  // the suffix's byte offsets from the ends: la - suf - k
  const fromEnd = (len: number, k: number) => [...get(len), ...get(B_SUF), I32_SUB, ...i32(k), I32_SUB];
  return [
    // max = min(la, lb): the longest possible prefix
    ...get(B_LA), ...get(B_LB), ...get(B_LA), ...get(B_LB), I32_LT_S, SELECT, ...set(B_MAX),
    BLOCK, VOID, LOOP, VOID,
      ...get(B_PRE), ...i32(8), I32_ADD, ...get(B_MAX), I32_GE_S, BR_IF, 1,
      ...ld64(B_PA, get(B_PRE)), ...ld64(B_PB, get(B_PRE)), I64_XOR, TEE, B_X, ...i64(0), I64_NE, IF, VOID,
        ...get(B_PRE), ...get(B_X), I64_CTZ, I32_WRAP_I64, ...i32(3), I32_SHR_U, I32_ADD, ...set(B_PRE), BR, 2,
      END,
      ...get(B_PRE), ...i32(8), I32_ADD, ...set(B_PRE), BR, 0,
    END, END,
    BLOCK, VOID, LOOP, VOID,
      ...get(B_PRE), ...get(B_MAX), I32_GE_S, BR_IF, 1,
      ...ld8(B_PA, get(B_PRE)), ...ld8(B_PB, get(B_PRE)), I32_EQ, I32_EQZ, BR_IF, 1,
      ...get(B_PRE), ...i32(1), I32_ADD, ...set(B_PRE), BR, 0,
    END, END,
    // max = min(la, lb) - prefix: the longest possible suffix
    ...get(B_MAX), ...get(B_PRE), I32_SUB, ...set(B_MAX),
    BLOCK, VOID, LOOP, VOID,
      ...get(B_SUF), ...i32(8), I32_ADD, ...get(B_MAX), I32_GT_S, BR_IF, 1,
      ...ld64(B_PA, fromEnd(B_LA, 8)), ...ld64(B_PB, fromEnd(B_LB, 8)), I64_XOR, TEE, B_X, ...i64(0), I64_NE, IF, VOID,
        ...get(B_SUF), ...get(B_X), I64_CLZ, I32_WRAP_I64, ...i32(3), I32_SHR_U, I32_ADD, ...set(B_SUF), BR, 2,
      END,
      ...get(B_SUF), ...i32(8), I32_ADD, ...set(B_SUF), BR, 0,
    END, END,
    BLOCK, VOID, LOOP, VOID,
      ...get(B_SUF), ...get(B_MAX), I32_GE_S, BR_IF, 1,
      ...ld8(B_PA, fromEnd(B_LA, 1)), ...ld8(B_PB, fromEnd(B_LB, 1)), I32_EQ, I32_EQZ, BR_IF, 1,
      ...get(B_SUF), ...i32(1), I32_ADD, ...set(B_SUF), BR, 0,
    END, END,
    // from here B_PRE holds the whole affix (prefix + suffix); the middles are la - affix and lb - affix
    ...get(B_PA), ...get(B_PRE), I32_ADD, ...set(B_P),
    ...get(B_PB), ...get(B_PRE), I32_ADD, ...set(B_T),
    ...get(B_PRE), ...get(B_SUF), I32_ADD, ...set(B_PRE),
    ...get(B_LA), ...get(B_PRE), I32_SUB, ...set(B_PL),
    ...get(B_LB), ...get(B_PRE), I32_SUB, ...set(B_TL),
    ...get(B_PL), I32_EQZ, ...get(B_TL), I32_EQZ, I32_OR, IF, VOID, ...get(B_PRE), RETURN, END,
    // the longer middle is the pattern
    ...get(B_PL), ...get(B_TL), I32_LT_S, IF, VOID,
      ...get(B_P), ...get(B_T), ...set(B_P), ...set(B_T),
      ...get(B_PL), ...get(B_TL), ...set(B_PL), ...set(B_TL),
    END,
    ...get(B_PL), ...i32(63), I32_ADD, ...i32(6), I32_SHR_U, ...set(B_WD),
    ...dispatch,
    // band = minLcs - affix > 0 ? pl - (minLcs - affix) : -1
    ...get(B_MIN), ...get(B_PRE), I32_SUB, TEE, B_R, ...i32(0), I32_GT_S, IF, VOID,
      ...get(B_PL), ...get(B_R), I32_SUB, ...set(B_R),
    ELSE,
      ...i32(-1), ...set(B_R),
    END,
    ...get(B_P), ...get(B_PL), ...get(B_TAB), ...get(B_WD), CALL, 4, DROP,
    ...get(B_WD), ...get(B_TL), ...get(B_T), ...get(B_TAB), ...get(B_SP), ...get(B_R), ...i32(256), CALL, 3, ...set(B_R),
    ...get(B_P), ...get(B_PL), ...get(B_TAB), ...get(B_WD), CALL, 5,
    ...get(B_R), ...get(B_PRE), I32_ADD,
  ];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const body = (locals: number[][], code: number[]) => {
    const b = [...vec(locals), ...code, END];
    return [...uleb(b.length), ...b];
  };
  const params = (n: number) => [...uleb(n), ...new Array<number>(n).fill(T_I32)];
  const pairs = Array.from({ length: UNROLL }, (_, k) => k + 1);
  // prettier-ignore
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([
      [FUNC, ...params(7), 1, T_I32],
      [FUNC, ...params(4), 1, T_I32],
      [FUNC, ...params(4), 0],
      [FUNC, ...params(5), 1, T_I32],
    ])),
    ...section(3, vec([[0], [1], [2], [0], [1], [2], ...pairs.map(() => [3]), [0]])),
    ...section(5, vec([[0, 1]])),
    ...section(7, vec([
      [...str('lcs'), 0, 0], [...str('build256'), 0, 1], [...str('clear256'), 0, 2],
      [...str('lcs8'), 0, 3], [...str('build8'), 0, 4], [...str('clear8'), 0, 5],
      ...pairs.map((n, k) => [...str(`pair8_${n}`), 0, 6 + k]),
      [...str('lcsBytes'), 0, 6 + UNROLL],
      [...str('mem'), 2, 0],
    ])),
    ...section(10, vec([
      body([[7, T_I32], [5, T_I64]], lcsBody(false)),
      body([[3, T_I32]], buildBody(false)),
      body([[3, T_I32]], clearBody(false)),
      body([[7, T_I32], [5, T_I64]], lcsBody(true)),
      body([[3, T_I32]], buildBody(true)),
      body([[3, T_I32]], clearBody(true)),
      ...pairs.map((n) => body([[6, T_I32], [4 + n, T_I64]], pairBody(n))),
      body([[9, T_I32], [1, T_I64]], bytesBody()),
    ])),
  ]);
}

export interface WasmLcs {
  lcs: (words: number, n: number, textPtr: number, tablePtr: number, sPtr: number, bandLeft: number, limit: number) => number;
  build256: (patPtr: number, len1: number, tablePtr: number, words: number) => number;
  clear256: (patPtr: number, len1: number, tablePtr: number, words: number) => void;
  /** The same three kernels on one byte per character (text and pattern written as bytes, e.g. ASCII). */
  lcs8: WasmLcs['lcs'];
  build8: WasmLcs['build256'];
  clear8: WasmLcs['clear256'];
  /** pair8[N] (N = 1..UNROLL): build8 + lcs8 (no band) + clear8 in one call for an N-word pattern, S in locals. */
  pair8: Array<(patPtr: number, len1: number, textPtr: number, n: number, tablePtr: number) => number>;
  /** LCS of two byte strings with the common affix taken off first, in one call (see bytesBody). */
  lcsBytes: (pa: number, la: number, pb: number, lb: number, tablePtr: number, sPtr: number, minLcs: number) => number;
  memory: WebAssembly.Memory;
}

let instance: WasmLcs | null | undefined;

/** The compiled kernels, or undefined when this environment cannot compile WebAssembly. */
export function wasmLcs(): WasmLcs | undefined {
  if (instance === undefined) {
    try {
      const inst = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes()));
      const exp = inst.exports as unknown as Omit<WasmLcs, 'memory'> & { mem: WebAssembly.Memory };
      instance = {
        lcs: exp.lcs,
        build256: exp.build256,
        clear256: exp.clear256,
        lcs8: exp.lcs8,
        build8: exp.build8,
        clear8: exp.clear8,
        pair8: [0, ...Array.from({ length: UNROLL }, (_, k) => k + 1)].map(
          (n) => (exp as unknown as Record<string, WasmLcs['pair8'][number]>)[`pair8_${n}`] as WasmLcs['pair8'][number],
        ),
        lcsBytes: exp.lcsBytes,
        memory: exp.mem,
      };
    } catch {
      instance = null;
    }
  }
  return instance ?? undefined;
}
