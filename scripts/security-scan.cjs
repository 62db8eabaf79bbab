// Runs Electronegativity over the built app (main, preload, renderer) and fails on any
// high-severity finding. Lower findings are printed for review.
const { spawnSync } = require('node:child_process')
const { mkdtempSync, readFileSync, existsSync, rmSync } = require('node:fs')
const { join } = require('node:path')
const { tmpdir } = require('node:os')

const root = join(__dirname, '..')
if (!existsSync(join(root, 'out/main/index.js'))) {
  console.error('security scan: build first (npm run build)')
  process.exit(1)
}
// The window settings in the built bundle, checked directly (electronegativity does not see them
// through the webPreferences helper).
const { checkWindowSettings } = require('./windowSettingsCheck.cjs')
const windowProblems = checkWindowSettings(readFileSync(join(root, 'out/main/index.js'), 'utf8'))
for (const p of windowProblems) console.error(`security scan: ${p}`)
if (windowProblems.length > 0) process.exit(1)
const electronVersion = require(join(root, 'node_modules/electron/package.json')).version
const dir = mkdtempSync(join(tmpdir(), 'trtc-desk-eneg-'))
const csv = join(dir, 'findings.csv')
const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js')
const run = spawnSync(process.execPath, [cli, '-i', join(root, 'out'), '-r', '-e', electronVersion, '-o', csv, '-v', 'false'], {
  encoding: 'utf8',
  timeout: 180_000,
})
if (run.status !== 0 || !existsSync(csv)) {
  console.error(`security scan: electronegativity failed (exit ${run.status})\n${run.stderr}`)
  process.exit(1)
}
const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).filter(Boolean)
rmSync(dir, { recursive: true, force: true })
const findings = rows.map((line) => {
  const [issue, severity, confidence, file, location] = line.split(',').map((s) => s.replace(/^"|"$/g, ''))
  return { issue, severity, confidence, file, location }
})
for (const f of findings) console.warn(`${f.severity.padEnd(8)} ${f.confidence.padEnd(10)} ${f.issue} ${f.file}:${f.location}`)
const high = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL')
console.warn(`security scan: ${findings.length} findings, ${high.length} high`)
process.exit(high.length > 0 ? 1 : 0)
