/**
 * `grader-playground test`: grade a grader's test cases and report, for CI. The grader comes from `--grader`
 * (a grader JSON, or a workspace file: then its item, settings and tests come along), the cases from `--tests`
 * (JSON Lines, a JSON list or a workspace file) or from the workspace file. Prints one line per case and the
 * summary; exit 0 when every case passes, 1 when one fails or the input is unusable.
 */
import { readFileSync } from 'node:fs';
import { isJsonObject, parseJson, toPlain } from '../engine/json.ts';
import { casesFromText } from '../engine/tests/cases-file.ts';
import { suiteReport } from '../engine/tests/report.ts';
import { runCases } from '../engine/tests/run.ts';
import type { TestCase } from '../engine/tests/types.ts';
import type { EngineSettings } from '../engine/types.ts';
import { validateGrader } from '../engine/validate.ts';
import { readWorkspaceFile, WORKSPACE_FILE_MARKER } from '../share/workspace-file.ts';
import type { Io } from './main.ts';
import { createNodeRuntime } from './runtime.ts';

export interface TestOptions {
  grader: string;
  tests?: string | undefined;
  item?: string | undefined;
  timeoutSeconds: number;
}

function read(path: string, what: string): string | { error: string } {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    return { error: `cannot read the ${what} file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

export async function testCommand(o: TestOptions, io: Io): Promise<number> {
  const fail = (m: string) => (io.stderr(`grader-playground: ${m}\n`), 1);
  const graderText = read(o.grader, 'grader');
  if (typeof graderText !== 'string') return fail(graderText.error);
  const parsed = parseJson(graderText);
  if (!parsed.ok) return fail(`the grader file ${o.grader} is not valid JSON (line ${parsed.error.line}, column ${parsed.error.column}): ${parsed.error.message}`);

  let grader: unknown;
  let item = '{}';
  let settings: Partial<EngineSettings> = {};
  let cases: TestCase[] = [];
  const problems: string[] = [];
  if (isJsonObject(parsed.value) && Object.hasOwn(parsed.value, WORKSPACE_FILE_MARKER)) {
    const ws = readWorkspaceFile(graderText, `The workspace file ${o.grader}`);
    if (!ws.ok) return fail(ws.error.message);
    const g = parseJson(ws.doc.grader);
    grader = g.ok ? toPlain(g.value) : {};
    item = ws.doc.item;
    settings = ws.doc.settings;
    cases = ws.doc.tests ?? [];
    problems.push(...ws.doc.warnings);
  } else grader = toPlain(parsed.value);

  if (o.item) {
    const text = read(o.item, 'item');
    if (typeof text !== 'string') return fail(text.error);
    if (!parseJson(text).ok) return fail(`the item file ${o.item} is not valid JSON`);
    item = text;
  }
  if (o.tests) {
    const text = read(o.tests, 'tests');
    if (typeof text !== 'string') return fail(text.error);
    const r = casesFromText(text);
    cases = r.cases;
    problems.push(...r.problems.map((p) => `${o.tests}: ${p}`));
  }
  const validation = validateGrader(grader);
  if (!validation.ok) {
    for (const p of validation.problems) io.stderr(`${p.severity}: ${p.pointer || '/'}: ${p.message}\n`);
    return fail(`the grader in ${o.grader} is invalid`);
  }
  if (cases.length === 0) {
    for (const p of problems) io.stderr(`! ${p}\n`);
    return fail(o.tests ? `no test cases in ${o.tests}` : `no test cases: give --tests T.jsonl, or a workspace file that has tests`);
  }
  const runtime = await createNodeRuntime({ pythonTimeoutMs: o.timeoutSeconds * 1000 });
  try {
    const suite = await runCases(grader, cases, item, { runtime: runtime.engine, settings });
    io.stdout(suiteReport(suite, problems));
    return suite.passed === suite.total && problems.length === 0 ? 0 : 1;
  } finally {
    await runtime.close();
  }
}
