import { describe, expect, it } from 'vitest';
import { runsFromOutcome } from './batch-runs.ts';

describe('runsFromOutcome', () => {
  it('maps results and unreadable lines to their cases', () => {
    const runs = runsFromOutcome(
      3,
      {
        status: 'done',
        response: {
          results: [
            { row: 0, sampleIndex: 0, reward: 0.5, flags: [] },
            { row: 2, sampleIndex: 0, reward: 0, flags: ['python_grader_runtime_error'], message: 'boom' },
          ],
          rowErrors: [{ row: 1, line: 2, message: 'invalid JSON at column 9' }],
        },
      },
      1000,
    );
    expect(runs).toEqual([
      { reward: 0.5, flags: [] },
      { reward: 0, flags: ['invalid_case'], message: 'the case could not be read: invalid JSON at column 9' },
      { reward: 0, flags: ['python_grader_runtime_error'], message: 'boom' },
    ]);
  });
  it('an invalid grader fails every case with its message', () => {
    const runs = runsFromOutcome(2, { status: 'done', response: { results: [], rowErrors: [], graderError: 'The grader is invalid: /type' } }, 1000);
    expect(runs.map((r) => r?.message)).toEqual(['The grader is invalid: /type', 'The grader is invalid: /type']);
  });
  it('a timeout names the case it was on; the others are not graded', () => {
    const runs = runsFromOutcome(3, { status: 'timeout', line: 1, response: { results: [], rowErrors: [] } }, 2000);
    expect(runs[0]).toBeUndefined();
    expect(runs[1]).toEqual({ reward: 0, flags: ['unresponsive_reward_error'], message: 'it did not finish within 2 s, so its worker was stopped' });
  });
});
