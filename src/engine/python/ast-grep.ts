/**
 * The ast_grep_py provider: writes the Python package (ast-grep-py.ts) into the interpreter and registers the
 * `_gp_ast_grep_js` module it calls, backed by @ast-grep/wasm through the AST engine (src/engine/ast), so a
 * python grader and an ast_grep grader match with the same engine. Python calls JS synchronously and cannot
 * wait for a grammar download, so grammars are loaded before the grader runs: javascript, typescript, tsx
 * and python at install, plus, before every run, each language the source names in a string literal and
 * each language of a code block in the sample or item. Positions are converted to code points, as the
 * native binding reports them. The host hands in the engine (`setPythonAstEngine`): this module never
 * knows where the .wasm files are.
 */
import type { PyodideAPI } from 'pyodide';
import type { SgNode, SgRoot } from '@ast-grep/wasm';
import type { Tree } from 'web-tree-sitter';
import { findCodeBlocks } from '../ast/blocks.ts';
import type { AstEngine } from '../ast/engine.ts';
import { findLanguage, type LanguageInfo } from '../ast/languages.ts';
import type { AstGrepWasm } from '../ast/loader.ts';
import { positionMapper, type PositionMapper } from '../ast/positions.ts';
import { collectTrees, deleteTrees, withTreeCleanup } from '../ast/trees.ts';
import { AST_GREP_PY_FILES } from './ast-grep-py.ts';
import { PROVIDED_DIR, type PythonModuleProvider } from './packages.ts';

/** Loaded at install, whatever the source says: the languages graders check most. */
export const PRELOADED_LANGUAGES = ['javascript', 'typescript', 'tsx', 'python'];

let realmEngine: AstEngine | undefined;

/** The engine ast_grep_py uses in this JS realm (the grader worker, the Node Python worker). */
export function setPythonAstEngine(engine: AstEngine): void {
  realmEngine = engine;
}

/** Languages a run will need: string literals of the source that name one, and code blocks' languages. */
export function languagesToPreload(source: string, sampleJson: string, itemJson: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/(["'])([A-Za-z+#-]{1,16})\1/g)) {
    const info = findLanguage(m[2]!);
    if (info) found.add(info.name);
  }
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.includes('```') || v.includes('~~~')) for (const b of findCodeBlocks(v)) if (b.lang) found.add(b.lang);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const json of [sampleJson, itemJson]) {
    try {
      walk(JSON.parse(json));
    } catch {
      // not JSON: nothing to scan
    }
  }
  return [...found];
}

interface RootEntry {
  root: SgRoot;
  trees: Tree[];
  mapper: PositionMapper;
  source: string;
  /** UTF-16 offset where each line starts, for `range` rules given in code points. */
  lineStarts: number[];
  nodes: Set<number>;
}

type Json = string;
const ok = (value: unknown): Json => JSON.stringify({ ok: value });
const fail = (e: unknown): Json => JSON.stringify({ error: e instanceof Error ? e.message : String(e) });

