import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // OCR and PDF tests start worker threads of their own; two test files at a time fit 2 cores.
    maxWorkers: 2,
  },
});
