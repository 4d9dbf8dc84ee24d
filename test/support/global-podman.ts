// Vitest global setup: one private Podman service per test run (test/support/podman.ts), shared by
// every test that needs a Podman engine, stopped and removed afterwards.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { PodmanService } from './podman';

declare module 'vitest' {
  export interface ProvidedContext {
    podmanDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const podman = new PodmanService();
  await podman.start();
  project.provide('podmanDir', podman.dir);
  return async () => {
    await podman.destroy();
  };
}
