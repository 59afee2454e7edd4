/** Entry of the built CLI (dist-cli/cli.js), called by bin/grader-playground.js. */
import { main } from './main.ts';

const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
process.exitCode = code;
