// `npm test`: every check in turn. A failing step does not stop the others, so one run shows
// everything that is wrong; the exit code is non-zero if any step failed.
const { spawnSync } = require('node:child_process')
const { appendFileSync } = require('node:fs')
const { join } = require('node:path')

const steps = [
  ['typecheck', 'npm run -s typecheck'],
  ['lint', 'npm run -s lint'],
  ['unit', 'npm run -s test:unit'],
  ['build', 'npm run -s build'],
  ['e2e', 'npx playwright test'],
  ['security', 'npm run -s test:security'],
]
// Steps whose tests a runner already counts in its own JSON report.
const counted = new Set(['unit', 'e2e'])
const reportDir = process.env.CI_REPORT_DIR
const results = []
for (const [name, command] of steps) {
  const started = Date.now()
  process.stdout.write(`\n=== ${name}: ${command}\n`)
  const r = spawnSync(command, { stdio: 'inherit', shell: true })
  const ok = r.status === 0
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 })
  if (reportDir && !counted.has(name)) appendFileSync(join(reportDir, 'steps.jsonl'), JSON.stringify({ name, ok }) + '\n')
  if (!ok && name === 'build') {
    if (reportDir) appendFileSync(join(reportDir, 'steps.jsonl'), JSON.stringify({ name, ok }) + '\n')
    break // nothing after it can run without a build
  }
}
process.stdout.write('\n')
for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)\n`)
process.exit(results.every((r) => r.ok) ? 0 : 1)
