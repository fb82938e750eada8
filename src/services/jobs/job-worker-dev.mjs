// Starts the job worker from TypeScript source (tests and `tsx` runs); the build uses job-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./job-worker.ts');
