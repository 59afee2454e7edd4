import { expect, test } from '@playwright/test';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openApp, setDoc, typeInto } from './helpers.ts';

const scoreGrader = {
  type: 'score_model',
  name: 'judge',
  model: 'gpt-4.1-2025-04-14',
  input: [
    { role: 'system', content: 'Grade the answer.' },
    { role: 'user', content: 'Reference: {{ item.answer }}\nAnswer: {{ sample.output_text }}' },
  ],
  range: [0, 1],
};

/** A fake OpenAI-compatible server that browsers may call (CORS), recording what it receives. */
async function fakeServer(reply: (body: { messages?: unknown }) => unknown) {
  const seen: { headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'authorization, content-type', 'Access-Control-Allow-Methods': 'POST' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      seen.push({ headers: req.headers, body });
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(reply(body)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, seen, close: () => server.close() };
}

const completion = (content: string) => ({
  id: 'x',
  object: 'chat.completion',
  model: 'gpt-4.1-2025-04-14',
  choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 50, completion_tokens: 20, total_tokens: 70 },
});

test('without a key, a model grader shows its prompt and the user judges by hand', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', scoreGrader);
  await setDoc(page, 'sample', { output_text: 'Paris, of course' });
  await setDoc(page, 'item', { answer: 'Paris' });
  await expect(page.getByTestId('hand-judge')).toBeVisible();
  await expect(page.getByTestId('judge-prompt')).toContainText('Answer: Paris, of course');
  await page.getByTestId('hand-reply').fill('{"result": 1.7, "steps": [{"description": "names Paris", "conclusion": "correct"}]}');
  await page.getByTestId('hand-submit').click();
  // 1.7 is clamped to the range [0, 1].
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('judge-steps')).toContainText('names Paris');
  await page.getByTestId('hand-reply').fill('no json here');
  await page.getByTestId('hand-submit').click();
  await expect(page.getByTestId('errors').locator('[data-flag="model_grader_parse_error"]')).toBeVisible();
});

test('with an endpoint, the app calls the model with the key; the key stays out of the sandbox and out of links', async ({ page }) => {
  const server = await fakeServer(() => completion('{"result": 0.5, "steps": [{"description": "vague", "conclusion": "half"}]}'));
  try {
    await openApp(page);
    await setDoc(page, 'grader', scoreGrader);
    await setDoc(page, 'sample', { output_text: 'Somewhere in France' });
    await setDoc(page, 'item', { answer: 'Paris' });
    await page.getByTestId('settings-button').click();
    await page.getByTestId('endpoint-url').fill(server.url);
    await page.getByTestId('endpoint-key').fill('sk-test-secret-123');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.5');
    // With the address typed first, a first call may go out before the key is typed (keyless endpoints are
    // allowed): wait for the call that carries the key, and check that one.
    const keyed = () => server.seen.filter((r) => r.headers.authorization === 'Bearer sk-test-secret-123');
    await expect.poll(() => keyed().length).toBeGreaterThan(0);
    const last = keyed().at(-1)!;
    expect(JSON.stringify(last.body.messages)).toContain('Answer: Somewhere in France');
    expect(last.body.response_format).toMatchObject({ type: 'json_schema' });
    await expect(page.getByTestId('judge-steps')).toContainText('vague');
    // Not in the result the worker sent back, not in a share link, not in local storage.
    await page.getByRole('button', { name: /Show the RunResult JSON/ }).click();
    await expect(page.getByTestId('raw-result')).not.toContainText('sk-test-secret');
    await page.getByTestId('share-button').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).not.toContain('sk-test');
    const { decodeShare } = await import('../src/share/codec.ts');
    const opened = await decodeShare(link.slice(link.indexOf('#')));
    expect(JSON.stringify(opened)).not.toContain('sk-test');
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('sk-test');
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).toContain('sk-test');
    // A python grader in the sandbox cannot find it either.
    await setDoc(page, 'grader', {
      type: 'python',
      name: 'snoop',
      source: 'import js\n\ndef grade(sample, item):\n    found = []\n    for name in ["sessionStorage", "localStorage"]:\n        try:\n            found.append(str(getattr(js, name).getItem("grader-playground:endpoint:v1")))\n        except Exception:\n            pass\n    return 1.0 if any("sk-test" in f for f in found) else 0.0\n',
    });
    await expect(page.getByTestId('explain')).toHaveAttribute('data-kind', 'python', { timeout: 90_000 });
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
  } finally {
    server.close();
  }
});

