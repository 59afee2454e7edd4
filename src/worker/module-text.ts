/**
 * Load an ES module from its text as if it had been loaded from its URL. The sandbox's workers cannot load our
 * files by URL offline (see asset-server.ts), so they get the text from the app and import it from a data: URL
 * (WebKit lets a `data:` worker in the opaque-origin frame import `data:` URLs but not `blob:` URLs, even its
 * own; Chromium and Firefox allow both). A module's `import.meta.url` would then be that data URL, against which
 * `new URL('x.wasm', import.meta.url)` gives nonsense, so the real URL is written in its place. Only for our own
 * build's single-file modules: a relative `import` in the text would not resolve.
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

/** A `data:` URL that imports as the module `code` (the sandbox's worker boot builds the same URL). */
export function moduleDataUrl(code: string): string {
  return `data:text/javascript;charset=utf-8,${encodeURIComponent(code)}`;
}

/** Fetch a module's text and import it as if from `url` (fetch is the worker's, which asks the app for our files). */
export async function importModuleText<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${new URL(url).pathname} (HTTP ${res.status})`);
  return (await import(/* @vite-ignore */ moduleDataUrl(pinImportMetaUrl(await res.text(), url)))) as T;
}
