import { expect, test, type Page } from '@playwright/test';
import { flags, getDoc, openApp, setDoc } from './helpers.ts';
import { hostileGrader, AFTER_CHECK, witnessServer } from './witness.ts';

const pythonGrader = (source: string) => ({ type: 'python', name: 'p', source });

async function grade(page: Page, source: string, timeout = 90_000) {
  await setDoc(page, 'grader', pythonGrader(source));
  // Wait for the result of this source (the python explanation or a python error flag).
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done', { timeout });
  await expect
    .poll(async () => (await page.getByTestId('explain').getAttribute('data-kind')) ?? '', { timeout })
    .toBe('python');
}

test.describe('python graders', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a python grader scores in the sandbox, with stdout shown and a loading state', async ({ page }) => {
    await openApp(page);
    await setDoc(page, 'sample', { output_text: 'Paris' });
    // Typed as text: JSON.stringify would drop the ".0" that makes weight a float.
    await setDoc(page, 'item', '{"answer": "paris", "weight": 1.0, "count": 2}');
    await setDoc(
      page,
      'grader',
      pythonGrader(
        'def grade(sample, item):\n    print("types:", type(item["weight"]).__name__, type(item["count"]).__name__)\n    return sample["output_text"].lower() == item["answer"]\n',
      ),
    );
    await expect(page.getByTestId('loading-python')).toBeVisible();
    await expect(page.getByTestId('python-return')).toHaveText('True', { timeout: 90_000 });
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
    await expect(page.getByTestId('python-stdout')).toHaveText('types: float int\n');
  });

  test('an exception gives reward 0 with the traceback at the user line', async ({ page }) => {
    await openApp(page);
    await grade(page, 'def grade(sample, item):\n    x = 1\n    return item["missing"]\n');
    await expect.poll(() => flags(page)).toEqual(['python_grader_runtime_error']);
    await expect(page.getByTestId('error-details')).toContainText('line 3');
    await expect(page.getByTestId('error-details')).toContainText("KeyError: 'missing'");
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');

    // A message with no spaces wraps inside the result panel; it does not widen the panel past its edge.
    await grade(page, 'def grade(sample, item):\n    raise ValueError("x" * 3000)\n');
    await expect(page.getByTestId('problem-message')).toContainText('xxxx');
    const panel = page.getByRole('region', { name: 'Result' });
    const [panelBox, messageBox] = [await panel.boundingBox(), await page.getByTestId('problem-message').boundingBox()];
    expect(messageBox!.x + messageBox!.width).toBeLessThanOrEqual(panelBox!.x + panelBox!.width);
    expect(await panel.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  });

  test('a runaway grader is stopped without freezing the page, and the next run works', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('settings-button').click();
    await page.getByTestId('setting-liveTimeout').fill('3');
    await grade(page, 'def grade(sample, item):\n    return 1.0\n');
    await setDoc(page, 'grader', pythonGrader('def grade(sample, item):\n    while True:\n        pass\n'));
    // The page stays responsive while the loop runs.
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'running');
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    expect(Date.now() - t0).toBeLessThan(1000);
    await expect.poll(() => flags(page), { timeout: 30_000 }).toEqual(['python_grader_server_error']);
    await expect(page.getByTestId('errors')).toContainText('type: timeout');
    await expect(page.getByTestId('full-run')).toBeVisible();
    await grade(page, 'def grade(sample, item):\n    return 0.25\n');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.25');
  });

  test('a 4 GB allocation is contained and the next run works', async ({ page }) => {
    await openApp(page);
    await grade(page, 'def grade(sample, item):\n    big = bytearray(4 * 1024 ** 3)\n    return 1.0\n');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
    expect((await flags(page)).length).toBeGreaterThan(0);
    await grade(page, 'def grade(sample, item):\n    return 0.5\n');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.5');
  });

  test('hostile code cannot read app storage, reach the network or touch the page', async ({ page }) => {
    await openApp(page);
    await page.evaluate(async () => {
      localStorage.setItem('openai-api-key', 'sk-secret');
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('grader-playground-secrets', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('keys');
        req.onsuccess = () => {
          const tx = req.result.transaction('keys', 'readwrite');
          tx.objectStore('keys').put('sk-secret', 'openai');
          tx.oncomplete = () => resolve();
        };
        req.onerror = () => reject(req.error);
      });
    });
    const witness = await witnessServer();
    try {
      const target = `localhost:${witness.port}`;
      // Control: from the app itself the server is reachable over HTTP and WebSocket.
      const control = await page.evaluate(
        (t) =>
          new Promise<string>((resolve) => {
            const ws = new WebSocket(`ws://${t}/control`);
            ws.onopen = () => resolve('open');
            ws.onerror = () => resolve('error');
          }),
        target,
      );
      expect(control).toBe('open');
      expect(witness.hits).toEqual(['websocket /control']);
      witness.hits.length = 0;

      // Grades run synchronously, so the probes are synchronous (a synchronous XMLHttpRequest stands for any
      // request: the same policy governs fetch); the WebSocket is kept for a second run to inspect.
      const source = hostileGrader(target);
      await grade(page, source);
      const stdout = await page.getByTestId('python-stdout').textContent();
      expect(stdout).not.toContain('OPEN');
      expect(stdout?.split('\n').filter((l) => l.includes('blocked'))).toHaveLength(8);
      await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');

      // Give the socket time to connect if it could, then look at it from a second run.
      await page.waitForTimeout(1500);
      // The socket never opened (Chromium creates it, Firefox and WebKit throw) and no app cache was seen.
      await grade(page, AFTER_CHECK);
      await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.5');
      // The server never saw a request from the sandbox.
      expect(witness.hits).toEqual([]);
    } finally {
      await witness.close();
    }
  });
});

