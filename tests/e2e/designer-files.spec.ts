// Layout files end to end: the built renderer in Chromium, the real main services in Node, and a
// scripted native dialog. A 2 × 2 layout is saved, replaced by a new one and opened again from the
// recent list; an unsaved edit survives a crash through the autosave and is restored and saved.
import { expect, test, type Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHarness, type Harness } from '../harness/harness'

const harnesses: Harness[] = []
let dir: string
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trtc-desk-files-'))
})
test.afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
    await h.close()
  }
  await rm(dir, { recursive: true, force: true })
})

async function designer(userDataDir: string, locale = 'en-US'): Promise<Harness> {
  const h = await startHarness({ userDataDir, locale })
  harnesses.push(h)
  await h.open()
  await h.page.getByTestId('nav-designer').click()
  await h.page.getByTestId('view-designer').waitFor()
  return h
}

/** The layout as the compiled request lists it (canvas pixels, independent of zoom and scroll). */
async function tileRects(page: Page) {
  const body = JSON.parse((await page.getByTestId('designer-json').textContent()) ?? '') as { VideoParams?: { LayoutParams?: { MixLayoutList?: unknown[] } } }
  return body.VideoParams?.LayoutParams?.MixLayoutList ?? []
}

async function fileMenu(page: Page, item: string) {
  await page.getByTestId('designer-file-menu').click()
  await page.getByTestId(item).click()
}

/** Moves to an entry of the Open recent submenu in steps, as a hand does (a jump would leave the submenu), and clicks it. */
async function pickRecent(page: Page, nth = 0) {
  const b = await page.getByTestId('designer-recent-item').nth(nth).boundingBox()
  if (!b) throw new Error('no recent entry')
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 6 })
  await page.mouse.down()
  await page.mouse.up()
}

test('saves a 2 × 2 layout, starts a new one, opens the saved one from the recent list, and keeps unsaved work through a crash', async () => {
  // Two app starts (before and after the crash).
  test.setTimeout(120_000)
  const userData = join(dir, 'userData')
  const layout = join(dir, 'four-up.trtclayout.json')
  let h = await designer(userData)
  let page = h.page
  await expect(page.getByTestId('designer-filename')).toHaveText('Not saved yet')

  await page.getByTestId('designer-starter-2x2').click()
  await expect(page.getByTestId('designer-tile')).toHaveCount(4)
  const fourUp = await tileRects(page)
  expect(fourUp).toHaveLength(4)
  await expect(page.getByTestId('designer-dirty')).toBeVisible()

  // Save asks where (the scripted dialog answers), then the header names the file and the dot goes.
  h.dialogs.answerNext(layout)
  await page.keyboard.press('Control+S')
  await expect(page.getByTestId('designer-filename')).toHaveText('four-up.trtclayout.json')
  await expect(page.getByTestId('designer-dirty')).toHaveCount(0)
  expect(h.dialogs.shown).toEqual([{ kind: 'save', defaultPath: 'Untitled layout.trtclayout.json' }])
  const onDisk = JSON.parse(await readFile(layout, 'utf8')) as { format: string; version: number; doc: { tiles: unknown[] } }
  expect(onDisk).toMatchObject({ format: 'trtc-desk-layout', version: 2 })
  expect(onDisk.doc.tiles).toHaveLength(4)

  // New: a clean document, no confirmation needed.
  await fileMenu(page, 'designer-file-new')
  await expect(page.getByTestId('designer-tile')).toHaveCount(0)
  await expect(page.getByTestId('designer-filename')).toHaveText('Not saved yet')

  // An unsaved change asks before it is thrown away; Cancel keeps it.
  await page.getByTestId('designer-add-tile').click()
  await fileMenu(page, 'designer-file-recent')
  await expect(page.getByTestId('designer-recent-item')).toHaveCount(1)
  await expect(page.getByTestId('designer-recent-item')).toContainText(layout)
  await pickRecent(page)
  await expect(page.getByTestId('designer-confirm-leave')).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('designer-tile')).toHaveCount(1)
  await expect(page.getByTestId('designer-dirty')).toBeVisible()

  // Open recent again and discard: the saved 2 × 2 is back, exactly.
  await fileMenu(page, 'designer-file-recent')
  await pickRecent(page)
  await page.getByTestId('designer-confirm-discard').click()
  await expect(page.getByTestId('designer-tile')).toHaveCount(4)
  expect(await tileRects(page)).toEqual(fourUp)
  await expect(page.getByTestId('designer-filename')).toHaveText('four-up.trtclayout.json')
  await expect(page.getByTestId('designer-dirty')).toHaveCount(0)

  // An edit, autosaved after a short rest, then the app dies without saving.
  await page.getByTestId('designer-tile').first().click()
  await page.keyboard.press('Delete')
  await expect(page.getByTestId('designer-tile')).toHaveCount(3)
  const three = await tileRects(page)
  await expect.poll(() => existsSync(join(userData, 'autosave', 'layout.json')), { timeout: 10_000 }).toBe(true)
  await h.close()
  harnesses.splice(0)

  // The next start offers the autosave; Restore brings the 3 tiles back, unsaved, tied to the file.
  h = await designer(userData)
  page = h.page
  await expect(page.getByTestId('designer-recovery')).toContainText('Recover the unsaved layout')
  await expect(page.getByTestId('designer-recovery')).toContainText(layout)
  await page.getByTestId('designer-recovery-restore').click()
  await expect(page.getByTestId('designer-recovery')).toHaveCount(0)
  await expect(page.getByTestId('designer-tile')).toHaveCount(3)
  expect(await tileRects(page)).toEqual(three)
  await expect(page.getByTestId('designer-dirty')).toBeVisible()
  await expect(page.getByTestId('designer-filename')).toHaveText('four-up.trtclayout.json')

  // Save writes back to the same file without a dialog and clears the autosave.
  await page.getByTestId('designer-save').click()
  await expect(page.getByTestId('designer-dirty')).toHaveCount(0)
  expect(h.dialogs.shown).toEqual([])
  expect((JSON.parse(await readFile(layout, 'utf8')) as { doc: { tiles: unknown[] } }).doc.tiles).toHaveLength(3)
  expect(existsSync(join(userData, 'autosave', 'layout.json'))).toBe(false)
})

