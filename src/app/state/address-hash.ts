/**
 * The address forms of the open workspace: `#w=<id>` names a workspace saved in this browser. And when a link's
 * workspace is still as the link made it (so opening the link again needs no choice).
 */
import type { OpenedWorkspace } from '../../share/doc.ts';
import type { StoredWorkspace } from '../../share/store.ts';

const WORKSPACE_HASH = /^#w=([A-Za-z0-9_-]{1,80})$/;

/** The workspace id an address names (`#w=<id>`), if any. */
export function workspaceIdFromHash(hash: string): string | undefined {
  return WORKSPACE_HASH.exec(hash)?.[1];
}

export function workspaceHash(id: string): string {
  return `#w=${id}`;
}

/** Same content as the link holds: opening the link again needs no choice. */
export function sameAsLink(ws: Pick<StoredWorkspace, 'grader' | 'sample' | 'item' | 'notes' | 'tests'>, doc: OpenedWorkspace): boolean {
  return (
    ws.grader === doc.grader &&
    ws.sample === doc.sample &&
    ws.item === doc.item &&
    (ws.notes ?? '') === doc.notes &&
    JSON.stringify(ws.tests ?? []) === JSON.stringify(doc.tests ?? [])
  );
}
