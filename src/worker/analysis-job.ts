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

/**
 * Items whose stats (report.items.perItem) come back: the view draws the spread of the first 2,000 items, and
 * 100,000 of them would cost the main thread a long task to receive (items.count still counts all).
 */
export const PER_ITEM_KEPT = 2000;

export function analyzeColumns(req: AnalysisRequest): AnalysisReply {
  const graded = gradedFromColumns(req.columns);
  const full = graded.length ? readinessReport(graded, { passThreshold: req.passThreshold }) : null;
  const report = full && { ...full, items: { ...full.items, perItem: full.items.perItem.slice(0, PER_ITEM_KEPT) } };
  return { id: req.id, report, advantages: packAdvantages(graded.length ? advantages(graded) : []) };
}
