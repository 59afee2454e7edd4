#!/usr/bin/env node
// The command-line entry. The CLI is TypeScript built by `npm run build` into dist-cli/; run that first.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist-cli/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('grader-playground: the CLI is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
await import(built);
