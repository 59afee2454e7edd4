import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The built command-line tool, as a user runs it after `npm run build`.
test('the built CLI grades a sample and exits with the documented codes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gp-e2e-cli-'));
  const grader = join(dir, 'g.json');
  writeFileSync(grader, JSON.stringify({ type: 'string_check', name: 'g', input: '{{ sample.output_text }}', reference: 'yes', operation: 'ilike' }));
  const run = spawnSync(process.execPath, ['bin/grader-playground.js', 'run', '--grader', grader, '--model-sample', 'YES!'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout).reward).toBe(1);
  const usage = spawnSync(process.execPath, ['bin/grader-playground.js', 'run'], { encoding: 'utf8' });
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain('Usage:');
});
