import { defineConfig } from '@playwright/test'

const reportDir = process.env.CI_REPORT_DIR
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  workers: 2,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // Every spec through the harness's IPC binding; the shell, rooms, designer and console specs also through
  // the real `npm run web` server and its WebSocket (tests/harness/harness.ts picks it by project name).
  projects: [
    { name: 'ipc', testIgnore: '**/web.spec.ts' },
    { name: 'web', testMatch: ['**/shell.spec.ts', '**/rooms.spec.ts', '**/designer.spec.ts', '**/console.spec.ts', '**/web.spec.ts'] },
  ],
  reporter: reportDir ? [['list'], ['json', { outputFile: `${reportDir}/playwright.json` }]] : [['list']],
})
