import { describe, expect, it, vi } from 'vitest';
import { importModuleText, moduleDataUrl, pinImportMetaUrl } from './module-text.ts';

const URL_ = 'http://127.0.0.1:4173/assets/grader.worker-abc.js';

describe('pinImportMetaUrl', () => {
  it('replaces every import.meta.url with the file URL, so relative asset URLs resolve from there', () => {
    const code = 'export const a = new URL(`x.wasm`, import.meta.url).href; export const b = import.meta.url;';
    const pinned = pinImportMetaUrl(code, URL_);
    expect(pinned).not.toContain('import.meta.url');
    expect(pinned).toContain('new URL(`x.wasm`, "http://127.0.0.1:4173/assets/grader.worker-abc.js")');
    expect(pinned).toContain(`//# sourceURL=${URL_}`);
  });

  it('leaves other uses of import.meta alone', () => {
    expect(pinImportMetaUrl('import.meta.env; import.meta.resolve("x")', URL_)).toMatch(/^import\.meta\.env; import\.meta\.resolve\("x"\)/);
  });

  it('keeps $ patterns in the URL literal', () => {
    expect(pinImportMetaUrl('f(import.meta.url)', "http://h/$&$'/a.js")).toContain('f("http://h/$&$\'/a.js")');
  });

  it('does not spell the token itself, so pinning code that pins (the worker bundle) does not break it', () => {
    const own = pinImportMetaUrl.toString();
    expect(own).not.toContain('import.meta.url');
    expect(pinImportMetaUrl(own, URL_)).toContain(own);
  });
});

describe('importModuleText', () => {
  it('imports a module from its text with import.meta.url pinned', async () => {
    const code = 'export default new URL("data.bin", import.meta.url).href;';
    vi.stubGlobal('fetch', async () => new Response(code, { headers: { 'Content-Type': 'text/javascript' } }));
    try {
      const mod = await importModuleText<{ default: string }>('http://127.0.0.1:4173/pyodide/pyodide.asm.mjs');
      expect(mod.default).toBe('http://127.0.0.1:4173/pyodide/data.bin');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('fails with the path when the file is missing', async () => {
    vi.stubGlobal('fetch', async () => new Response('nope', { status: 404 }));
    try {
      await expect(importModuleText('http://127.0.0.1:4173/pyodide/pyodide.asm.mjs')).rejects.toThrow('could not load /pyodide/pyodide.asm.mjs (HTTP 404)');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('moduleDataUrl', () => {
  it('keeps every character of the module text (#, %, quotes, non-ASCII, newlines)', async () => {
    const text = 'a # b %41 %% "q" \'s\' é 中 🙂\nline two\r\n\t';
    const mod = (await import(/* @vite-ignore */ moduleDataUrl(`export default ${JSON.stringify(text)};`))) as { default: string };
    expect(mod.default).toBe(text);
  });
});
