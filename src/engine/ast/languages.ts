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
 * newest on npm when that one is not published (c 0.24.1, rust 0.24.0, lua 0.4.1, yaml 0.7.1), so matches
 * agree with the native CLI and napi. Expando characters are ast-grep's (language/src/lib.rs, html.rs).
 */
export const LANGUAGES: readonly LanguageInfo[] = [
  lang('javascript', ['javascript', 'js', 'jsx'], 'tree-sitter-javascript', 'tree-sitter-javascript.wasm'),
  lang('typescript', ['typescript', 'ts'], 'tree-sitter-typescript', 'tree-sitter-typescript.wasm'),
  lang('tsx', ['tsx'], 'tree-sitter-typescript', 'tree-sitter-tsx.wasm'),
  lang('python', ['python', 'py'], 'tree-sitter-python', 'tree-sitter-python.wasm', 'µ'),
  lang('bash', ['bash'], 'tree-sitter-bash', 'tree-sitter-bash.wasm'),
  // ast-grep uses U+10000 for C and C++: an identifier character there, which `$` is not.
  lang('c', ['c'], 'tree-sitter-c', 'tree-sitter-c.wasm', '\u{10000}'),
  lang('cpp', ['cpp', 'cc', 'c++', 'cxx'], 'tree-sitter-cpp', 'tree-sitter-cpp.wasm', '\u{10000}'),
  lang('csharp', ['csharp', 'cs'], 'tree-sitter-c-sharp', 'tree-sitter-c_sharp.wasm', 'µ'),
  lang('css', ['css'], 'tree-sitter-css', 'tree-sitter-css.wasm', '_'),
  lang('go', ['go', 'golang'], 'tree-sitter-go', 'tree-sitter-go.wasm', 'µ'),
  lang('html', ['html'], 'tree-sitter-html', 'tree-sitter-html.wasm', 'z'),
  lang('java', ['java'], 'tree-sitter-java', 'tree-sitter-java.wasm'),
  lang('json', ['json'], 'tree-sitter-json', 'tree-sitter-json.wasm'),
  lang('lua', ['lua'], '@tree-sitter-grammars/tree-sitter-lua', 'tree-sitter-lua.wasm'),
  // ast-grep parses PHP with the grammar's `php_only` variant (no surrounding HTML).
  lang('php', ['php'], 'tree-sitter-php', 'tree-sitter-php_only.wasm', 'µ'),
  lang('ruby', ['ruby', 'rb'], 'tree-sitter-ruby', 'tree-sitter-ruby.wasm', 'µ'),
  lang('rust', ['rust', 'rs'], 'tree-sitter-rust', 'tree-sitter-rust.wasm', 'µ'),
  lang('yaml', ['yaml', 'yml'], '@tree-sitter-grammars/tree-sitter-yaml', 'tree-sitter-yaml.wasm'),
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
