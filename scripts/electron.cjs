// `npm run dev` and `npm start`: electron-vite with the Electron binary, or, where the binary is not
// installed (offline laptops, locked-down networks, CI), two lines on what happened and the two ways
// on, and a non-zero exit instead of electron-vite's "Electron uninstall" stack trace.
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const root = join(__dirname, '..')

/** The Electron executable electron-vite would start, or null when it is not there. */
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron')
    return existsSync(exe) ? exe : null
  }
  if (!name) return null
  const exe = join(dir, 'dist', name)
  return existsSync(exe) ? exe : null
}

if (!electronBinary()) {
  process.stderr.write(
    'TRTC Desk: the Electron binary is not installed (npm install could not download it, or ELECTRON_SKIP_BINARY_DOWNLOAD was set).\n' +
      'Download it with `node node_modules/electron/install.js` and run this again, or use TRTC Desk in a browser: `npm run web`.\n',
  )
  process.exit(1)
}
const r = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), process.argv.slice(2), { stdio: 'inherit', cwd: root })
process.exit(r.status ?? 1)
