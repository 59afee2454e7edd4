/**
 * The analysis worker: the readiness report and advantages over 100,000 results take hundreds of milliseconds,
 * which on the main thread would freeze the page at the end of a run. Our own code on the app's origin (no
 * grader runs here); it receives packed columns and answers packed columns.
 */
import { analyzeColumns, type AnalysisRequest } from './analysis-job.ts';
import { advantageBuffers } from '../engine/dataset/columns.ts';

self.addEventListener('message', (e: MessageEvent<AnalysisRequest>) => {
  const reply = analyzeColumns(e.data);
  (self as unknown as Worker).postMessage(reply, advantageBuffers(reply.advantages));
});
