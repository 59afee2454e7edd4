/**
 * The embed's core check in every engine (issue 20): a page of another origin frames the embed, which grades in
 * its own nested sandbox and shows the score, tells the host only its height, and neither can read the other;
 * and every link of every published format (test/fixtures/share/links-by-version.json) opens in the embed with
 * today's engine's reward, computed here in Node by the same engine, and the engine-drift note exactly where the
 * changelog says the reward moved.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { engineDrift } from '../../src/engine/changelog.ts';
import { parseJson } from '../../src/engine/json.ts';
import { runGrader } from '../../src/engine/run.ts';
import type { JsonValue } from '../../src/engine/types.ts';
import { decodeShare } from '../../src/share/codec.ts';
import type { Check } from './checks.ts';
import { assert, assertEqual, poll } from './page.ts';

interface FixtureLink {
  name: string;
  fragment: string;
  reward_then: number | null;
}
const fixture = JSON.parse(readFileSync('test/fixtures/share/links-by-version.json', 'utf8')) as {
  groups: { engine_then: number; links: FixtureLink[] }[];
};

const value = (text: string): JsonValue => {
  const p = parseJson(text);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
};

/** What the embed must show for a link today: the engine's reward, and the engines the drift note names. */
async function expected(fragment: string): Promise<{ reward: number; drift: string; python: boolean }> {
  const r = await decodeShare(fragment);
  if (!r.ok) throw new Error(r.error.message);
  const w = { grader: value(r.doc.grader), sample: value(r.doc.sample), item: value(r.doc.item), settings: r.doc.settings };
  const python = (w.grader as { type?: unknown }).type === 'python';
  const reward = python ? NaN : (await runGrader(w.grader, w.sample, w.item, { settings: r.doc.settings })).reward;
  return { reward, drift: engineDrift(r.doc.engine ?? null, w).map((c) => c.engine).join(' '), python };
}

// What the embed page shows, read in one call (the embed's own status line, not the app's snapshot).
const EMBED_STATE = `() => {
  const q = (id) => document.querySelector('[data-testid="' + id + '"]');
  const note = q('engine-drift');
  return {
    state: q('run-state')?.getAttribute('data-state') ?? null,
    reward: q('reward')?.getAttribute('data-value') ?? null,
    drift: note ? note.getAttribute('data-engines') : null,
    editor: q('embed-editor')?.value ?? null,
  };
}`;
interface EmbedState {
  state: string | null;
  reward: string | null;
  drift: string | null;
  editor: string | null;
}

export const embedCheck: Check = {
  name: 'embed: framed by another origin it grades, and links of every format open in it',
  async run({ b, app }) {
    const current = fixture.groups.at(-1)!.links.find((l) => l.name.startsWith('exact answer'))!;
    const heard: string[] = [];
    const host = createServer((req, res) => {
      heard.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>Course page</title>
<script>window.__heights = []; window.__other = 0; addEventListener('message', (e) => {
  if (e.data && e.data.type === 'grader-playground:height') { window.__heights.push(e.data.height); document.getElementById('g').style.height = e.data.height + 'px'; }
  else window.__other++;
});</script>
<iframe id="g" title="Grader" style="width:640px;height:100px;border:0" src="${app}embed.html#${current.fragment}"></iframe>`);
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    try {
      // Another origin: 127.0.0.1 on another port.
      await b.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/course.html`);
      const framed = await poll('the framed embed to grade', () => b.runInFrame<EmbedState>(EMBED_STATE), (s) => s.state === 'done' && s.reward !== null, 120_000);
      assertEqual(framed.reward, '1', 'the framed embed\'s reward');
      assertEqual(framed.drift, null, 'no drift note for a current link');
      // The host heard the height (and nothing else), and the two pages cannot read each other.
      await poll('the height message', () => b.run<number>('() => window.__heights.length'), (n) => n > 0, 30_000);
      assertEqual(await b.run<number>('() => window.__other'), 0, 'messages other than the height');
      assertEqual(await b.run<boolean>(`() => document.getElementById('g').contentDocument === null`), true, 'the host reading the embed');
      assertEqual(await b.runInFrame<string>(`() => { try { return window.parent.document.title; } catch { return 'blocked'; } }`), 'blocked', 'the embed reading the host');
      // The embed grades in the app's opaque-origin sandbox, nested inside it.
      assertEqual(await b.runInFrame<number>(`() => document.querySelectorAll('iframe[sandbox="allow-scripts"]').length`), 1, 'the sandbox frame inside the embed');
    } finally {
      await new Promise<void>((r) => {
        host.close(() => r());
        host.closeAllConnections();
      });
    }
    // The embed never calls the host's origin (the browser itself asks it for a favicon).
    assertEqual(heard.filter((u) => u !== '/favicon.ico'), ['/course.html'], 'requests the host page got');

    for (const g of fixture.groups) {
      for (const link of g.links) {
        const want = await expected(link.fragment);
        const what = `engine ${g.engine_then} link "${link.name}"`;
        await b.goto('about:blank');
        await b.goto(`${app}embed.html#${link.fragment}`);
        if (want.python) {
          // Decoded and shown (Pyodide's cold start in every engine is python's own check).
          const s = await poll(`${what} to open`, () => b.run<EmbedState>(EMBED_STATE), (x) => x.editor !== null && (x.state === 'running' || x.state === 'done'), 60_000);
          assert(s.editor!.includes('output_text'), `${what}: its sample in the editor`);
          continue;
        }
        const s = await poll(`${what} to grade`, () => b.run<EmbedState>(EMBED_STATE), (x) => x.state === 'done' && x.reward !== null, 120_000);
        // To 1e-12, as every score check here: WebKit's BLEU can differ from V8's in the last bit (Math.exp/log).
        assert(Math.abs(Number(s.reward) - want.reward) <= 1e-12, `${what}: reward ${s.reward}, today's engine gives ${want.reward}`);
        // The note's module loads after the page starts grading: give it a moment to show, then it must match.
        const shown = want.drift ? await poll(`${what}: the drift note`, () => b.run<EmbedState>(EMBED_STATE), (x) => x.drift !== null, 15_000).catch(() => s) : s;
        assertEqual(shown.drift, want.drift || null, `${what}: drift note`);
      }
    }
  },
};
