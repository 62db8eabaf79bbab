// Prints "N passed, N failed, N skipped" from the runners' JSON reports and the steps `npm test`
// records (scripts/test.cjs → steps.jsonl). Anything that did not report cleanly counts as failed
// and is named: a missing or malformed report, a test file that failed to load, a runner error,
// an interrupted test, a step that failed or never ran. Steps (typecheck, lint, build, security)
// are listed apart; a failed one counts once in the failed total. Exits non-zero on any failure.
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')

/** The step whose tests each report holds. */
const REPORTS = { unit: 'vitest.json', e2e: 'playwright.json' }

function readJson(file) {
  if (!existsSync(file)) return { missing: true }
  try {
    return { value: JSON.parse(readFileSync(file, 'utf8')) }
  } catch (e) {
    return { malformed: e.message }
  }
}

const isCount = (n) => Number.isInteger(n) && n >= 0

function vitest(v, problems) {
  if (!v || ![v.numPassedTests, v.numFailedTests, v.numPendingTests].every(isCount) || !Array.isArray(v.testResults)) {
    problems.push('vitest.json is not a Vitest report')
    return { passed: 0, failed: 1, skipped: 0 }
  }
  let failed = v.numFailedTests
  // A test file that throws while loading fails with no test of its own failing.
  for (const file of v.testResults) {
    const failedHere = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length
    if (file.status === 'failed' && failedHere === 0) {
      failed++
      problems.push(`test file failed to run: ${file.name}${file.message ? ` (${String(file.message).split('\n')[0].slice(0, 160)})` : ''}`)
    }
  }
  return { passed: v.numPassedTests, failed, skipped: v.numPendingTests + (v.numTodoTests ?? 0) }
}

function playwright(p, problems) {
  const s = p && p.stats
  if (!s || ![s.expected, s.unexpected, s.skipped].every(isCount)) {
    problems.push('playwright.json is not a Playwright report')
    return { passed: 0, failed: 1, skipped: 0 }
  }
  let failed = s.unexpected
  // A spec that cannot load runs no test and reports only in errors[].
  for (const e of p.errors ?? []) {
    failed++
    problems.push(`Playwright error: ${String(e.message ?? e).split('\n')[0].slice(0, 160)}`)
  }
  if (isCount(s.interrupted) && s.interrupted > 0) {
    failed += s.interrupted
    problems.push(`${s.interrupted} Playwright test(s) interrupted`)
  }
  return { passed: s.expected + (s.flaky ?? 0), failed, skipped: s.skipped }
}

/** @returns {{ passed: number, failed: number, skipped: number, steps: string[], problems: string[] }} */
function summarize(dir, status) {
  const problems = []
  const steps = []
  let passed = 0
  let failed = 0
  let skipped = 0
  const recorded = []
  if (existsSync(join(dir, 'steps.jsonl'))) {
    for (const line of readFileSync(join(dir, 'steps.jsonl'), 'utf8').split('\n').filter(Boolean)) {
      try {
        recorded.push(JSON.parse(line))
      } catch {
        problems.push(`steps.jsonl has a line that is not JSON: ${line.slice(0, 80)}`)
        failed++
      }
    }
  } else {
    problems.push('steps.jsonl is missing: npm test did not record its steps')
    failed++
  }
  for (const step of recorded) {
    steps.push(`${step.name} ${step.ran === false ? 'did not run' : step.ok ? 'ok' : 'FAILED'}`)
    const report = REPORTS[step.name]
    if (step.ran === false) {
      failed++
      problems.push(`${step.name} did not run${step.why ? `: ${step.why}` : ''}`)
      continue
    }
    if (report) {
      const r = readJson(join(dir, report))
      if (r.missing || r.malformed) {
        failed++
        problems.push(`${report} ${r.missing ? 'is missing' : `is malformed (${r.malformed})`}: the ${step.name} tests are not counted`)
        continue
      }
      const counts = report === 'vitest.json' ? vitest(r.value, problems) : playwright(r.value, problems)
      passed += counts.passed
      failed += counts.failed
      skipped += counts.skipped
      // A runner that failed without a failing test (crash, timeout of the whole run).
      if (!step.ok && counts.failed === 0) {
        failed++
        problems.push(`${step.name} failed without a failing test in its report`)
      }
    } else if (!step.ok) {
      failed++
      problems.push(`${step.name} failed`)
    }
  }
  for (const name of Object.keys(REPORTS))
    if (!recorded.some((s) => s.name === name)) {
      failed++
      problems.push(`the ${name} step is not in steps.jsonl`)
    }
  if (Number(status) !== 0 && failed === 0) {
    failed = 1
    problems.push(`npm test exited with ${status} without a recorded failure`)
  }
  if (passed === 0 && failed === 0) {
    failed = 1
    problems.push('no test ran')
  }
  return { passed, failed, skipped, steps, problems }
}

if (require.main === module) {
  const [dir, statusArg] = process.argv.slice(2)
  const s = summarize(dir, statusArg)
  if (s.steps.length) console.log(`steps: ${s.steps.join(', ')}`)
  for (const p of s.problems) console.log(`problem: ${p}`)
  console.log(`${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`)
  process.exit(s.failed > 0 ? 1 : 0)
}

module.exports = { summarize }
