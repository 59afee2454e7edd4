/**
 * `grader-playground export --to trl|verl|openrlhf|verifiers|python --grader G.json [--settings S.json] [--out F]`:
 * the grader as a self-contained Python reward file for a trainer (share/trainer/export.ts), printed or written.
 * Warnings about the trainer's contract go to stderr. Exit codes as `run`: 0 written, 1 invalid grader, 2 usage.
 */
import { writeFileSync } from 'node:fs';
import { FUZZY_SCORERS, type EngineSettings } from '../engine/types.ts';
import { exportForTarget } from '../share/trainer/export.ts';
import { TARGETS, type Target } from '../share/trainer/targets.ts';
import { UsageError } from './args.ts';

export interface ExportIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Settings from a JSON object: only the known keys, each checked. */
export function parseSettings(value: unknown): Partial<EngineSettings> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('--settings must hold a JSON object');
  const out: Partial<EngineSettings> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'fuzzyScorer') {
      if (!(FUZZY_SCORERS as readonly unknown[]).includes(v)) throw new UsageError(`settings.fuzzyScorer must be one of ${FUZZY_SCORERS.join(', ')}`);
      out.fuzzyScorer = v as EngineSettings['fuzzyScorer'];
    } else if (k === 'compactJson' || k === 'fuzzyDefaultProcess' || k === 'rougeStemming' || k === 'sqlLikeWildcards') {
      if (typeof v !== 'boolean') throw new UsageError(`settings.${k} must be true or false`);
      out[k] = v;
    } else throw new UsageError(`unknown setting "${k}"`);
  }
  return out;
}

export function exportCommand(grader: unknown, to: string | undefined, settings: Partial<EngineSettings>, out: string | undefined, io: ExportIo): number {
  if (!to) throw new UsageError(`--to is required: ${TARGETS.join(', ')}`);
  if (!(TARGETS as readonly string[]).includes(to)) throw new UsageError(`--to must be one of ${TARGETS.join(', ')}, not "${to}"`);
  const r = exportForTarget(grader, to as Target, { settings });
  if (!r.ok) {
    io.stderr(`grader-playground: ${r.message}\n`);
    return 1;
  }
  for (const w of r.export.warnings) io.stderr(`note: ${w.message}\n`);
  if (out) {
    writeFileSync(out, r.export.code);
    io.stderr(`wrote ${out} (${r.export.target}, entry point ${r.export.entry}; requirements: ${r.export.requirements.join(' ') || 'none'})\n`);
  } else io.stdout(r.export.code);
  return 0;
}
