/**
 * The two trees the AST panel shows, in one shape: the code's syntax tree (kinds, fields, ranges) and ast-grep's
 * reading of the pattern (metavariables, terminals, internal nodes). Labels and offsets only; no matching.
 */
import type { AstPatternNode, AstTreeNode } from '../../engine/ast/dump.ts';

export interface ViewNode {
  kind: string;
  named: boolean;
  field?: string;
  /** Pattern trees: metaVar | terminal | internal. */
  role?: string;
  text?: string;
  error: boolean;
  /** Where the node is, 1-based line:column, for people. */
  where: string;
  /** UTF-16 offsets in the code (syntax trees only), to highlight on hover. */
  span?: { start: number; end: number };
  children: ViewNode[];
}

export function fromSyntaxTree(n: AstTreeNode): ViewNode {
  const v: ViewNode = {
    kind: n.missing ? `MISSING ${n.kind}` : n.kind,
    named: n.named,
    error: n.kind === 'ERROR' || n.missing === true,
    where: `${n.range.start.line + 1}:${n.range.start.column + 1}–${n.range.end.line + 1}:${n.range.end.column + 1}`,
    span: { start: n.range.start.index, end: n.range.end.index },
    children: n.children.map(fromSyntaxTree),
  };
  if (n.field) v.field = n.field;
  if (n.text !== undefined) v.text = n.text;
  return v;
}

export function fromPatternTree(n: AstPatternNode): ViewNode {
  const v: ViewNode = {
    kind: n.kind,
    named: n.named,
    role: n.role,
    error: n.kind === 'ERROR' || n.kind.startsWith('MISSING'),
    where: `${n.start.line + 1}:${n.start.column + 1}–${n.end.line + 1}:${n.end.column + 1}`,
    children: n.children.map(fromPatternTree),
  };
  if (n.text !== undefined) v.text = n.text;
  return v;
}

/**
 * Keyboard movement in a tree view (WAI-ARIA tree pattern, without collapsing): the index of the item that
 * `key` moves focus to from item `index` of `count` visible items, or null when the key does not move it.
 */
export function nextTreeIndex(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The tab indexes a tree's items should have, given the ones they have: exactly one tab stop (roving tabindex),
 * kept where it is when there is one, else on the first item. An edit of the code can re-render the tree without
 * the item that held the stop, or re-use the root with the stop moved off it; either would leave none.
 */
export function rovingTabIndexes(current: readonly number[]): number[] {
  const stop = Math.max(0, current.indexOf(0));
  return current.map((_, i) => (i === stop ? 0 : -1));
}

const ITEMS = '[role="treeitem"]';

function applyTabIndexes(items: HTMLElement[], want: readonly number[]) {
  items.forEach((item, i) => {
    if (item.tabIndex !== want[i]) item.tabIndex = want[i]!;
  });
}

/**
 * A tree element's keyboard behaviour (`{@attach rovingTree}` on the `role="tree"` list): arrow keys, Home and
 * End move focus between its items, and the tree keeps exactly one tab stop whatever its content becomes.
 */
export function rovingTree(tree: HTMLElement) {
  const items = () => [...tree.querySelectorAll<HTMLElement>(ITEMS)];
  const repair = () => {
    const all = items();
    applyTabIndexes(all, rovingTabIndexes(all.map((i) => i.tabIndex)));
  };
  const onKeydown = (e: KeyboardEvent) => {
    const all = items();
    const next = nextTreeIndex(e.key, all.indexOf(document.activeElement as HTMLElement), all.length);
    if (next === null) return;
    e.preventDefault();
    applyTabIndexes(all, all.map((_, i) => (i === next ? 0 : -1)));
    all[next]!.focus();
  };
  tree.addEventListener('keydown', onKeydown);
  // Items come and go (and the root's tabindex attribute is set again) when the code changes.
  const observer = new MutationObserver(repair);
  observer.observe(tree, { childList: true, subtree: true, attributes: true, attributeFilter: ['tabindex'] });
  repair();
  return () => {
    observer.disconnect();
    tree.removeEventListener('keydown', onKeydown);
  };
}
