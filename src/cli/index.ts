/** Entry of the built CLI (dist-cli/cli.js), called by bin/grader-playground.js. */
import { main } from './main.ts';

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
process.exitCode = code;
