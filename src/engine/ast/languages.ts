/**
 * The languages the AST engine knows: ast-grep's names and aliases (case-insensitive, as ast-grep's
 * `impl_aliases!`), the grammar `.wasm` each one loads and the expando character ast-grep uses for it.
 * Pure data and lookups: it must not load anything (loader.ts does).
 */

export interface LanguageInfo {
  /** The canonical name; also the name the language is registered under inside @ast-grep/wasm. */
  name: string;
  /** Every accepted spelling, the canonical name included (compared case-insensitively). */
  aliases: readonly string[];
  /** The grammar's file name, e.g. `tree-sitter-python.wasm`. */
  grammarFile: string;
  /** The grammar as an npm module specifier (`package/file.wasm`), for Node resolution and bundler imports. */
  grammarModule: string;
  /**
   * The character `$` metavariables are rewritten to before a pattern is parsed, for grammars where `$` is
   * not an identifier character (language/src/lib.rs `impl_lang_expando!`). Absent means `$` stays.
   */
  expandoChar?: string;
}

function lang(
  name: string,
  aliases: readonly string[],
  pkg: string,
  grammarFile: string,
  expandoChar?: string,
): LanguageInfo {
  const info: LanguageInfo = { name, aliases, grammarFile, grammarModule: `${pkg}/${grammarFile}` };
  if (expandoChar !== undefined) info.expandoChar = expandoChar;
  return info;
}

/**
 * Grammar versions are pinned in package.json to the ones ast-grep 0.45 builds with (its Cargo.lock), or the
 * nearest published on npm, so matches agree with the native CLI and napi.
 */
export const LANGUAGES: readonly LanguageInfo[] = [
  lang('javascript', ['javascript', 'js', 'jsx'], 'tree-sitter-javascript', 'tree-sitter-javascript.wasm'),
  lang('typescript', ['typescript', 'ts'], 'tree-sitter-typescript', 'tree-sitter-typescript.wasm'),
  lang('tsx', ['tsx'], 'tree-sitter-typescript', 'tree-sitter-tsx.wasm'),
  lang('python', ['python', 'py'], 'tree-sitter-python', 'tree-sitter-python.wasm', 'µ'),
];

const byAlias = new Map<string, LanguageInfo>();
for (const info of LANGUAGES) for (const alias of info.aliases) byAlias.set(alias.toLowerCase(), info);

/** The language a user-supplied name refers to, or undefined. ASCII case-insensitive, like ast-grep. */
export function findLanguage(name: string): LanguageInfo | undefined {
  // ASCII-only folding (Rust's eq_ignore_ascii_case): `toLowerCase` would turn the Kelvin sign into `k`.
  return byAlias.get(name.replace(/[A-Z]/g, (c) => c.toLowerCase()));
}

/** Every accepted name, for error messages and editor completion. */
export function languageNames(): string[] {
  return LANGUAGES.flatMap((info) => info.aliases);
}
