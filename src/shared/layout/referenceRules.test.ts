// docs/reference-rules.md, the validator's codes, the simulator's `rule:` tags and the tests stay in
// step: every code has exactly one row; a row that names a simulator check has that tag in the
// simulator's source and every tag has a row; the tests a row names exercise its code; every line
// cited is within the reference.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECK_CODES, DOC_ONLY_CODES } from './validate'

const root = join(__dirname, '../../..')
const doc = readFileSync(join(root, 'docs/reference-rules.md'), 'utf8')
const rows = doc
  .split('\n')
  .filter((l) => l.startsWith('| `'))
  .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()))
  .map(([code, rule, lines, severity, simulator, tests]) => ({ code: code!.replace(/`/g, ''), rule: rule!, lines: lines!, severity: severity!, simulator: simulator!, tests: tests! }))
const simSource = readdirSync(join(root, 'src/simulator'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(root, 'src/simulator', f), 'utf8'))
  .join('\n')
const tags = new Set([...simSource.matchAll(/rule: ([a-zA-Z.]+(?:, [a-zA-Z.]+)*)/g)].flatMap((m) => m[1]!.split(', ')))
/** 003_530a54cf0f8c0df7.txt has 17,277 lines. */
const REFERENCE_LINES = 17_277

describe('docs/reference-rules.md', () => {
  it('has one row per validator code, in the order of CHECK_CODES', () => {
    expect(rows.map((r) => r.code)).toEqual([...CHECK_CODES])
  })

  it('names the simulator check of each row, and every simulator check has a row', () => {
    for (const r of rows) {
      if (r.simulator.startsWith('`rule:')) expect(tags.has(r.code), r.code).toBe(true)
      else if (r.simulator === '— not on the wire') expect(DOC_ONLY_CODES.has(r.code as never) || r.code === 'rooms.multiple', r.code).toBe(true)
      else expect(r.simulator, r.code).toBe('— accepted (warning)')
      if (r.simulator === '— accepted (warning)') expect(r.severity.startsWith('warning'), r.code).toBe(true)
    }
    expect([...tags].filter((t) => !rows.some((r) => r.code === t))).toEqual([])
  })

  it('names tests that exercise each code', () => {
    const files: Record<string, string> = {
      'validate.test.ts': readFileSync(join(__dirname, 'validate.test.ts'), 'utf8'),
      'layoutAgreement.test.ts': readFileSync(join(root, 'src/simulator/layoutAgreement.test.ts'), 'utf8'),
    }
    for (const r of rows) {
      const named = r.tests.split(', ').filter(Boolean)
      expect(named.length, r.code).toBeGreaterThan(0)
      for (const f of named) expect(files[f]?.includes(`'${r.code}'`), `${r.code} in ${f}`).toBe(true)
    }
  })

  it('cites lines that exist in the reference', () => {
    const cited = [...doc.matchAll(/(?<![0-9] )L(\d{3,5})/g)].map((m) => Number(m[1]))
    expect(cited.length).toBeGreaterThan(100)
    expect(cited.filter((n) => n < 1 || n > REFERENCE_LINES)).toEqual([])
  })
})
