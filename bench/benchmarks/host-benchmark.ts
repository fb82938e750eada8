// How long the calling thread stalls while a 100,000-cell paste runs: on the router in the same process
// (the desktop app's main thread before the project host), and through the project host in a child
// process under plain Node (as the app runs it in a utility process). A 1 ms timer in the caller records
// the longest gap between its ticks; the cost of the extra hop on a small call is measured beside it.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiResult } from '../../src/api/result';
import { openApiSession } from '../../src/services/api/api-session';
import { writeDemoProject } from '../../src/services/demo/demo-writer';
import { forkHostProcess } from '../../src/services/host/node-host-process';
import { ProjectHostClient } from '../../src/services/host/project-host-client';
import type { Router } from '../../src/services/api/router';
import { closeProject, openProject } from '../../src/storage/project-db';
import { median, percentile, type Benchmark, type Figure } from '../bench-types';

const RUNS = 3;
const SMALL_CALLS = 200;
const GOAL_MS = 100;

interface Measured {
  callMs: number;
  stallMs: number;
}

function pasteOf(startIndex: number) {
  const rows: string[][] = [];
  for (let i = 0; i < 20_000; i++) {
    const from = 200 + i;
    rows.push([String(from), String(from + 1), `BIG-${i}`, (i % 7).toFixed(2), '<0.01']);
  }
  return {
    view: { table: 'samples', holeId: 'EUG-10-033' },
    startIndex,
    anchorRowId: null,
    columns: ['depth_from', 'depth_to', 'sample_id', 'analyte:Zn', 'analyte:Pb'],
    rows,
    mode: 'apply',
  };
}

function valueOf<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** Runs `call` while a 1 ms timer ticks; the stall is the longest gap between ticks (or to the end). */
async function measure(call: () => Promise<ApiResult<unknown>>): Promise<Measured> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const start = performance.now();
  const result = await call();
  const end = performance.now();
  clearInterval(timer);
  valueOf(result);
  return { callMs: end - start, stallMs: Math.max(longest, end - last) };
}

async function smallCalls(router: Router): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SMALL_CALLS; i++) {
    const start = performance.now();
    valueOf(await router.dispatch('table.page', { table: 'samples', offset: (i * 37) % 500, limit: 100 }));
    times.push(performance.now() - start);
  }
  return times;
}

export const hostBenchmark: Benchmark = {
  name: 'Main-thread stall during a 100,000-cell paste',
  async run(context) {
    const template = join(context.workDir, 'host-benchmark-template.drillbench');
    if (!existsSync(template)) closeProject(writeDemoProject(template, 'bench'));
    const fresh = (name: string) => {
      const path = join(context.workDir, `host-benchmark-${name}.drillbench`);
      for (const suffix of ['', '-wal', '-shm', '.lock']) rmSync(path + suffix, { force: true });
      copyFileSync(template, path);
      return path;
    };
    const startIndex = (router: Router) =>
      router
        .dispatch('table.page', { table: 'samples', holeId: 'EUG-10-033', offset: 0, limit: 1 })
        .then((result) => valueOf<{ total: number }>(result).total);

    const inProcess: Measured[] = [];
    const hosted: Measured[] = [];
    let smallInProcess: number[] = [];
    let smallHosted: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const session = openApiSession(openProject(fresh('direct')), 'grid', 'bench');
      try {
        const start = await startIndex(session.router);
        inProcess.push(await measure(() => session.router.dispatch('table.paste', pasteOf(start))));
        if (run === 0) smallInProcess = await smallCalls(session.router);
      } finally {
        await session.close();
      }
      const client = new ProjectHostClient(forkHostProcess());
      try {
        const opened = await client.open({
          path: fresh('hosted'),
          purpose: 'bench',
          force: false,
          source: 'grid',
          osUser: 'bench',
          desktop: false,
        });
        if (!opened.ok) throw new Error(opened.error.message);
        const start = await startIndex(client.router);
        hosted.push(await measure(() => client.router.dispatch('table.paste', pasteOf(start))));
        if (run === 0) smallHosted = await smallCalls(client.router);
      } finally {
        await client.close();
      }
      context.log(
        `  run ${run + 1}: in process ${inProcess.at(-1)!.stallMs.toFixed(0)} ms stall; through the host ${hosted.at(-1)!.stallMs.toFixed(0)} ms stall`,
      );
    }
    const stall = median(hosted.map((entry) => entry.stallMs));
    const figures: Figure[] = [
      {
        label: 'paste on the router in the calling process: call',
        value: median(inProcess.map((m) => m.callMs)),
        unit: 'ms',
      },
      {
        label: 'paste on the router in the calling process: longest stall of the caller',
        value: median(inProcess.map((m) => m.stallMs)),
        unit: 'ms',
      },
      {
        label: 'paste through the project host: call',
        value: median(hosted.map((m) => m.callMs)),
        unit: 'ms',
      },
      { label: 'paste through the project host: longest stall of the caller', value: stall, unit: 'ms' },
      { label: '100-row page in the calling process p50', value: percentile(smallInProcess, 50), unit: 'ms' },
      { label: '100-row page through the project host p50', value: percentile(smallHosted, 50), unit: 'ms' },
      { label: '100-row page through the project host p95', value: percentile(smallHosted, 95), unit: 'ms' },
    ];
    return {
      name: this.name,
      figures,
      goal: {
        description: `the caller never stalls more than ${GOAL_MS} ms while the paste runs`,
        met: stall <= GOAL_MS,
      },
      notes: [
        `${RUNS} runs of each on a fresh copy of the demo project; medians. 100,000 cells = 20,000 new sample rows x 5 columns, one change set.`,
        "The caller is a Node process standing in for Electron's main process; its stall through the host is the cost of sending the 100,000 cells (structured clone), which the main process also pays to relay them from the window.",
        `${SMALL_CALLS} 100-row page fetches on each, to show the cost of the extra hop on the calls the grids make most.`,
      ],
    };
  },
};
