/** Entry of the built CLI (dist-cli/cli.js), called by bin/grader-playground.js. */
import { setFlagsFromString } from 'node:v8';
import { prestartDataThreads, releaseDataThreads } from './data-threads.ts';

// `run --data`: the grading threads start now, while the rest of the CLI loads (main.ts is imported after).
if (prestartDataThreads(process.argv.slice(2)) > 0) {
  // Each thread compiles the same hot code with TurboFan on V8's background threads; with V8's default inlining
  // budget that compiling was ~35% of a 10,000-row BLEU run's CPU, and a tenth of it gives the same speed once
  // compiled (bench/README.md). Inlining decides how code is compiled, never what it computes.
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
}
const { main } = await import('./main.ts');

// Ctrl-C during a rollout stops asking the model and keeps what was sampled; a second one exits at once.
const interrupt = new AbortController();
if (process.argv[2] === 'rollout') {
  process.once('SIGINT', () => {
    interrupt.abort(new Error('interrupted'));
    process.once('SIGINT', () => process.exit(130));
  });
}
const code = await main(
  process.argv.slice(2),
  { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) },
  process.env,
  interrupt.signal,
);
// Threads started for a run that never came (a usage error, an invalid grader) stop here.
releaseDataThreads();
process.exitCode = code;
