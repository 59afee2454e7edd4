/**
 * Turns what the worker reported (JSON syntax errors, validation problems and run problems with JSON pointers)
 * into editor markers: line/column ranges in the document they belong to.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { DocError, DocName } from '../../worker/protocol.ts';

export interface EditorMarker {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return { line, column: col };
}

export function markerAt(text: string, start: number, end: number, message: string, severity: EditorMarker['severity']): EditorMarker {
  const a = position(text, start);
  const b = position(text, Math.max(end, start + 1));
  return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column, message, severity };
}

export function docErrorMarker(text: string, e: DocError): EditorMarker {
  // Mark the offending character (or the end of the document when the error is "unexpected end").
  const start = Math.min(e.offset, Math.max(0, text.length - 1));
  return markerAt(text, start, start + 1, `Invalid JSON: ${e.message}`, 'error');
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The node a JSON pointer names, walking as far as the document goes. */
export function nodeAtPointer(root: Node, pointer: string): Node {
  let node = root;
  for (const seg of parsePointer(pointer)) {
    const key: string | number = node.type === 'array' && /^\d+$/.test(seg) ? Number(seg) : seg;
    const next = findNodeAtLocation(node, [key]);
    if (!next) break;
    node = next;
  }
  return node;
}

/** A marker for a problem at a JSON pointer: the value itself, or an object's opening brace. */
export function pointerMarker(text: string, pointer: string, message: string, severity: EditorMarker['severity']): EditorMarker | null {
  const root = parseTree(text);
  if (!root) return null;
  const node = nodeAtPointer(root, pointer);
  if (node.type === 'object' || node.type === 'array') {
    // Whole objects make unreadable squiggles: mark the key that holds them, or the opening bracket.
    const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    if (keyNode) return markerAt(text, keyNode.offset, keyNode.offset + keyNode.length, message, severity);
    return markerAt(text, node.offset, node.offset + 1, message, severity);
  }
  return markerAt(text, node.offset, node.offset + node.length, message, severity);
}

export function markersFor(
  doc: DocName,
  text: string,
  docErrors: DocError[],
  problems: { pointer: string; message: string; severity: 'error' | 'warning' }[],
): EditorMarker[] {
  const out: EditorMarker[] = docErrors.filter((e) => e.doc === doc).map((e) => docErrorMarker(text, e));
  if (doc === 'grader' && out.length === 0) {
    for (const p of problems) {
      const m = pointerMarker(text, p.pointer, p.message, p.severity);
      if (m) out.push(m);
    }
  }
  return out;
}
