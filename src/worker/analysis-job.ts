/**
 * The dataset's end-of-run analysis (readiness report and GRPO advantages) as one job over packed columns: what
 * the analysis worker runs, and what the app runs itself where no worker can start. Pure: no DOM, no worker globals.
 */
import { advantages } from '../engine/dataset/advantages.ts';
import { gradedFromColumns, packAdvantages, type AdvantageColumns, type ResultColumns } from '../engine/dataset/columns.ts';
import { readinessReport, type ReadinessReport } from '../engine/dataset/report.ts';

export interface AnalysisRequest {
  id: number;
  columns: ResultColumns;
  passThreshold: number;
}

export interface AnalysisReply {
  id: number;
  report: ReadinessReport | null;
  advantages: AdvantageColumns;
}

export function analyzeColumns(req: AnalysisRequest): AnalysisReply {
  const graded = gradedFromColumns(req.columns);
  const report = graded.length ? readinessReport(graded, { passThreshold: req.passThreshold }) : null;
  return { id: req.id, report, advantages: packAdvantages(graded.length ? advantages(graded) : []) };
}
