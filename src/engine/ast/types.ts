/**
 * The plain-JSON shapes the AST engine returns (they cross postMessage and match the golden corpus's shape,
 * which is @ast-grep/napi's). Pure types.
 */

/** 0-based line; `column` and `index` in UTF-16 code units, as napi and @ast-grep/wasm report them. */
export interface AstPos {
  line: number;
  column: number;
  index: number;
}

export interface AstRange {
  start: AstPos;
  end: AstPos;
}

/** A node bound to a metavariable. */
export interface AstCapture {
  text: string;
  kind: string;
  /** Unnamed nodes are punctuation and keywords; `$$$ARGS` captures include them (e.g. the commas). */
  named: boolean;
  range: AstRange;
}

export interface AstMatch {
  text: string;
  kind: string;
  range: AstRange;
  /** `$NAME` / `$$NAME` bindings; an unbound name is absent. */
  single: Record<string, AstCapture>;
  /** `$$$NAME` bindings; an unbound name shows as `[]` (napi cannot tell unbound from empty either). */
  multi: Record<string, AstCapture[]>;
  /** Values of the config's `transform` variables, present only when the config has a `transform`. */
  transformed?: Record<string, string>;
}

export interface AstError {
  message: string;
  /**
   * The WASM engine trapped (a Rust panic): its state may be corrupt, so the host should start a fresh worker
   * before the next AST call. Pattern and rule mistakes are never fatal.
   */
  fatal?: boolean;
}

export type AstFindResult = { matches: AstMatch[] } | { error: AstError };

/**
 * A rule as ast-grep's YAML rule files and napi's `findAll({...})` take it: `rule` (pattern, kind, regex,
 * nthChild, range, inside, has, precedes, follows, all, any, not, matches), plus `constraints`, `utils` and
 * `transform`. Plain JSON: numbers must be JS numbers (convert LosslessNumbers with `toPlain` first).
 */
export interface AstRuleConfig {
  rule: Record<string, unknown>;
  constraints?: Record<string, unknown>;
  utils?: Record<string, unknown>;
  transform?: Record<string, unknown>;
}

/** A pattern string (`console.log($$$ARGS)`) or a rule config. */
export type AstQuery = string | AstRuleConfig;
