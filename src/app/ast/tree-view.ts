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

/** Moves focus within a tree element on arrow keys, Home and End, keeping one tab stop (roving tabindex). */
export function treeKeydown(e: KeyboardEvent) {
  const tree = e.currentTarget as HTMLElement;
  const items = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  const next = nextTreeIndex(e.key, items.indexOf(document.activeElement as HTMLElement), items.length);
  if (next === null) return;
  e.preventDefault();
  for (const item of items) item.tabIndex = -1;
  items[next]!.tabIndex = 0;
  items[next]!.focus();
}
