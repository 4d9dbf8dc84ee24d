// Vitest global setup: one private engine per test project, stopped and removed afterwards.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { TestEngine } from './test-engine';

declare module 'vitest' {
  export interface ProvidedContext {
    engineDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = new TestEngine();
  await engine.start();
  project.provide('engineDir', engine.dir);
  return async () => {
    await engine.destroy();
  };
}
