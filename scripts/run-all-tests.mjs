#!/usr/bin/env node
// Runs every check and test suite, in order, and prints one plain summary line CI reads:
// "N passed, N failed". Each check (lint, types, build, ...) counts as one test; vitest and Playwright
// report their own counts through their JSON reporters. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

/** @param {{ numPassedTests: number, numFailedTests: number, numRuntimeErrorTestSuites?: number }} json */
function vitestCounts(json) {
  return { passed: json.numPassedTests, failed: json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0) };
}

/** @param {{ stats: { expected: number, unexpected: number, flaky?: number }, errors?: unknown[] }} json */
function playwrightCounts(json) {
  return {
    passed: json.stats.expected + (json.stats.flaky ?? 0),
    failed: json.stats.unexpected + (json.errors?.length ?? 0),
  };
}

/**
 * Each stage: a command, and how to count its tests (one check unless a JSON report says more).
 * @typedef {{ name: string, command: string, args: string[], report?: string,
 *   count?: (json: any) => { passed: number, failed: number } }} Stage
 */
/** @type {Stage[]} */
const stages = [
  { name: 'lint', command: 'npm', args: ['run', 'lint'] },
  { name: 'format', command: 'npm', args: ['run', 'format:check'] },
  { name: 'typecheck', command: 'npm', args: ['run', 'typecheck'] },
  { name: 'build', command: 'npm', args: ['run', 'build'] },
  { name: 'electron security (electronegativity)', command: 'npm', args: ['run', 'security:electron'] },
  {
    name: 'packaging check (unpacked Linux app)',
    command: 'npm',
    args: ['run', 'package:check', '--', '--no-build'],
  },
  {
    name: 'unit and integration tests (vitest)',
    command: 'npx',
    args: [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${join(results, 'vitest-results.json')}`,
    ],
    report: join(results, 'vitest-results.json'),
    count: vitestCounts,
  },
  {
    name: 'browser end-to-end tests (Playwright)',
    command: 'npx',
    args: ['playwright', 'test'],
    report: join(results, 'e2e-results.json'),
    count: playwrightCounts,
  },
];

let passed = 0;
let failed = 0;
const lines = [];
for (const stage of stages) {
  if (stage.report) rmSync(stage.report, { force: true });
  console.log(`\n=== ${stage.name}: ${stage.command} ${stage.args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(stage.command, stage.args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counted = { passed: run.status === 0 ? 1 : 0, failed: run.status === 0 ? 0 : 1 };
  if (stage.report && stage.count) {
    if (existsSync(stage.report)) {
      counted = stage.count(JSON.parse(readFileSync(stage.report, 'utf8')));
      // A runner that exits non-zero with no failed test still failed (a crash, a broken config).
      if (run.status !== 0 && counted.failed === 0) counted.failed = 1;
    } else {
      counted = { passed: 0, failed: 1 };
    }
  }
  passed += counted.passed;
  failed += counted.failed;
  lines.push(`${stage.name}: ${counted.passed} passed, ${counted.failed} failed (${seconds} s)`);
}

console.log('\n=== summary');
for (const line of lines) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
