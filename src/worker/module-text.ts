/**
 * Load an ES module from its text as if it had been loaded from its URL. The sandbox's workers cannot load our
 * files by URL offline (see asset-server.ts), so they get the text from the app and import it from a blob: URL;
 * a blob: module's `import.meta.url` is that blob URL, against which `new URL('x.wasm', import.meta.url)` throws,
 * so the real URL is written in its place. Only for our own build's single-file modules: a relative `import`
 * in the text would still resolve against the blob URL and fail.
 */

/**
 * `import.meta.url` is syntax, not a value: code that is not about it does not spell it, and a mention in a
 * comment is harmless. Code that rewrites it (this file, the sandbox's worker boot) must not spell it either,
 * or it would be rewritten itself: hence a regular expression.
 */
const IMPORT_META_URL = /import\.meta\.url/g;

/** The module text with `import.meta.url` fixed to `url` (and named `url` in the debugger). */
export function pinImportMetaUrl(code: string, url: string): string {
  const literal = JSON.stringify(url);
  return `${code.replace(IMPORT_META_URL, () => literal)}\n//# sourceURL=${url}\n`;
}

/** Fetch a module's text and import it as if from `url` (fetch is the worker's, which asks the app for our files). */
export async function importModuleText<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${new URL(url).pathname} (HTTP ${res.status})`);
  const blobUrl = URL.createObjectURL(new Blob([pinImportMetaUrl(await res.text(), url)], { type: 'text/javascript' }));
  try {
    return (await import(/* @vite-ignore */ blobUrl)) as T;
  } finally {
    URL.revokeObjectURL(blobUrl);
  }
}
