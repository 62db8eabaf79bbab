// The CI summary line on fabricated report folders: each way a run can break is counted as failed
// and named, never a reassuring line over a broken run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

interface Summary {
  passed: number
  failed: number
  skipped: number
  steps: string[]
  problems: string[]
}
const { summarize } = createRequire(import.meta.url)('./summarize.cjs') as { summarize(dir: string, status: string | number): Summary }

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

const okSteps = ['typecheck', 'lint', 'unit', 'build', 'e2e', 'security'].map((name) => ({ name, ok: true }))
const vitestReport = (over: object = {}) => ({ numPassedTests: 10, numFailedTests: 0, numPendingTests: 1, numTodoTests: 0, numFailedTestSuites: 0, testResults: [{ name: 'a.test.ts', status: 'passed', assertionResults: [] }], ...over })
const pwReport = (over: object = {}, stats: object = {}) => ({ stats: { expected: 5, unexpected: 0, skipped: 1, flaky: 0, interrupted: 0, ...stats }, errors: [], ...over })

function folder(files: { steps?: object[] | string; vitest?: object | string | null; playwright?: object | string | null }): string {
  const d = mkdtempSync(join(tmpdir(), 'ci-summary-'))
  dirs.push(d)
  const steps = files.steps ?? okSteps
  writeFileSync(join(d, 'steps.jsonl'), typeof steps === 'string' ? steps : steps.map((s) => JSON.stringify(s)).join('\n') + '\n')
  const put = (name: string, v: object | string | null | undefined, dflt: object) => {
    if (v === null) return
    writeFileSync(join(d, name), typeof v === 'string' ? v : JSON.stringify(v ?? dflt))
  }
  put('vitest.json', files.vitest, vitestReport())
  put('playwright.json', files.playwright, pwReport())
  return d
}

describe('CI summary', () => {
  it('counts a clean run', () => {
    const s = summarize(folder({}), 0)
    expect([s.passed, s.failed, s.skipped]).toEqual([15, 0, 2])
    expect(s.problems).toEqual([])
    expect(s.steps).toEqual(['typecheck ok', 'lint ok', 'unit ok', 'build ok', 'e2e ok', 'security ok'])
  })

  it('counts missing reports as failed, each named', () => {
    const s = summarize(folder({ vitest: null, playwright: null }), 1)
    expect(s.failed).toBe(2)
    expect(s.problems.join('\n')).toMatch(/vitest.json is missing[\s\S]*playwright.json is missing/)
  })

  it('counts a malformed or empty report as failed, never NaN', () => {
    const s = summarize(folder({ vitest: '{', playwright: {} }), 1)
    expect(s.failed).toBe(2)
    expect(Number.isNaN(s.passed)).toBe(false)
    expect(s.problems.join('\n')).toMatch(/vitest.json is malformed[\s\S]*not a Playwright report/)
  })

  it('counts a Vitest file that throws at import', () => {
    const s = summarize(folder({ vitest: vitestReport({ numFailedTestSuites: 1, testResults: [{ name: 'broken.test.ts', status: 'failed', message: 'SyntaxError: x', assertionResults: [] }] }), steps: okSteps.map((x) => (x.name === 'unit' ? { ...x, ok: false } : x)) }), 1)
    expect(s.failed).toBe(1)
    expect(s.problems[0]).toMatch(/broken.test.ts/)
  })

  it('counts a Playwright spec that fails to load, and interrupted tests', () => {
    const s = summarize(folder({ playwright: pwReport({ errors: [{ message: 'Error: cannot find module' }] }, { interrupted: 2 }), steps: okSteps.map((x) => (x.name === 'e2e' ? { ...x, ok: false } : x)) }), 1)
    expect(s.failed).toBe(3)
    expect(s.problems.join('\n')).toMatch(/cannot find module[\s\S]*2 Playwright test\(s\) interrupted/)
  })

  it('counts a failed build once, and the steps it stopped as not run', () => {
    const steps = [
      { name: 'typecheck', ok: true },
      { name: 'lint', ok: true },
      { name: 'unit', ok: true },
      { name: 'build', ok: false },
      { name: 'e2e', ok: false, ran: false, why: 'the build failed' },
      { name: 'security', ok: false, ran: false, why: 'the build failed' },
    ]
    const s = summarize(folder({ steps, playwright: null }), 1)
    expect(s.failed).toBe(3)
    expect(s.problems).toEqual(['build failed', 'e2e did not run: the build failed', 'security did not run: the build failed'])
    expect(s.steps).toContain('build FAILED')
  })

  it('fails a run whose steps were never recorded, or that ran nothing', () => {
    const d = folder({})
    rmSync(join(d, 'steps.jsonl'))
    expect(summarize(d, 0).failed).toBeGreaterThan(0)
    const empty = summarize(folder({ vitest: vitestReport({ numPassedTests: 0, numPendingTests: 0 }), playwright: pwReport({}, { expected: 0, skipped: 0 }) }), 0)
    expect(empty.failed).toBe(1)
    expect(empty.problems).toEqual(['no test ran'])
  })

  it('never prints a clean line over a non-zero exit', () => {
    const s = summarize(folder({}), 2)
    expect(s.failed).toBe(1)
  })
})
