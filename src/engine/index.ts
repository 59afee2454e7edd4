/** The engine's public surface, shared by the grader worker, the CLI and the tests. */
export { prepareGrader, runGrader, runPrepared, type PreparedGrader, type RunGraderOptions } from './run.ts';
export { validateGrader, type ValidationProblem, type ValidationResult } from './validate.ts';
export { parseJson, pyJsonDumps, losslessJsonText, toPlain, type JsonParseError } from './json.ts';
export { renderTemplate, parseTemplate } from './template.ts';
export { sampleFromModelText } from './sample.ts';
export * from './types.ts';
export type { EngineRuntime, RunOptions } from './runtime.ts';
