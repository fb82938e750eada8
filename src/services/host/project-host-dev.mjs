// Starts the project host from TypeScript source (tests and `tsx` runs); the build uses project-host.js.
import { register } from 'tsx/esm/api';

register();
await import('./project-host-entry.ts');
