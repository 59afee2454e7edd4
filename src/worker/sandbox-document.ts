/**
 * The sandbox frame's document, built by the app as `srcdoc`. Chromium never lets the app's service worker
 * answer an opaque-origin frame's requests (not its navigation when sandboxed by attribute, not its scripts), so
 * a frame loaded from `sandbox.html` could not start offline. The app fetches sandbox.html and its module
 * scripts itself (through the service worker) and inlines them; `<base>` keeps the page's URLs (and query)
 * resolving as if it had been loaded from sandbox.html. The frame stays `sandbox="allow-scripts"`, opaque.
 * Only for our build's sandbox entry: an inlined script must not import other chunks by relative URL.
 */
import { pinImportMetaUrl } from './module-text.ts';

const MODULE_SCRIPT = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*>\s*<\/script>/g;
const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*>/g;

const escapeAttr = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** sandbox.html at `pageUrl` (with its query), self-contained. */
export async function sandboxDocument(pageUrl: string, fetcher: typeof fetch = fetch): Promise<string> {
  const get = async (url: string) => {
    const res = await fetcher(url, { credentials: 'omit' });
    if (!res.ok) throw new Error(`could not load ${new URL(url).pathname} (HTTP ${res.status})`);
    return res.text();
  };
  const html = await get(pageUrl);
  const scripts = await Promise.all(
    [...html.matchAll(MODULE_SCRIPT)].map(async ([tag, src]) => {
      const url = new URL(src!, pageUrl).href;
      // `</script` inside the code would end the inline element early.
      return { tag, code: pinImportMetaUrl(await get(url), url).replaceAll('</script', '<\\/script') };
    }),
  );
  let doc = html.replace(MODULE_PRELOAD, '');
  for (const { tag, code } of scripts) doc = doc.replace(tag, () => `<script type="module">${code}</script>`);
  const base = `<base href="${escapeAttr(pageUrl)}">`;
  return /<head[^>]*>/i.test(doc) ? doc.replace(/<head[^>]*>/i, (h) => `${h}${base}`) : base + doc;
}
