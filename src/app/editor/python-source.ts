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
  /** Python source, or a judge prompt message (plain text with templates). */
  language: 'python' | 'plaintext';
}

/** The text parts of a model grader's messages: string contents and input_text parts (few-shot prompts). */
function promptsOf(node: Node | undefined, prefix: (string | number)[], labelPrefix: string): PythonSource[] {
  if (!node || node.type !== 'object') return [];
  const type = findNodeAtLocation(node, ['type'])?.value;
  if (type !== 'score_model' && type !== 'label_model') return [];
  const input = findNodeAtLocation(node, ['input']);
  const out: PythonSource[] = [];
  (input?.type === 'array' ? (input.children ?? []) : []).forEach((msg, i) => {
    const role = (findNodeAtLocation(msg, ['role'])?.value as string | undefined) ?? 'message';
    const content = findNodeAtLocation(msg, ['content']);
    const label = `${labelPrefix}${i}·${role}`;
    if (content?.type === 'string') {
      out.push({ path: [...prefix, 'input', i, 'content'], label, value: content.value as string, language: 'plaintext' });
    } else if (content?.type === 'array') {
      (content.children ?? []).forEach((part, j) => {
        const text = findNodeAtLocation(part, ['text']);
        if (text?.type === 'string') out.push({ path: [...prefix, 'input', i, 'content', j, 'text'], label: `${label}.${j}`, value: text.value as string, language: 'plaintext' });
      });
    }
  });
  return out;
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
  if (top !== null) out.push({ path: ['source'], label: 'source', value: top, language: 'python' });
  out.push(...promptsOf(root, [], 'prompt '));
  const graders = findNodeAtLocation(root, ['graders']);
  if (graders?.type === 'object') {
    for (const prop of graders.children ?? []) {
      const key = prop.children?.[0]?.value as string | undefined;
      if (key === undefined) continue;
      const value = sourceOf(prop.children?.[1]);
      if (value !== null) out.push({ path: ['graders', key, 'source'], label: key, value, language: 'python' });
      out.push(...promptsOf(prop.children?.[1], ['graders', key], `${key} `));
    }
  }
  return out;
}

/** The grader text with the string at `path` replaced, formatting elsewhere untouched. */
export function replaceSource(graderText: string, path: (string | number)[], source: string): string {
  const edits = modify(graderText, path, source, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  return applyEdits(graderText, edits);
}