test('python source is edited as Python in its own tab, with errors marked at their line', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await setDoc(page, 'grader', pythonGrader('def grade(sample, item):\n    return 1.0\n'));
  await page.getByTestId('tab-python-source').click();
  await expect(page.getByTestId('editor-python')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1', { timeout: 90_000 });
  // Type a syntax error on line 2 as a user would.
  await page.getByTestId('editor-python').locator('.view-line').nth(1).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' +');
  await expect.poll(() => flags(page), { timeout: 60_000 }).toEqual(['python_grader_runtime_error']);
  await expect(page.getByTestId('problems')).toContainText('line 2');
  await expect(page.getByTestId('editor-python').locator('.squiggly-error').first()).toBeVisible();
  // The JSON keeps the edited source.
  await page.getByRole('tab', { name: 'JSON' }).click();
  await expect.poll(async () => JSON.parse(await getDoc(page, 'grader')).source).toBe('def grade(sample, item):\n    return 1.0 +\n');
});

test('rapidfuzz is provided in the browser and gives the engine exact scores', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await setDoc(page, 'sample', { output_text: 'recieve the pakage tomorow' });
  await setDoc(page, 'item', { reference: 'receive the package tomorrow' });
  await setDoc(
    page,
    'grader',
    pythonGrader('from rapidfuzz import fuzz, utils\n\ndef grade(sample, item):\n    return fuzz.WRatio(sample["output_text"], item["reference"], processor=utils.default_process) / 100\n'),
  );
  await expect(page.getByTestId('explain')).toHaveAttribute('data-kind', 'python', { timeout: 90_000 });
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', String(92.5925925925926 / 100));
});

test('a package that cannot be downloaded gives a clear message naming it, and the package statuses are listed', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await setDoc(page, 'grader', pythonGrader('import numpy as np\n\ndef grade(sample, item):\n    return float(np.mean([1, 0]))\n'));
  await expect(page.getByTestId('explain')).toHaveAttribute('data-kind', 'python', { timeout: 120_000 });
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('summary')).toContainText('numpy');
  await page.getByText("Packages of OpenAI's grader image, here").click();
  await expect(page.getByTestId('packages-table').locator('[data-package="rapidfuzz"]')).toHaveAttribute('data-status', 'provided');
  await expect(page.getByTestId('packages-table').locator('[data-package="rdkit"]')).toHaveAttribute('data-status', 'unavailable');
});
