/** Entry of the built CLI (dist-cli/cli.js), called by bin/grader-playground.js. */
import { prestartDataThreads, releaseDataThreads } from './data-threads.ts';

// `run --data`: the grading threads start now, while the rest of the CLI loads (main.ts is imported after).
prestartDataThreads(process.argv.slice(2));
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
