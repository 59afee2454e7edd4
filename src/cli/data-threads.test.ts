import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataThreadCount, prestartDataThreads, releaseDataThreads, takeDataThread } from './data-threads.ts';

const dir = mkdtempSync(join(tmpdir(), 'gp-data-threads-'));
const small = join(dir, 'small.jsonl');
writeFileSync(small, '{"item": {}, "sample": "x"}\n');
const big = join(dir, 'big.jsonl');
writeFileSync(big, '{"item": {}, "sample": "x"}\n'.repeat(40_000)); // 1.1 MB

afterEach(() => releaseDataThreads());

describe('dataThreadCount', () => {
  it('is one per core, at most 8, unless --workers names a whole number of 1 or more', () => {
    expect(dataThreadCount(undefined, 2)).toBe(2);
    expect(dataThreadCount(undefined, 32)).toBe(8);
    expect(dataThreadCount('12', 2)).toBe(12);
    expect(dataThreadCount('0', 2)).toBeNull();
    expect(dataThreadCount('1.5', 2)).toBeNull();
    expect(dataThreadCount('many', 2)).toBeNull();
  });
});

describe('prestartDataThreads', () => {
  it('starts nothing unless the command line is run --data on a readable file', () => {
    expect(prestartDataThreads(['validate', '--grader', 'g.json'])).toBe(0);
    expect(prestartDataThreads(['run', '--grader', 'g.json', '--sample', 's.json'])).toBe(0);
    expect(prestartDataThreads(['run', '--data', small, '--help'])).toBe(0);
    expect(prestartDataThreads(['run', '--data', join(dir, 'missing.jsonl')])).toBe(0);
    expect(prestartDataThreads(['run', '--data', small, '--workers', '0'])).toBe(0);
    expect(prestartDataThreads(['run', '--data', small, '--no-such-flag'])).toBe(0);
    expect(prestartDataThreads(['run', '--data', small, '-h'])).toBe(0);
    expect(takeDataThread()).toBeNull();
  });

  it('starts one thread for a small file and every thread (--workers, else one per core) for a big one', () => {
    expect(prestartDataThreads(['run', '--grader', 'g.json', '--data', small], 4)).toBe(1);
    releaseDataThreads();
    expect(prestartDataThreads(['run', `--data=${big}`, '--workers', '3'], 2)).toBe(3);
    releaseDataThreads();
    expect(prestartDataThreads(['run', '--data', big], 12)).toBe(8);
  });

  it('hands each thread out once, referenced again, and stops the rest on release', async () => {
    expect(prestartDataThreads(['run', '--data', big, '--workers', '2'])).toBe(2);
    const t = takeDataThread()!;
    expect(t.early).toEqual({});
    const exited = new Promise<number>((res) => t.worker.once('exit', res));
    t.worker.postMessage({ type: 'close' });
    expect(await exited).toBe(0);
    releaseDataThreads();
    expect(takeDataThread()).toBeNull();
  }, 60_000);
});
