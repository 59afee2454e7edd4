/**
 * A workspace as a `.json` file: `{"grader_playground": 1, "title", "notes", "grader", "sample", "item",
 * "settings"}`, the same values a share link carries plus a format version. Builds the file text and reads one
 * back with messages a user can act on. No file-system or DOM access: the app does the download/upload.
 */
import { isJsonNumber, isJsonObject, numberLexeme, parseJson } from '../engine/json.ts';
import type { JsonObject, JsonValue } from '../engine/types.ts';
import { docsToValue, prettyJson, workspaceFromValue, type DocName, type OpenResult, type ShareDoc } from './doc.ts';

/** The file format's version; a reader refuses newer ones instead of guessing. */
export const WORKSPACE_FILE_VERSION = 1;
export const WORKSPACE_FILE_MARKER = 'grader_playground';

export type WorkspaceFileResult =
  | { ok: true; text: string; filename: string }
  | { ok: false; error: { doc: DocName; message: string } };

/** A file name from the title: lowercase words joined by dashes, `workspace` when nothing usable is left. */
export function workspaceFileName(title: string | undefined): string {
  const slug = (title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'workspace'}.grader.json`;
}

export function workspaceFileText(doc: ShareDoc): WorkspaceFileResult {
  const value = docsToValue(doc);
  if (!value.ok) return { ok: false, error: { doc: value.doc, message: value.message } };
  const v = value.value;
  const file: JsonObject = {
    [WORKSPACE_FILE_MARKER]: WORKSPACE_FILE_VERSION,
    title: doc.title ?? '',
    notes: doc.notes ?? '',
    grader: v.grader!,
    sample: v.sample!,
    item: v.item!,
    settings: v.settings ?? {},
    ...(v.tests ? { tests: v.tests } : {}),
  };
  return { ok: true, text: prettyJson(file) + '\n', filename: workspaceFileName(doc.title) };
}

/** Open an already parsed workspace file (also used for hosted `#url=` JSON and pasted imports). */
export function workspaceFromFileValue(value: JsonValue, what: string): OpenResult {
  if (!isJsonObject(value) || !Object.hasOwn(value, WORKSPACE_FILE_MARKER)) {
    // The bare `{grader, sample, item}` a link carries is a workspace too, just without the marker.
    const opened = workspaceFromValue(value, what);
    if (!opened.ok && opened.error.kind === 'not_a_workspace' && isJsonObject(value)) {
      opened.error.message += ` A workspace file starts with {"${WORKSPACE_FILE_MARKER}": ${WORKSPACE_FILE_VERSION}, ...}.`;
    }
    return opened;
  }
  const version = value[WORKSPACE_FILE_MARKER];
  const lexeme = isJsonNumber(version) ? numberLexeme(version) : null;
  if (lexeme === null || !/^\d+$/.test(lexeme)) {
    return {
      ok: false,
      error: { kind: 'malformed', message: `${what} has "${WORKSPACE_FILE_MARKER}": ${JSON.stringify(version)}; expected the format version ${WORKSPACE_FILE_VERSION}.` },
    };
  }
  if (BigInt(lexeme) > BigInt(WORKSPACE_FILE_VERSION)) {
    return {
      ok: false,
      error: {
        kind: 'future_version',
        message: `${what} was made by a newer version of Grader Playground (workspace format ${lexeme}; this version reads format ${WORKSPACE_FILE_VERSION}). Reload the page to get the newest version.`,
      },
    };
  }
  if (lexeme !== String(WORKSPACE_FILE_VERSION)) {
    return { ok: false, error: { kind: 'malformed', message: `${what} has the unknown workspace format ${lexeme}.` } };
  }
  return workspaceFromValue(value, what);
}

export function readWorkspaceFile(text: string, what = 'This file'): OpenResult {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const e = parsed.error;
    return {
      ok: false,
      error: { kind: 'malformed', message: `${what} is not JSON (line ${e.line}, column ${e.column}: ${e.message}), so it is not a workspace file.` },
    };
  }
  return workspaceFromFileValue(parsed.value, what);
}
