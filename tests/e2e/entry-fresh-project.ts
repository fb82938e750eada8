// A fresh demo project served by `drillbench web` for each test (not each file), for tests that read back
// exactly what they wrote: no other test's edits are in the file.
import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drillbench, startHost, type HostedProject } from './web-host-fixture';

export const fresh = base.extend<{ project: HostedProject }>({
  // eslint-disable-next-line no-empty-pattern
  project: async ({}, use) => {
    const directory = mkdtempSync(join(tmpdir(), 'drillbench-e2e-fresh-'));
    const projectPath = join(directory, 'demo.drillbench');
    drillbench('demo', projectPath);
    const { url, child } = await startHost(projectPath);
    await use({ url, projectPath, directory });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(directory, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
