/**
 * The python `source` strings inside a grader's JSON (top level or in a multi's sub-graders), so they can be
 * edited as Python instead of as one escaped JSON string. Edits go back into the JSON text with jsonc-parser,
 * which changes only that string and keeps the user's formatting.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type Node } from 'jsonc-parser';

export interface PythonSource {
  /** JSON path of the source string, e.g. ['source'] or ['graders', 'fmt', 'source']. */
  path: (string | number)[];
  /** A short label: "source" or the multi key. */
  label: string;
  value: string;
}

function sourceOf(node: Node | undefined): string | null {
  if (!node || node.type !== 'object') return null;
  const type = findNodeAtLocation(node, ['type']);
  const source = findNodeAtLocation(node, ['source']);
  return type?.value === 'python' && source?.type === 'string' ? (source.value as string) : null;
}

export function findPythonSources(graderText: string): PythonSource[] {
  const root = parseTree(graderText);
  if (!root) return [];
  const out: PythonSource[] = [];
  const top = sourceOf(root);
  if (top !== null) out.push({ path: ['source'], label: 'source', value: top });
  const graders = findNodeAtLocation(root, ['graders']);
  if (graders?.type === 'object') {
    for (const prop of graders.children ?? []) {
      const key = prop.children?.[0]?.value as string | undefined;
      const value = sourceOf(prop.children?.[1]);
      if (key !== undefined && value !== null) out.push({ path: ['graders', key, 'source'], label: key, value });
    }
  }
  return out;
}

/** The grader text with the string at `path` replaced, formatting elsewhere untouched. */
export function replaceSource(graderText: string, path: (string | number)[], source: string): string {
  const edits = modify(graderText, path, source, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  return applyEdits(graderText, edits);
}
