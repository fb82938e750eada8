#!/usr/bin/env node
// Entry point of the `drillbench` command: runs the built CLI, or the TypeScript source through tsx in
// a development checkout that has not been built yet.
import { existsSync } from 'node:fs';

const built = new URL('../out/main/cli.js', import.meta.url);
let cli;
if (existsSync(built)) {
  cli = await import(built.href);
} else {
  try {
    const { register } = await import('tsx/esm/api');
    register();
    cli = await import(new URL('../src/cli/main.ts', import.meta.url).href);
  } catch {
    process.stderr.write('drillbench is not built yet: run `npm run build` in its folder, then try again.\n');
    process.exit(3);
  }
}
process.exitCode = await cli.runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  progress: process.stderr.isTTY ? (text) => process.stderr.write(`\r\x1b[2K${text}`) : undefined,
});
