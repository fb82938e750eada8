// Where the real data sets arrive: `shared/datasets` beside the repository, wherever it is cloned (CI
// clones to a temporary folder with `shared` copied beside it). Tests and benchmarks read them from here.
import { join, resolve } from 'node:path';

/** The repository's root folder. */
export const REPOSITORY = resolve(import.meta.dirname, '../..');

/** `<repository>/../shared/datasets`: tom_zone, copper_creek, babbitt, forrestania. */
export const DATASETS = join(REPOSITORY, '..', 'shared', 'datasets');
