import { describe, expect, it } from 'vitest';
import { sandboxDocument } from './sandbox-document.ts';

const PAGE = 'http://127.0.0.1:4173/sandbox.html?packages=https%3A%2F%2Fcdn.example%2Fpyodide%2F';

const BUILT = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Grader sandbox</title>
    <script type="module" crossorigin src="./assets/sandbox-abc.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/polyfill-x.js">
  </head>
  <body></body>
</html>`;

function files(map: Record<string, string>): typeof fetch {
  return (async (url: string) => (url in map ? new Response(map[url]) : new Response('not found', { status: 404 }))) as typeof fetch;
}

describe('sandboxDocument', () => {
  it('inlines the module script with import.meta.url pinned, drops preloads, and sets <base> to the page URL', async () => {
    const doc = await sandboxDocument(
      PAGE,
      files({
        [PAGE]: BUILT,
        'http://127.0.0.1:4173/assets/sandbox-abc.js': 'var w=new URL(`grader.worker-1.js`,import.meta.url).href;if(a</script>b){}',
      }),
    );
    expect(doc).toContain(`<head><base href="${PAGE}">`);
    expect(doc).toContain('<script type="module">var w=new URL(`grader.worker-1.js`,"http://127.0.0.1:4173/assets/sandbox-abc.js").href;');
    expect(doc).toContain('a<\\/script>b');
    expect(doc).not.toContain('src="./assets/sandbox-abc.js"');
    expect(doc).not.toContain('modulepreload');
    expect(doc.match(/<\/script>/g)).toHaveLength(1);
  });

  it('escapes the base URL', async () => {
    const page = 'http://127.0.0.1:4173/sandbox.html?packages="><script>';
    const doc = await sandboxDocument(page, files({ [page]: '<html><head></head><body></body></html>' }));
    expect(doc).toContain('<base href="http://127.0.0.1:4173/sandbox.html?packages=&quot;>&lt;script>">');
  });

  it('fails with the missing file when the page or its script cannot load', async () => {
    await expect(sandboxDocument(PAGE, files({}))).rejects.toThrow('could not load /sandbox.html (HTTP 404)');
    await expect(sandboxDocument(PAGE, files({ [PAGE]: BUILT }))).rejects.toThrow('could not load /assets/sandbox-abc.js (HTTP 404)');
  });

  it('inlines the dev server’s scripts too (root-relative URLs)', async () => {
    const dev = '<html><head><script type="module" src="/src/worker/sandbox.ts"></script></head></html>';
    const doc = await sandboxDocument(PAGE, files({ [PAGE]: dev, 'http://127.0.0.1:4173/src/worker/sandbox.ts': 'import x from "/src/a.ts";' }));
    expect(doc).toContain('<script type="module">import x from "/src/a.ts";');
  });
});
