import { defineConfig } from 'vitest/config';

// Four suites (design.md §7). `npm test` runs them all inside a throwaway Secret Service.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        // Real loopback HTTP against the simulator and the real keychain.
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        // Real renderer + real preload bundle + real main handlers in Debian's Chromium.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: { name: 'electron', include: ['tests/electron/**/*.test.ts'], environment: 'node', testTimeout: 90_000, hookTimeout: 90_000 },
      },
    ],
  },
});