/** The synchronous functions the Python package calls; every handle is an integer. */
export function createBridge(wasm: AstGrepWasm, loaded: ReadonlySet<string>, loadErrors: ReadonlyMap<string, string>) {
  const roots = new Map<number, RootEntry>();
  const nodes = new Map<number, { node: SgNode; root: number }>();
  let nextRoot = 1;
  let nextNode = 1;

  const entry = (h: number) => {
    const n = nodes.get(h);
    if (!n) throw new Error('this SgNode belongs to a finished run and cannot be used any more');
    return n;
  };
  const node = (h: number) => entry(h).node;
  const wrap = (rootId: number, n: SgNode | undefined): number => {
    if (!n) return -1;
    const h = nextNode++;
    nodes.set(h, { node: n, root: rootId });
    roots.get(rootId)?.nodes.add(h);
    return h;
  };
  const wrapAll = (rootId: number, list: SgNode[]): number[] => list.map((n) => wrap(rootId, n));
  const releaseNode = (h: number) => {
    const n = nodes.get(h);
    if (!n) return;
    nodes.delete(h);
    roots.get(n.root)?.nodes.delete(h);
    n.node.free();
  };
  const releaseRoot = (id: number) => {
    const r = roots.get(id);
    if (!r) return;
    for (const h of [...r.nodes]) releaseNode(h);
    roots.delete(id);
    r.root.free();
    deleteTrees(r.trees);
  };

  /** The config as @ast-grep/wasm takes it, with `range` rules converted from code points to UTF-16 columns. */
  const matcher = (rootId: number, configJson: string): Record<string, unknown> => {
    const config = JSON.parse(configJson) as Record<string, unknown>;
    const r = roots.get(rootId)!;
    const convert = (v: unknown, key: string | null): unknown => {
      if (Array.isArray(v)) return v.map((x) => convert(x, null));
      if (v === null || typeof v !== 'object') return v;
      const o = v as Record<string, unknown>;
      if (key === 'range') {
        const pos = (p: unknown) => {
          if (p === null || typeof p !== 'object') return p;
          const { line, column } = p as { line?: unknown; column?: unknown };
          if (typeof line !== 'number' || typeof column !== 'number') return p;
          const start = r.lineStarts[line];
          if (start === undefined) return p;
          const cp = r.mapper.indexToCodePoints(start) + column;
          return { ...(p as object), column: r.mapper.indexToUtf16(cp) - start };
        };
        return { ...o, start: pos(o.start), end: pos(o.end) };
      }
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, convert(x, k)]));
    };
    return convert(config, null) as Record<string, unknown>;
  };
  /** A rule-taking call: pattern trees made meanwhile are deleted at once; errors become values. */
  const withRule = (h: number, configJson: string, call: (n: SgNode, m: Record<string, unknown>, rootId: number) => unknown): Json => {
    try {
      const { node: n, root } = entry(h);
      const m = matcher(root, configJson);
      return ok(withTreeCleanup(() => call(n, m, root)));
    } catch (e) {
      return fail(e);
    }
  };

  return {
    parse(lang: string, source: string): Json {
      const info: LanguageInfo | undefined = findLanguage(lang);
      if (!info) return JSON.stringify({ unknown: lang });
      if (!loaded.has(info.name)) {
        const why = loadErrors.get(info.name);
        return JSON.stringify({
          error: why
            ? `The ${info.name} grammar could not be loaded: ${why}`
            : `The ${info.name} grammar is not loaded. Python calls ast-grep synchronously, so the playground loads grammars before the grader runs: javascript, typescript, tsx and python always, other languages when the grader's source names them in a string literal (e.g. "${info.name}") or a code block of the sample is in them. Add "${info.name}" to the source (e.g. LANGUAGES = ["${info.name}"]). OpenAI's ast-grep-py has every grammar built in.`,
        });
      }
      try {
        const { value: root, trees } = collectTrees(() => wasm.parse(info.name, source));
        const lineStarts = [0];
        for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
        const id = nextRoot++;
        roots.set(id, { root, trees, mapper: positionMapper(source), source, lineStarts, nodes: new Set() });
        return JSON.stringify({ root: id });
      } catch (e) {
        return fail(e);
      }
    },
    root(rootId: number): number {
      const r = roots.get(rootId);
      if (!r) throw new Error('this SgRoot belongs to a finished run and cannot be used any more');
      return wrap(rootId, r.root.root());
    },
    release: releaseNode,
    release_root: releaseRoot,
    /** Frees every root and node (the start of a run: the previous run's objects are garbage). */
    release_all(): void {
      for (const id of [...roots.keys()]) releaseRoot(id);
    },
    /** How many roots and nodes are held (for tests: nothing may leak across runs). */
    live(): Json {
      return JSON.stringify({ roots: roots.size, nodes: nodes.size });
    },
    kind: (h: number): string => node(h).kind(),
    text: (h: number): string => node(h).text(),
    is_leaf: (h: number): boolean => node(h).isLeaf(),
    is_named: (h: number): boolean => node(h).isNamed(),
    is_named_leaf: (h: number): boolean => node(h).isNamedLeaf(),
    node_id: (h: number): number => node(h).id(),
    /** [start line, column, index, end line, column, index], columns and indexes in code points. */
    range(h: number): Json {
      const { node: n, root } = entry(h);
      const range = n.range();
      const [s, e] = [range.start, range.end];
      const mapper = roots.get(root)!.mapper;
      const start = mapper.toCodePoints({ line: s.line, column: s.column, index: s.index });
      const end = mapper.toCodePoints({ line: e.line, column: e.column, index: e.index });
      s.free();
      e.free();
      range.free();
      return JSON.stringify([start.line, start.column, start.index, end.line, end.column, end.index]);
    },
    matches: (h: number, c: string) => withRule(h, c, (n, m) => n.matches(m)),
    inside: (h: number, c: string) => withRule(h, c, (n, m) => n.inside(m)),
    has: (h: number, c: string) => withRule(h, c, (n, m) => n.has(m)),
    precedes: (h: number, c: string) => withRule(h, c, (n, m) => n.precedes(m)),
    follows: (h: number, c: string) => withRule(h, c, (n, m) => n.follows(m)),
    find: (h: number, c: string) => withRule(h, c, (n, m, r) => wrap(r, n.find(m))),
    find_all: (h: number, c: string) => withRule(h, c, (n, m, r) => wrapAll(r, n.findAll(m))),
    get_match: (h: number, name: string): number => wrap(entry(h).root, node(h).getMatch(name)),
    get_multiple_matches: (h: number, name: string): Json => JSON.stringify(wrapAll(entry(h).root, node(h).getMultipleMatches(name))),
    get_transformed: (h: number, name: string): string | undefined => node(h).getTransformed(name),
    field: (h: number, name: string): number => wrap(entry(h).root, node(h).field(name)),
    field_children: (h: number, name: string): Json => JSON.stringify(wrapAll(entry(h).root, node(h).fieldChildren(name))),
    parent: (h: number): number => wrap(entry(h).root, node(h).parent()),
    child: (h: number, nth: number): number => wrap(entry(h).root, node(h).child(nth)),
    children: (h: number): Json => JSON.stringify(wrapAll(entry(h).root, node(h).children())),
    ancestors: (h: number): Json => JSON.stringify(wrapAll(entry(h).root, node(h).ancestors())),
    next: (h: number): number => wrap(entry(h).root, node(h).next()),
    next_all: (h: number): Json => JSON.stringify(wrapAll(entry(h).root, node(h).nextAll())),
    prev: (h: number): number => wrap(entry(h).root, node(h).prev()),
    prev_all: (h: number): Json => JSON.stringify(wrapAll(entry(h).root, node(h).prevAll())),
  };
}

