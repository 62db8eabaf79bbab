// `npm run bench`: runs every benchmark in this folder, one after another; each prints JSON lines.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const only = process.argv.slice(2)
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort()
let failed = 0
for (const file of files) {
  process.stderr.write(`--- ${file}\n`)
  const r = spawnSync(join(__dirname, '../node_modules/.bin/tsx'), [join(__dirname, file)], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed > 0 ? 1 : 0)
