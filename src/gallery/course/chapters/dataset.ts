/** Chapter: dataset readiness and zero-spread groups. Data only. */
import type { CourseChapter } from '../types.ts';

const field = (key: string) => ({ type: 'string_check', name: key, input: `{{ sample.output_json.${key} }}`, reference: `{{ item.${key} }}`, operation: 'eq' });
const graders = { france: field('france'), japan: field('japan'), kenya: field('kenya') };

export const datasetChapter: CourseChapter = {
  id: 'dataset',
  title: 'Dataset readiness',
  summary: 'Before training, grade the dataset: rows where every sample scores the same teach nothing.',
  steps: [
    {
      id: 'zero-spread',
      title: 'Zero-spread groups',
      body: [
        'RFT samples several answers per prompt (a group) and learns from the differences between their rewards. When all answers in a group score the same, the group has zero spread: no signal, however right or wrong the answers are.',
        'The Dataset view\'s readiness report counts such items. This all-or-nothing grader gives 0 to every answer that misses one of three capitals: on a hard row, the whole group scores 0.',
      ],
      goal: 'Give partial credit: the share of capitals that are right.',
      edit: 'grader',
      grader: { type: 'multi', name: 'three capitals', graders, calculate_output: 'min(france, japan, kenya)' },
      item: { question: 'Give the capitals of France, Japan and Kenya as JSON {"france": ..., "japan": ..., "kenya": ...}.', france: 'Paris', japan: 'Tokyo', kenya: 'Nairobi' },
      checks: [
        { what: 'two of three right', sample: '{"france": "Paris", "japan": "Tokyo", "kenya": "Mombasa"}', expect: { kind: 'range', min: 0.6, max: 0.7 } },
        { what: 'one of three right', sample: '{"france": "Paris", "japan": "Kyoto", "kenya": "Mombasa"}', expect: { kind: 'below', than: 'two of three right' } },
        { what: 'the same city three times', sample: '{"france": "Paris", "japan": "Paris", "kenya": "Paris"}', expect: { kind: 'range', max: 0.34 }, hack: true },
        { what: 'all three right', sample: '{"france": "Paris", "japan": "Tokyo", "kenya": "Nairobi"}', expect: { kind: 'range', min: 1 }, hidden: true },
        { what: 'none right', sample: '{"france": "Lyon", "japan": "Osaka", "kenya": "Mombasa"}', expect: { kind: 'range', max: 0 }, hidden: true },
      ],
      solution: { type: 'multi', name: 'three capitals', graders, calculate_output: '(france + japan + kenya) / 3' },
      why: [
        'Now a group of partly right answers spreads over 0, 1/3 and 2/3, and the better ones are pushed up. Partial credit must follow real progress: the same city three times earns only the one it gets right. Next: what the trainer does with the spread, [advantages](advantages/group-relative).',
      ],
    },
  ],
};
