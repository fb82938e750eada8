// Starts `drillbench web` on a fresh copy of a project for each test file, the way a user would, and
// stops it afterwards. Tests read the SQLite file directly to check what was written.
import { test as base } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '../..');
export const cliPath = join(root, 'bin/drillbench.js');

export interface HostedProject {
  url: string;
  projectPath: string;
  directory: string;
}

/** Runs a drillbench CLI command and fails loudly when it does. */
export function drillbench(...args: string[]): string {
  const result = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
  if (result.status !== 0 && !(args[0] === 'validate' && result.status === 1)) {
    throw new Error(
      `drillbench ${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`,
    );
  }
  return result.stdout;
}

export async function startHost(
  projectPath: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cliPath, 'web', projectPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`drillbench web did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`drillbench web exited ${code}:\n${output}`)));
  });
  return { url, child };
}

/** `hosted` is the demo project served fresh for the test file. */
export const test = base.extend<object, { hosted: HostedProject }>({
  hosted: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const directory = mkdtempSync(join(tmpdir(), 'drillbench-e2e-'));
      const projectPath = join(directory, 'demo.drillbench');
      drillbench('demo', projectPath);
      const { url, child } = await startHost(projectPath);
      await use({ url, projectPath, directory });
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(directory, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
