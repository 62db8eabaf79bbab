// Launches the real Electron app when its binary is installed (npm install fetches it on a
// machine that can download it). Without the binary the test is skipped and says why.
import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../..')

function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/** Why the binary is absent, in the situation at hand. */
function whyNoBinary(): string {
  const rerun = 'Run `node node_modules/electron/install.js` on a machine that can download it, and this test runs.'
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') return `The Electron binary was not downloaded: ELECTRON_SKIP_BINARY_DOWNLOAD=1 turned the download off (as .ci/run does). ${rerun}`
  if (!existsSync(join(root, 'node_modules/electron/path.txt'))) return `The Electron binary is not installed: its download did not complete when npm installed (no network to its host, or it failed). ${rerun}`
  return `The Electron binary named in node_modules/electron/path.txt is missing from node_modules/electron/dist. ${rerun}`
}

test('the Electron app starts, shows its window and exposes only the contract', async () => {
  const executablePath = electronBinary()
  test.skip(executablePath === null, whyNoBinary())
  const app = await electron.launch({ executablePath: executablePath!, args: [root], env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } })
  try {
    const window = await app.firstWindow()
    await expect(window.getByTestId('view-rooms')).toBeVisible()
    const keys = await window.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())
    expect(keys).toContain('settings.get')
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
  } finally {
    await app.close()
  }
})