test('a broken file or a missing recent file is explained in the UI language and the open layout stays', async () => {
  const userData = join(dir, 'userData')
  const h = await designer(userData, 'zh-CN')
  const page = h.page
  await page.getByTestId('designer-starter-2x2').click()
  h.dialogs.answerNext(join(dir, 'keep.trtclayout.json'))
  await page.keyboard.press('Control+Shift+S')
  await expect(page.getByTestId('designer-filename')).toHaveText('keep.trtclayout.json')

  await writeFile(join(dir, 'broken.trtclayout.json'), '{"format": "trtc-desk-layout", "version": 2, "doc": {')
  h.dialogs.answerNext(join(dir, 'broken.trtclayout.json'))
  await page.keyboard.press('Control+O')
  await expect(page.getByTestId('designer-file-error')).toContainText('无法将此文件作为布局打开')
  await expect(page.getByTestId('designer-tile')).toHaveCount(4)
  await expect(page.getByTestId('designer-filename')).toHaveText('keep.trtclayout.json')

  // The saved file is deleted behind the app's back: the recent list marks it and lets it go.
  await rm(join(dir, 'keep.trtclayout.json'))
  await fileMenu(page, 'designer-file-recent')
  await expect(page.getByTestId('designer-recent-item')).toHaveAttribute('data-missing', 'true')
  await expect(page.getByTestId('designer-recent-item')).toContainText('找不到文件')
  await pickRecent(page)
  await expect(page.getByTestId('designer-recent-item')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('designer-tile')).toHaveCount(4)

  // A version 1 file opens converted and says so; Save writes the current version back to it.
  const v1 = join(dir, 'old.trtclayout.json')
  const v1Doc = { name: 'Old', canvas: { width: 1280, height: 720 }, tiles: [{ id: 'a', x: 0, y: 0, width: 640, height: 360, userId: 'alice', roomId: '1234' }] }
  await writeFile(v1, JSON.stringify({ format: 'trtc-desk-layout', version: 1, doc: v1Doc }))
  h.dialogs.answerNext(v1)
  await page.keyboard.press('Control+O')
  await expect(page.getByTestId('designer-migrated')).toHaveText('已从 v1 转换')
  await expect(page.getByTestId('designer-tile')).toHaveCount(1)
  await page.keyboard.press('Control+S')
  await expect(page.getByTestId('designer-migrated')).toHaveCount(0)
  const saved = JSON.parse(await readFile(v1, 'utf8')) as { version: number; doc: { tiles: Array<{ binding: unknown }> } }
  expect(saved.version).toBe(2)
  expect(saved.doc.tiles[0]?.binding).toEqual({ kind: 'user', userId: 'alice', roomId: '1234', roomIdType: 'number', streamType: 'camera' })
})

test('the application menu saves and opens layouts, opening the designer from another section', async () => {
  const userData = join(dir, 'userData')
  const layout = join(dir, 'from-menu.trtclayout.json')
  const h = await startHarness({ userDataDir: userData })
  harnesses.push(h)
  await h.open()
  const page = h.page
  await page.getByTestId('view-rooms').waitFor()

  // File ▸ Save Layout As… while Rooms is shown: the designer opens and the save dialog is asked.
  h.dialogs.answerNext(layout)
  await h.emit('layout.menu', 'saveAs')
  await page.getByTestId('view-designer').waitFor()
  await expect(page.getByTestId('designer-filename')).toHaveText('from-menu.trtclayout.json')
  expect(h.dialogs.shown).toEqual([{ kind: 'save', defaultPath: 'Untitled layout.trtclayout.json' }])
  expect(JSON.parse(await readFile(layout, 'utf8'))).toMatchObject({ version: expect.any(Number) })

  // An edit, then File ▸ New Layout asks about the unsaved change; File ▸ Open Layout… after discarding.
  await page.getByTestId('designer-starter-2x2').click()
  await expect(page.getByTestId('designer-dirty')).toBeVisible()
  await h.emit('layout.menu', 'new')
  await page.getByRole('button', { name: 'Discard changes' }).click()
  await expect(page.getByTestId('designer-tile')).toHaveCount(0)
  await expect(page.getByTestId('designer-filename')).toHaveText('Not saved yet')
  h.dialogs.answerNext(layout)
  await h.emit('layout.menu', 'open')
  await expect(page.getByTestId('designer-filename')).toHaveText('from-menu.trtclayout.json')
  expect(h.dialogs.shown.map((d) => d.kind)).toEqual(['save', 'open'])
})
