// Finds folders shipped with drillbench (migrations, the built renderer) by walking up from the calling
// module, which sits at a different depth in the source tree, the build (out/main, out/main/chunks) and
// the packaged asar.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findPackageFolder(moduleUrl: string, relative: string, marker: string): string | null {
  let directory = dirname(fileURLToPath(moduleUrl));
  for (let level = 0; level < 6; level++) {
    const candidate = join(directory, relative);
    if (existsSync(join(candidate, marker))) return candidate;
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return null;
}
