/**
 * Deleting the web-tree-sitter trees that @ast-grep/wasm 0.45.3 leaks. It parses every source and every
 * pattern into a web-tree-sitter `Tree`, whose memory lives in web-tree-sitter's own WASM heap and is freed
 * only by `tree.delete()`, which it never calls (and `getInnerTree()` hands out a copy, so deleting that does
 * not help): about 0.7 MB stays allocated per 10 KB parsed, enough to exhaust a worker over a dataset.
 * We wrap `Parser.prototype.parse` (web-tree-sitter's public method; the glue calls it on Parser instances
 * from the same module) to collect the trees made during a block of work, and delete them afterwards.
 * This module must not touch any tree outside such a block.
 */
import { Parser, type Tree } from 'web-tree-sitter';

let collecting: Tree[] | undefined;
let installed = false;

/** Installs the parse wrapper once per realm. Called by the loader before any parse. */
export function trackTrees(): void {
  if (installed) return;
  installed = true;
  const parse = Parser.prototype.parse;
  Parser.prototype.parse = function (this: Parser, ...args: Parameters<Parser['parse']>): Tree | null {
    const tree = parse.apply(this, args);
    if (tree && collecting) collecting.push(tree);
    return tree;
  };
}

/** Runs `work` and returns its value with every tree parsed meanwhile (source and pattern trees alike). */
export function collectTrees<T>(work: () => T): { value: T; trees: Tree[] } {
  const outer = collecting;
  const trees: Tree[] = [];
  collecting = trees;
  try {
    return { value: work(), trees };
  } catch (e) {
    deleteTrees(trees);
    throw e;
  } finally {
    collecting = outer;
  }
}

/**
 * Runs a synchronous block of @ast-grep/wasm calls and deletes every tree parsed during it. Everything built
 * on those trees (SgRoot, SgNode) must be freed inside the block: a node used after its tree is deleted
 * reads freed memory. Roots made earlier are untouched, so this also fits one query on a long-lived root
 * (its pattern trees are garbage once the call returns).
 */
export function withTreeCleanup<T>(work: () => T): T {
  const { value, trees } = collectTrees(work);
  deleteTrees(trees);
  return value;
}

export function deleteTrees(trees: readonly Tree[]): void {
  for (const tree of trees) tree.delete();
}
