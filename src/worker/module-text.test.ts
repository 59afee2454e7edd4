import { describe, expect, it, vi } from 'vitest';
import { importModuleText, pinImportMetaUrl } from './module-text.ts';

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
    // Node imports data: but not blob: modules: stand in a data: URL for the blob (the browser path is
    // covered by e2e/offline.spec.ts).
    const texts = new Map<Blob, string>();
    const OriginalBlob = globalThis.Blob;
    class RecordingBlob extends OriginalBlob {
      constructor(parts: BlobPart[], options?: BlobPropertyBag) {
        super(parts, options);
        texts.set(this, parts.join(''));
      }
    }
    vi.stubGlobal('fetch', async () => new Response(code, { headers: { 'Content-Type': 'text/javascript' } }));
    vi.stubGlobal('Blob', RecordingBlob);
    const spy = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => `data:text/javascript;base64,${Buffer.from(texts.get(b as Blob) ?? '').toString('base64')}`);
    try {
      const mod = await importModuleText<{ default: string }>('http://127.0.0.1:4173/pyodide/pyodide.asm.mjs');
      expect(mod.default).toBe('http://127.0.0.1:4173/pyodide/data.bin');
    } finally {
      spy.mockRestore();
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
