import { expect, test } from '@playwright/test';
import { setDoc } from './helpers.ts';

// Issue 12: the main page has a Content-Security-Policy, the server sends frame-ancestors and nosniff (from
// public/_headers, which `vite preview` serves), the app's core flows run under that policy without a
// violation, and no page of the app does anything when another origin frames it.

test('the app and its sandbox page are served with the static-host headers', async ({ request }) => {
  for (const path of ['/', '/index.html', '/sandbox.html']) {
    const res = await request.get(path);
    expect(res.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
  }
  expect(await (await request.get('/')).text()).toContain('http-equiv="Content-Security-Policy"');
});

test('the core flows run under the page CSP with no violation', async ({ page }) => {
  test.setTimeout(180_000);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|violates the following/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/');
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/, { timeout: 60_000 });
  await setDoc(page, 'sample', { output_text: 'Paris' });
  await setDoc(page, 'item', { answer: 'paris' });
  await setDoc(page, 'grader', { type: 'string_check', name: 's', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'ilike' });
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
  await setDoc(page, 'grader', { type: 'python', name: 'p', source: 'def grade(sample, item):\n    return 0.25\n' });
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.25', { timeout: 120_000 });
  await setDoc(page, 'grader', { type: 'text_similarity', name: 't', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', evaluation_metric: 'fuzzy_match' });
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
  expect(violations).toEqual([]);
});

test('another origin framing the app or its sandbox page gets nothing', async ({ page }) => {
  // localhost and 127.0.0.1 are different origins: the "attacker" page is served at localhost.
  const attacker = 'http://localhost:4202/attacker.html'.replace('4202', String(new URL(test.info().project.use.baseURL!).port));
  const app = test.info().project.use.baseURL!;
  await page.route(attacker, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><script>window.__msgs = []; addEventListener('message', (e) => window.__msgs.push(JSON.stringify(e.data)));</script>
        <iframe id="app" src="${app}"></iframe><iframe id="sb" src="${app}sandbox.html"></iframe>
        <iframe id="sb2" sandbox="allow-scripts" src="${app}sandbox.html"></iframe>`,
    }),
  );
  await page.goto(attacker);
  await page.waitForTimeout(3000);
  expect(await page.evaluate(() => (window as unknown as { __msgs: string[] }).__msgs)).toEqual([]);
  for (const frame of page.frames().slice(1)) {
    // A frame refused by frame-ancestors holds an error page: no app, no sandbox script ran.
    const appRan = await frame.evaluate(() => !!document.querySelector('#app > *') || !!document.querySelector('meta[http-equiv="Content-Security-Policy"][content*="worker-src"]')).catch(() => false);
    expect(appRan, frame.url()).toBe(false);
  }
});

test('sandbox.html opened directly at the app origin starts nothing', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/sandbox.html');
  await expect.poll(() => errors.join('\n')).toContain('runs only inside');
  // The sandbox's policy and workers were never set up.
  expect(await page.locator('meta[content*="worker-src"]').count()).toBe(0);
});
