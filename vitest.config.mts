import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', '.ci/*.test.ts', 'scripts/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: process.env.CI_REPORT_DIR ? ['default', ['json', { outputFile: `${process.env.CI_REPORT_DIR}/vitest.json` }]] : ['default'],
  },
})
