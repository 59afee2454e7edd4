/**
 * What the explanation panel shows besides matches: the syntax tree of the code (kinds, fields, ranges,
 * ERROR and MISSING nodes) and how ast-grep reads a pattern (`dumpPattern`: which leaves are metavariables,
 * which are literal terminals). Plain JSON out; inspection only, it must not decide any match.
 */
import type { Tree, TreeCursor } from 'web-tree-sitter';
import type { LanguageInfo } from './languages.ts';
import type { AstGrepWasm } from './loader.ts';
import { toAstError } from './find.ts';
import { withTreeCleanup } from './trees.ts';
import type { AstError, AstRange } from './types.ts';

export interface AstTreeNode {
  kind: string;
  named: boolean;
  /** The field of its parent this node sits in (`function`, `arguments`, ...), if any. */
  field?: string;
  /** UTF-16 positions, like match ranges. */
  range: AstRange;
  /** The source text, for leaves only (a parent's text is the slice of its range). */
  text?: string;
  /** A MISSING node: zero-width, inserted by error recovery. */
  missing?: true;
  children: AstTreeNode[];
}

export interface AstTreeDump {
  root: AstTreeNode;
  nodeCount: number;
  /** True when the tree had more than `maxNodes` nodes; deeper and later nodes were left out. */
  truncated: boolean;
  /** Whether the parse recovered from syntax errors (the tree contains ERROR or MISSING nodes). */
  hasError: boolean;
}

export type AstTreeResult = { tree: AstTreeDump } | { error: AstError };

export interface DumpTreeOptions {
  /** Stop after this many nodes (default 5000): a UI cannot show a million-node tree usefully. */
  maxNodes?: number;
  /** Leave out unnamed nodes (punctuation, keywords), like tree-sitter's `(s-expression)` view. */
  namedOnly?: boolean;
}

/** The syntax tree of `source`, as web-tree-sitter (the parser ast-grep uses here) builds it. */
export function dumpTreeLoaded(
  wasm: AstGrepWasm,
  language: LanguageInfo,
  source: string,
  options: DumpTreeOptions = {},
): AstTreeResult {
  const maxNodes = options.maxNodes ?? 5000;
  try {
    return withTreeCleanup(() => {
      const sgRoot = wasm.parse(language.name, source);
      // getInnerTree() returns a copy of the tree, which is ours to delete.
      const tree = sgRoot.getInnerTree() as Tree;
      const cursor = tree.walk();
      try {
        const state = { count: 0, truncated: false };
        const root = visit(cursor, source, state, maxNodes, options.namedOnly ?? false);
        const hasError = tree.rootNode.hasError;
        return { tree: { root, nodeCount: state.count, truncated: state.truncated, hasError } };
      } finally {
        cursor.delete();
        tree.delete();
        sgRoot.free();
      }
    });
  } catch (e) {
    return { error: toAstError(e) };
  }
}

function visit(
  cursor: TreeCursor,
  source: string,
  state: { count: number; truncated: boolean },
  maxNodes: number,
  namedOnly: boolean,
): AstTreeNode {
  state.count++;
  const start = cursor.startPosition;
  const end = cursor.endPosition;
  const kind = cursor.nodeType;
  const named = cursor.nodeIsNamed;
  const field = cursor.currentFieldName;
  const missing = cursor.nodeIsMissing;
  const range: AstRange = {
    start: { line: start.row, column: start.column, index: cursor.startIndex },
    end: { line: end.row, column: end.column, index: cursor.endIndex },
  };
  const children: AstTreeNode[] = [];
  let text: string | undefined;
  if (cursor.gotoFirstChild()) {
    do {
      if (namedOnly && !cursor.nodeIsNamed) continue;
      if (state.count >= maxNodes) {
        state.truncated = true;
        break;
      }
      children.push(visit(cursor, source, state, maxNodes, namedOnly));
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  } else {
    text = source.slice(range.start.index, range.end.index);
  }
  // Key order is for people reading the JSON: what the node is, then its subtree.
  return {
    kind,
    named,
    ...(field ? { field } : {}),
    range,
    ...(text !== undefined ? { text } : {}),
    ...(missing ? { missing: true as const } : {}),
    children,
  };
}

/** One node of ast-grep's compiled pattern. */
export interface AstPatternNode {
  kind: string;
  /** `metaVar`: a `$X`/`$$$X` leaf; `terminal`: a literal leaf compared by kind (and text if named); `internal`: compared by kind, then children. */
  role: 'metaVar' | 'terminal' | 'internal';
  named: boolean;
  /** For leaves: the pattern text (metavariables with `$`, whatever the expando character). */
  text?: string;
  /** Line and column (UTF-16) in the pattern text. */
  start: { line: number; column: number };
  end: { line: number; column: number };
  children: AstPatternNode[];
}

export type AstPatternResult = { pattern: AstPatternNode } | { error: AstError };

export interface DumpPatternOptions {
  /** For contextual patterns: the kind of the node inside the pattern text that is the real pattern. */
  selector?: string;
  strictness?: 'cst' | 'smart' | 'ast' | 'relaxed' | 'signature' | 'template';
}

interface RawPatternTree {
  kind: string;
  pattern?: 'metaVar' | 'terminal' | 'internal';
  isNamed: boolean;
  text?: string | null;
  start: { line: number; column: number };
  end: { line: number; column: number };
  children: RawPatternTree[];
}

/** How ast-grep compiles `pattern` for `language` (@ast-grep/wasm's `dumpPattern`). */
export function dumpPatternLoaded(
  wasm: AstGrepWasm,
  language: LanguageInfo,
  pattern: string,
  options: DumpPatternOptions = {},
): AstPatternResult {
  try {
    // dumpPattern parses the pattern (twice); those trees are deleted with the block.
    const raw = withTreeCleanup(() => wasm.dumpPattern(language.name, pattern, options.selector ?? null, options.strictness ?? null));
    return { pattern: fromRaw(raw as RawPatternTree) };
  } catch (e) {
    return { error: toAstError(e) };
  }
}

function fromRaw(raw: RawPatternTree): AstPatternNode {
  const node: AstPatternNode = {
    kind: raw.kind,
    role: raw.pattern ?? 'internal',
    named: raw.isNamed,
    start: { line: raw.start.line, column: raw.start.column },
    end: { line: raw.end.line, column: raw.end.column },
    children: raw.children.map(fromRaw),
  };
  if (typeof raw.text === 'string') node.text = raw.text;
  return node;
}
