import { defineConfig } from 'vitest/config';

// Three projects: unit (no engine), integration (a private dockerd and a Podman service started by the setup),
// e2e (the browser host in Debian's Chromium, a private dockerd behind it).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/support/catalogs.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // A private dockerd and one Podman service (test/integration/podman/), each shared by the run.
          globalSetup: ['test/support/global-engine.ts', 'test/support/global-podman.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-engine.ts', 'test/support/global-podman.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
