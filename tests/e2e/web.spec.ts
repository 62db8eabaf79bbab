// `npm run web` as a user runs it: the CLI (main's services in Node, the Demo profile's simulator
// inside) prints its address; Chromium opens it, switches to Chinese and walks Rooms → a room →
// Designer → SEI over the WebSocket transport.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { launchBrowser, startHarness } from '../harness/harness'
import { englishOn } from '../harness/english'

const root = resolve(__dirname, '../..')
let cli: ChildProcess | null = null
let dataDir = ''
test.afterEach(async () => {
  cli?.kill('SIGTERM')
  await new Promise((r) => (cli ? cli.once('exit', r) : r(null)))
  cli = null
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

test('npm run web prints its address; a browser walks it in Chinese', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'trtc-desk-web-'))
  cli = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/main/web/cli.ts'), '--port', '0'], { cwd: root, env: { ...process.env, TRTC_DESK_DATA_DIR: dataDir } })
  let out = ''
  let errOut = ''
  cli.stdout!.on('data', (d: Buffer) => (out += String(d)))
  cli.stderr!.on('data', (d: Buffer) => (errOut += String(d)))
  await expect.poll(() => out, { timeout: 30_000 }).toMatch(/^TRTC Desk is running at http:\/\/127\.0\.0\.1:\d+\/\?token=\S+\n/)
  const url = /http\S+/.exec(out)![0]

  const browser = await launchBrowser(true)
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'en-US' })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    // Without the token: nothing.
    expect((await page.goto(url.replace(/\?token=.*/, '')))!.status()).toBe(403)
    await page.goto(url)
    await expect(page).toHaveURL(/\/$/)
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('language-select').selectOption('zh-CN')
    await page.getByTestId('nav-rooms').click()
    await expect(page.getByTestId('view-rooms').getByRole('heading', { level: 1 })).toHaveText('房间')
    await expect(page.getByTestId('profile-switcher')).toContainText('演示（本地模拟器）')
    await page.getByText('进行中', { exact: true }).first().click()
    await page.getByTestId('room-row').first().click()
    await expect(page.getByTestId('room-detail').getByTestId('user-row').first()).toBeVisible()
    expect(await englishOn(page), 'a room').toEqual([])
    await page.getByTestId('nav-designer').click()
    await expect(page.getByTestId('view-designer').getByRole('heading', { level: 1 })).toHaveText('布局设计器')
    await page.getByTestId('designer-starter-2x2').click()
    expect(await englishOn(page), 'designer').toEqual([])
    await page.getByTestId('nav-sei').click()
    await expect(page.getByTestId('view-sei').getByRole('heading', { level: 1 })).toHaveText('SEI 预览')
    expect(await englishOn(page), 'SEI').toEqual([])
    expect(errors).toEqual([])
  } finally {
    await browser.close()
  }
  expect(errOut).not.toMatch(/^error /m)
})

test('in a browser, Save downloads the layout file and Open reads one through the file picker', async () => {
  const h = await startHarness({ transport: 'web' })
  try {
    await h.open()
    const page = h.page
    await page.getByTestId('nav-designer').click()
    await page.getByTestId('designer-starter-2x2').click()
    await expect(page.getByTestId('designer-tile')).toHaveCount(4)
    // No native dialog: the file goes to the browser's downloads, and the document is clean.
    const saved = page.waitForEvent('download')
    await page.keyboard.press('Control+S')
    const file = await saved
    expect(file.suggestedFilename()).toBe('Untitled layout.trtclayout.json')
    const text = await readFile((await file.path())!, 'utf8')
    expect(JSON.parse(text)).toMatchObject({ format: 'trtc-desk-layout', version: 2 })
    await expect(page.getByTestId('designer-dirty')).toHaveCount(0)
    expect(h.dialogs.shown).toEqual([])

    await page.getByTestId('designer-file-menu').click()
    await page.getByTestId('designer-file-new').click()
    await expect(page.getByTestId('designer-tile')).toHaveCount(0)
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId('designer-file-menu').click()
    await page.getByTestId('designer-file-open').click()
    await (await chooser).setFiles({ name: 'four-up.trtclayout.json', mimeType: 'application/json', buffer: Buffer.from(text) })
    await expect(page.getByTestId('designer-tile')).toHaveCount(4)
  } finally {
    expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
    await h.close()
  }
})
