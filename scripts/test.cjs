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
// Each step is recorded for the CI summary (.ci/summarize.cjs), which reads the tests of unit and
// e2e from their runners' reports; a step that cannot run after a failed build is recorded so.
const reportDir = process.env.CI_REPORT_DIR
const record = (entry) => reportDir && appendFileSync(join(reportDir, 'steps.jsonl'), JSON.stringify(entry) + '\n')
const results = []
let buildFailed = false
for (const [name, command] of steps) {
  if (buildFailed) {
    record({ name, ok: false, ran: false, why: 'the build failed' })
    results.push({ name, ok: false, seconds: 0 })
    continue
  }
  const started = Date.now()
  process.stdout.write(`\n=== ${name}: ${command}\n`)
  const r = spawnSync(command, { stdio: 'inherit', shell: true })
  const ok = r.status === 0
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 })
  record({ name, ok })
  // nothing after the build can run without it
  if (!ok && name === 'build') buildFailed = true
}
process.stdout.write('\n')
for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)\n`)
process.exit(results.every((r) => r.ok) ? 0 : 1)
