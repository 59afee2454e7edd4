/** Shared steps for the end-to-end tests: waiting for results and editing documents. */
import { expect, type Page } from '@playwright/test';

export type Doc = 'grader' | 'sample' | 'item';

/** Open the app with a clean local storage and wait for the first result. */
export async function openApp(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/);
}

/** Wait until the newest run has finished and return its reward (`timeout`: room for a Python cold start). */
export async function reward(page: Page, timeout?: number): Promise<number> {
  await expect(page.getByTestId('run-state')).not.toHaveAttribute('data-state', 'running', { timeout });
  return Number(await page.getByTestId('reward').getAttribute('data-value'));
}

export async function waitForMonaco(page: Page, doc: Doc) {
  await expect(page.getByTestId(`editor-${doc}`)).toHaveAttribute('data-ready', 'true');
}

/** Replace a document by typing it into its Monaco editor, as a user would (single-line JSON). */
export async function typeInto(page: Page, doc: Doc, text: string, options: { delay?: number } = {}) {
  await waitForMonaco(page, doc);
  const editor = page.getByTestId(`editor-${doc}`).locator('.monaco-editor');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text, options);
}

/** Set a document through the page's hook (for long or multi-line content). */
export async function setDoc(page: Page, doc: Doc, value: unknown) {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  await page.evaluate(([d, t]) => (window as unknown as { __playground: { setDoc(d: string, t: string): void } }).__playground.setDoc(d!, t!), [doc, text]);
}

export async function getDoc(page: Page, doc: Doc): Promise<string> {
  return page.evaluate((d) => (window as unknown as { __playground: { getDoc(d: string): string } }).__playground.getDoc(d), doc);
}

export async function flags(page: Page): Promise<string[]> {
  return page.getByTestId('errors').locator('[data-flag]').evaluateAll((els) => els.map((e) => e.getAttribute('data-flag')!));
}
