import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findLanguage } from './languages.ts';
import { urlAstAssets } from './url-assets.ts';

const require = createRequire(import.meta.url);
const wasmBytes = new Uint8Array(readFileSync(require.resolve('@ast-grep/wasm/wasm_bg.wasm')));
const urls = { astGrepWasm: 'https://app.test/wasm_bg.wasm', treeSitterWasm: 'https://app.test/wts.wasm', grammars: { python: 'https://app.test/py.wasm' } };

describe('urlAstAssets (browser hosts)', () => {
  it('compiles ast-grep from a fetched response, streaming or not', async () => {
    for (const type of ['application/wasm', 'application/octet-stream']) {
      const assets = urlAstAssets(urls, async () => new Response(wasmBytes, { headers: { 'content-type': type } }));
      const module = await assets.astGrepModule();
      const compiled = module instanceof WebAssembly.Module ? module : await WebAssembly.compile(module);
      expect(WebAssembly.Module.exports(compiled).some((e) => e.name === '__wbindgen_start')).toBe(true);
    }
  });

  it('reports an HTTP failure', async () => {
    const assets = urlAstAssets(urls, async () => new Response('nope', { status: 404 }));
    await expect(assets.astGrepModule()).rejects.toThrow('HTTP 404');
  });

  it('hands out grammar URLs by language, and names the ones a build lacks', () => {
    const assets = urlAstAssets(urls);
    expect(assets.treeSitterWasm()).toBe('https://app.test/wts.wasm');
    expect(assets.grammar(findLanguage('py')!)).toBe('https://app.test/py.wasm');
    expect(() => assets.grammar(findLanguage('go')!)).toThrow('The go grammar is not part of this build (available: python).');
  });
});
