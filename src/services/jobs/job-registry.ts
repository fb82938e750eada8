// Every kind of job a worker can run, by name. A feature adds its implementation here.
import type { JobImplementation } from './job-types';

const registry = new Map<string, JobImplementation>();

export function registerJob(kind: string, implementation: JobImplementation): void {
  registry.set(kind, implementation);
}

export function jobImplementation(kind: string): JobImplementation | undefined {
  return registry.get(kind);
}

export function registeredJobKinds(): string[] {
  return [...registry.keys()];
}
