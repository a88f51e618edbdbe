import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the CPUs: on CI's 2 cores that is a single worker, so the
    // files ran one after another while most of the suite's time is spent waiting for a child process
    // (the real CLI, chromium) or a kill delay, with the worker itself idle. Two workers keep both cores
    // busy (measured: see README "Prestanda"); the tests that need a quiet machine (kill moments, lock
    // races) judge outcomes, not timings, so they hold under the extra load.
    maxWorkers: 2,
  },
});
