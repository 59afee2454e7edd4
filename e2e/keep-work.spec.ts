/**
 * Never lose work: the address bar names the current state, a reload right after typing keeps the edit, links
 * reopen their workspace instead of duplicating it, back/forward walk the workspaces, and two tabs on one
 * workspace see each other's edits or a clear conflict choice.
 */
import { expect, test, type Page } from '@playwright/test';
import { getDoc, openApp, setDoc, typeInto } from './helpers.ts';

const workspaceCount = async (page: Page) => Number(/\((\d+)\)/.exec((await page.getByTestId('workspaces-button').textContent()) ?? '')?.[1]);
const hashId = (url: string) => /#w=([A-Za-z0-9_-]+)$/.exec(url)?.[1];

test('the address names the workspace, and a reload 50 ms after typing keeps the edit', async ({ page }) => {
  await openApp(page);
  await expect.poll(() => hashId(page.url())).toBeTruthy();
  const id = hashId(page.url());
  await typeInto(page, 'item', '{"reference_answer": "typed just before the reload"}');
  await page.waitForTimeout(50);
  await page.reload();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/);
  expect(await getDoc(page, 'item')).toBe('{"reference_answer": "typed just before the reload"}');
  expect(hashId(page.url())).toBe(id);
  // And the edit reached IndexedDB: a second reload (no journal left) still has it.
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/);
  expect(await getDoc(page, 'item')).toBe('{"reference_answer": "typed just before the reload"}');
});

test('share, keep editing, reload: the latest edit is back; the same link opened again is not a duplicate', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'sample', '{"output_text": "shared version"}');
  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(page.url()).toBe(link);
  const count = await workspaceCount(page);

  await setDoc(page, 'sample', '{"output_text": "edited after sharing"}');
  // After the edit, the address names the workspace, not the link (which holds the older version).
  await expect.poll(() => hashId(page.url())).toBeTruthy();
  await page.reload();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/);
  expect(await getDoc(page, 'sample')).toBe('{"output_text": "edited after sharing"}');

  // The link again: the user's edited copy opens (no new workspace) and a fresh copy is offered.
  await page.goto(link);
  await expect(page.getByTestId('link-choice')).toBeVisible();
  expect(await getDoc(page, 'sample')).toBe('{"output_text": "edited after sharing"}');
  expect(await workspaceCount(page)).toBe(count);
  await page.getByTestId('link-fresh-copy').click();
  await expect.poll(() => getDoc(page, 'sample')).toContain('shared version');
  await expect.poll(() => workspaceCount(page)).toBe(count + 1);
});

test('a link opened twice in another browser gives one workspace; after an edit, reload shows the edit', async ({ page, browser }) => {
  await openApp(page);
  await setDoc(page, 'sample', '{"output_text": "from the link"}');
  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();

  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(other.getByTestId('link-banner')).toBeVisible();
  await expect.poll(() => getDoc(other, 'sample')).toContain('from the link');
  const count = await workspaceCount(other);
  await other.reload();
  await expect(other.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/);
  await other.goto(link.replace('#', '?again#'));
  await expect(other.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/);
  await expect.poll(() => getDoc(other, 'sample')).toContain('from the link');
  expect(await workspaceCount(other)).toBe(count);
  await expect(other.getByTestId('link-choice')).toHaveCount(0);

  await setDoc(other, 'sample', '{"output_text": "their edit"}');
  await expect.poll(() => hashId(other.url())).toBeTruthy();
  await other.reload();
  await expect(other.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/);
  expect(await getDoc(other, 'sample')).toBe('{"output_text": "their edit"}');
  await other.context().close();
});

test('back and forward walk through the workspaces opened', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'sample', '{"output_text": "first workspace"}');
  await expect.poll(() => hashId(page.url())).toBeTruthy();
  const first = hashId(page.url());
  await page.getByTestId('workspaces-button').click();
  await page.getByTestId('ws-new').click();
  await expect.poll(() => hashId(page.url())).not.toBe(first);
  await setDoc(page, 'sample', '{"output_text": "second workspace"}');
  const second = hashId(page.url());

  await page.goBack();
  await expect.poll(() => getDoc(page, 'sample')).toBe('{"output_text": "first workspace"}');
  expect(hashId(page.url())).toBe(first);
  await page.goForward();
  await expect.poll(() => getDoc(page, 'sample')).toBe('{"output_text": "second workspace"}');
  expect(hashId(page.url())).toBe(second);
});

test('two tabs on one workspace: one sees the other\'s edits; edits in both at once give a choice, not a silent overwrite', async ({ page, context }) => {
  await openApp(page);
  await expect.poll(() => hashId(page.url())).toBeTruthy();
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/);

  await setDoc(page, 'item', '{"reference_answer": "edited in tab one"}');
  await expect.poll(() => getDoc(second, 'item'), { timeout: 5000 }).toBe('{"reference_answer": "edited in tab one"}');
  await expect(second.getByTestId('sync-notice')).toBeVisible();

  // Both tabs edit before either saves: exactly one save wins, the other tab is asked.
  await Promise.all([setDoc(page, 'item', '{"reference_answer": "mine in one"}'), setDoc(second, 'item', '{"reference_answer": "mine in two"}')]);
  await expect
    .poll(async () => (await page.getByTestId('tab-conflict').count()) + (await second.getByTestId('tab-conflict').count()), { timeout: 5000 })
    .toBe(1);
  const loser = (await page.getByTestId('tab-conflict').count()) > 0 ? page : second;
  const winner = loser === page ? second : page;
  const mine = await getDoc(loser, 'item');
  const theirs = await getDoc(winner, 'item');
  expect(mine).not.toBe(theirs);
  await loser.getByTestId('conflict-copy').click();
  // The loser's edits live on as a copy, and the workspace itself holds the winner's.
  await expect(loser.getByTestId('workspace-title')).toHaveValue(/\(my edits\)$/);
  expect(await getDoc(loser, 'item')).toBe(mine);
  await loser.getByTestId('workspaces-button').click();
  await expect(loser.getByTestId('ws-open')).toHaveCount(2);
  await loser.getByTestId('ws-open').filter({ hasNotText: '(my edits)' }).click();
  await expect.poll(() => getDoc(loser, 'item')).toBe(theirs);
});
