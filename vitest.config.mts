import { defineConfig } from 'vitest/config';

// Five suites (design.md §7, and issue 10's security suite). `npm test` runs them all inside a throwaway Secret Service.
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
        // Tries hard to break the security and reliability promises (SECURITY.md); each check
        // records its figures (tests/security/figures.ts) for scripts/security-summary.ts.
        test: { name: 'security', include: ['tests/security/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 60_000, fileParallelism: false },
      },
      {
        test: { name: 'electron', include: ['tests/electron/**/*.test.ts'], environment: 'node', testTimeout: 90_000, hookTimeout: 90_000 },
      },
    ],
  },
});
