// Prints "N passed, N failed, N skipped" from the vitest and Playwright JSON reports and the
// step markers that `npm test` leaves. Exits non-zero when anything failed or nothing ran.
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')

const [dir, statusArg] = process.argv.slice(2)
let passed = 0, failed = 0, skipped = 0

const vitestFile = join(dir, 'vitest.json')
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'))
  passed += v.numPassedTests
  failed += v.numFailedTests
  skipped += v.numPendingTests + (v.numTodoTests ?? 0)
}
const pwFile = join(dir, 'playwright.json')
if (existsSync(pwFile)) {
  const p = JSON.parse(readFileSync(pwFile, 'utf8'))
  passed += p.stats.expected + (p.stats.flaky ?? 0)
  failed += p.stats.unexpected
  skipped += p.stats.skipped
}
// typecheck, lint and the security scan count as one check each (see scripts/step.cjs).
const stepsFile = join(dir, 'steps.jsonl')
if (existsSync(stepsFile)) {
  for (const line of readFileSync(stepsFile, 'utf8').split('\n').filter(Boolean)) {
    const s = JSON.parse(line)
    if (s.ok) passed++
    else failed++
  }
}
const status = Number(statusArg)
if (status !== 0 && failed === 0) failed = 1 // a step died before it could report
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
