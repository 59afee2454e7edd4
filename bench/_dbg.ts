import { launch, serve } from './browser.ts';
const server = await serve(4433);
const browser = await launch();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
  const t0 = Date.now();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="editor-grader"][data-ready="true"]', { timeout: 60_000 });
  console.log('monaco at', Date.now() - t0);
  await page.waitForTimeout(4000);
  await page.evaluate(() => (window as any).__playground.setDoc('grader', JSON.stringify({ type: 'python', name: 'p', source: 'def grade(sample, item):\n    return 0.75\n' })));
  console.log('chose at', Date.now() - t0);
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(2000);
    const s = await page.evaluate(() => [document.querySelector('[data-testid="run-state"]')?.getAttribute('data-state'), document.querySelector('[data-testid="explain"]')?.getAttribute('data-kind'), document.querySelector('[data-testid="reward"]')?.getAttribute('data-value'), document.querySelector('[data-testid="errors"]')?.textContent?.slice(0, 300)]);
    console.log(Date.now() - t0, JSON.stringify(s));
    if (s[1] === 'python') break;
  }
} finally { await browser.close(); server.stop(); }
