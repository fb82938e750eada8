// Starts the assay parse worker from TypeScript source (tests and `tsx` runs); the build uses
// assay-parse-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./assay-parse-worker.ts');
