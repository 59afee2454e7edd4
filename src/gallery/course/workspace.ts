/**
 * A course step as a normal workspace: the learner's grader, the first visible check's sample, the step's item,
 * the visible checks as the workspace's test cases (hidden ones stay in the course), and the step's text as notes.
 * Pure: no engine runs, no UI.
 */
import type { TestCase } from '../../engine/tests/types.ts';
import { checkCases, graderText, itemText } from './checks.ts';
import type { StepRef } from './types.ts';

export interface StepWorkspace {
  title: string;
  notes: string;
  grader: string;
  sample: string;
  item: string;
  tests: TestCase[];
}

export function stepWorkspace(ref: StepRef, answer: string): StepWorkspace {
  const { step, chapter } = ref;
  const visible = step.checks.filter((c) => !c.hidden);
  const cases = checkCases(visible);
  const replies = visible.filter((c) => c.judgeReply !== undefined).map((c) => `- ${c.what}: ${c.judgeReply}`);
  const notes = [
    `Course: ${chapter.title} › ${step.title}`,
    '',
    ...step.body.flatMap((p) => [p, '']),
    `Goal: ${step.goal}`,
    ...(replies.length ? ['', 'Judge by hand with these recorded replies:', ...replies] : []),
  ].join('\n');
  return { title: `Course: ${step.title}`, notes, grader: graderText(step, answer), sample: cases[0]?.sample ?? '{}', item: itemText(step), tests: cases };
}