test('in your own workspace a model grader calls the model once typing pauses, not on every keystroke', async ({ page }) => {
  const server = await fakeServer((body) => completion(JSON.stringify({ result: JSON.stringify(body.messages).includes('Paris, of course') ? 1 : 0, steps: [] })));
  try {
    await openApp(page);
    await page.getByTestId('settings-button').click();
    await page.getByTestId('endpoint-url').fill(server.url);
    await page.getByTestId('endpoint-key').fill('sk-test');
    await page.getByTestId('settings-button').click();
    await setDoc(page, 'item', { answer: 'Paris' });
    await setDoc(page, 'grader', scoreGrader);
    await expect.poll(() => server.seen.length).toBe(1);
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
    // 36 keystrokes 50 ms apart, each within the pause of the one before: no call until the typing stops.
    const typing = typeInto(page, 'sample', '{"output_text": "Paris, of course"}', { delay: 50 });
    await expect(page.getByTestId('model-pause')).toBeVisible();
    await expect(page.getByTestId('stale-label')).toContainText('a paid call per run');
    await typing;
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
    await expect(page.getByTestId('model-pause')).toHaveCount(0);
    // One call for the whole burst (and none still to come).
    await page.waitForTimeout(1_500);
    expect(server.seen.length).toBe(2);
    expect(JSON.stringify(server.seen[1]!.body.messages)).toContain('Paris, of course');
    // Ctrl+Enter runs at once.
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => server.seen.length).toBe(3);
  } finally {
    server.close();
  }
});

test('remember on this device keeps the endpoint across sessions; otherwise it is forgotten', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openApp(page);
  await page.getByTestId('settings-button').click();
  await page.getByTestId('endpoint-key').fill('sk-remember-me');
  await page.getByTestId('endpoint-remember').check();
  expect(await page.evaluate(() => localStorage.getItem('grader-playground:endpoint:v1'))).toContain('sk-remember-me');
  await page.getByTestId('endpoint-remember').uncheck();
  expect(await page.evaluate(() => localStorage.getItem('grader-playground:endpoint:v1'))).toBeNull();
  await context.close();
});

test('judge check: the model grader run k times shows the spread of its rewards', async ({ page }) => {
  let n = 0;
  const server = await fakeServer(() => completion(JSON.stringify({ result: [0.4, 0.6, 0.5][n++ % 3], steps: [] })));
  try {
    await openApp(page);
    await page.getByTestId('settings-button').click();
    await page.getByTestId('endpoint-url').fill(server.url);
    await page.getByTestId('endpoint-key').fill('sk-x');
    await setDoc(page, 'grader', scoreGrader);
    await setDoc(page, 'item', { answer: 'Paris' });
    await expect(page.getByTestId('judge-check')).toBeVisible();
    await page.getByTestId('judge-check').locator('input').fill('6');
    await page.getByTestId('judge-check-run').click();
    await expect(page.getByTestId('judge-check-stats')).toContainText('6 runs');
    await expect(page.getByTestId('judge-check-stats')).toContainText('min 0.4');
    await expect(page.getByTestId('judge-check-stats')).toContainText('max 0.6');
  } finally {
    server.close();
  }
});

test('judge prompt messages are edited as plain text in their own tabs', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', scoreGrader);
  await page.getByTestId('tab-python-prompt 0·system').click();
  await expect(page.getByTestId('editor-prompt')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('editor-prompt').locator('.view-line').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Example: "Paris" scores 1.');
  await page.getByRole('tab', { name: 'JSON' }).click();
  await expect
    .poll(async () => JSON.parse(await page.evaluate(() => (window as unknown as { __playground: { getDoc(d: string): string } }).__playground.getDoc('grader'))).input[0].content)
    .toBe('Grade the answer. Example: "Paris" scores 1.');
});