export function createAstGrepProvider(getEngine: () => AstEngine | undefined): PythonModuleProvider {
  const loaded = new Set<string>();
  const loadErrors = new Map<string, string>();
  let engine: AstEngine | undefined;
  let bridge: ReturnType<typeof createBridge> | undefined;

  const load = async (names: readonly string[]): Promise<AstGrepWasm | undefined> => {
    let wasm: AstGrepWasm | undefined;
    for (const name of names) {
      const r = await engine!.load(name);
      if ('error' in r) loadErrors.set(name, r.error.message);
      else {
        loaded.add(r.language.name);
        wasm = r.wasm;
      }
    }
    return wasm;
  };

  return {
    imports: ['ast_grep_py'],
    async install(pyodide: unknown) {
      const py = pyodide as PyodideAPI;
      engine = getEngine();
      if (!engine) throw new Error('this host did not provide the AST engine');
      const wasm = await load(PRELOADED_LANGUAGES);
      if (!wasm) throw new Error(`the AST engine could not start: ${[...loadErrors.values()][0] ?? 'unknown reason'}`);
      bridge = createBridge(wasm, loaded, loadErrors);
      py.registerJsModule('_gp_ast_grep_js', bridge);
      for (const [path, text] of Object.entries(AST_GREP_PY_FILES)) {
        const file = `${PROVIDED_DIR}/${path}`;
        py.FS.mkdirTree(file.slice(0, file.lastIndexOf('/')));
        py.FS.writeFile(file, text);
      }
      py.runPython('import importlib\nimportlib.invalidate_caches()');
    },
    async prepareRun(_pyodide: unknown, request: { source: string; sampleJson: string; itemJson: string }) {
      // The previous run's module is gone, so are its SgRoots: free their trees (the WASM heap is not collected).
      bridge?.release_all();
      const wanted = languagesToPreload(request.source, request.sampleJson, request.itemJson).filter((l) => !loaded.has(l));
      if (engine && wanted.length > 0) await load(wanted);
    },
  };
}

/** The provider in BUILTIN_PROVIDERS: uses the engine the host set with `setPythonAstEngine`. */
export const astGrepPyProvider = createAstGrepProvider(() => realmEngine);
