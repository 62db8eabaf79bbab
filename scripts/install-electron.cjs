// Electron >= 42 fetches its binary lazily; run its installer here so `npm install` on a laptop
// leaves a runnable app. Best-effort: machines without access to the download keep working.
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') process.exit(0)
const installer = join(__dirname, '..', 'node_modules', 'electron', 'install.js')
if (!existsSync(installer)) process.exit(0)
const r = spawnSync(process.execPath, [installer], { stdio: 'inherit', timeout: 120_000 })
if (r.status !== 0) {
  console.warn('[trtc-desk] The Electron binary could not be downloaded. Building and testing still work; ' +
    'run `node node_modules/electron/install.js` later to run the desktop app.')
}
process.exit(0)
