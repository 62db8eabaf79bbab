// `npm run dev` where the Electron binary is not installed: two lines on what happened and the two
// ways on, and a non-zero exit (not electron-vite's "Electron uninstall" stack trace).
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

it('says how to get the binary or run in a browser, and exits non-zero', () => {
  // An empty folder as the binary's location: missing on every machine, whatever is installed.
  const r = spawnSync(process.execPath, [join(__dirname, 'electron.cjs'), 'dev'], { env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: mkdtempSync(join(tmpdir(), 'no-electron-')) }, encoding: 'utf8' })
  expect(r.status).toBe(1)
  const lines = r.stderr.trim().split('\n')
  expect(lines).toHaveLength(2)
  expect(lines[0]).toMatch(/Electron binary is not installed/)
  expect(lines[1]).toContain('`node node_modules/electron/install.js`')
  expect(lines[1]).toContain('`npm run web`')
  expect(r.stdout).toBe('')
})
