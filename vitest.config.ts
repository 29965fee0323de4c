import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One test file per core. Vitest's default leaves one core to its main process, which only hands out
    // files and prints, so on a 2-core machine (CI's) the unit files ran one at a time.
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/browser/**'],
          environment: 'node',
          // Not an assertion (the tests time nothing): starting a server or a Node process takes seconds on a
          // busy shared 2-core machine, where vitest's 5 s (10 s for hooks) ran out for tests that take 1 s
          // on a quiet one.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Files side by side, one per core (maxWorkers above): a file spends most of its time waiting on
          // Chromium and the server (the project used 104 s of CPU in 230 s one file at a time), and each
          // file has its own server, Chromium, port and data directory (test/browser/harness.ts).
          // One module graph per worker for the files it runs: each file imported the server (Fastify and
          // its plugins) and playwright-core afresh, 40 s of the project's 313 s at load 5 on the 2-core
          // VM (4 s without). No browser test mocks a module; what a worker's files share is src/'s module
          // state, as one server would.
          isolate: false,
        },
      },
    ],
  },
});
