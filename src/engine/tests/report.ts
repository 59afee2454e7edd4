/**
 * The readable report of a test run, for the terminal (the CLI's `test` command): one line per case with ✓/✗,
 * the reason under each failure, and the summary line. Plain text, no colours (CI logs keep it as is).
 */
import { suiteSummary } from './expect.ts';
import type { SuiteResult } from './types.ts';

export function suiteReport(s: SuiteResult, problems: readonly string[] = []): string {
  const lines: string[] = [];
  for (const p of problems) lines.push(`! skipped: ${p}`);
  for (const r of s.results) {
    lines.push(`${r.verdict === 'pass' ? '✓' : '✗'} ${r.name}`);
    if (r.verdict === 'fail') lines.push(`    ${r.reason}`);
  }
  const failed = s.total - s.passed;
  lines.push('', `${suiteSummary(s)}${failed ? ` (${failed} failed)` : ''}`);
  return lines.join('\n') + '\n';
}
