// The layout designer end to end: the built renderer in Chromium, driven with the real mouse and
// keyboard. Tiles are dragged and resized into a 2 × 2 layout (snapping does the exact placing),
// undone and redone, and the compiled McuLayout list is read back from the output panel.
import { expect, test, type Page } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'

let h: Harness
test.afterEach(async () => {
  expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
  await h.close()
})

interface McuTile {
  LocationX: number
  LocationY: number
  ImageWidth: number
  ImageHeight: number
}

async function compiledTiles(page: Page): Promise<McuTile[]> {
  const text = (await page.getByTestId('designer-json').textContent()) ?? ''
  const body = JSON.parse(text) as { VideoParams?: { LayoutParams?: { MixLayoutList?: McuTile[] } } }
  return (body.VideoParams?.LayoutParams?.MixLayoutList ?? []).map((t) => ({ LocationX: t.LocationX, LocationY: t.LocationY, ImageWidth: t.ImageWidth, ImageHeight: t.ImageHeight }))
}

async function box(page: Page, testId: string, nth = 0) {
  const b = await page.getByTestId(testId).nth(nth).boundingBox()
  if (!b) throw new Error(`${testId} is not visible`)
  return b
}

/** Presses at `from`, moves in small steps to `to` (as a hand would), releases. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, beforeUp?: () => Promise<void>) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 8 })
  if (beforeUp) await beforeUp()
  await page.mouse.up()
}

test('builds a 2 × 2 layout with the mouse, undoes and redoes it, and shows the compiled request', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await page.getByTestId('nav-designer').click()
  await page.getByTestId('view-designer').waitFor()
  for (let i = 0; i < 4; i++) await page.getByTestId('designer-add-tile').click()
  await expect(page.getByTestId('designer-tile')).toHaveCount(4)

  const canvas = await box(page, 'designer-canvas')
  const zoom = canvas.width / 1920
  const screenOf = (x: number, y: number) => ({ x: canvas.x + x * zoom, y: canvas.y + y * zoom })
  const quadrants = [
    [0, 0],
    [960, 0],
    [0, 540],
    [960, 540],
  ] as const

  // The last tile added is on top: place the tiles from the top of the stack down.
  for (let i = 0; i < 4; i++) {
    const id = `t${4 - i}`
    const [qx, qy] = quadrants[i] as readonly [number, number]
    const tile = page.locator(`[data-tile="${id}"]`)
    const b = await tile.boundingBox()
    if (!b) throw new Error(`${id} is not visible`)
    // Grab near the bottom-right corner (clear of the tiles already placed), drop the tile 3 canvas
    // px off the quadrant's corner: snapping closes the gap.
    const off = { x: b.width - 14, y: b.height - 14 }
    const target = screenOf(qx + 3, qy + 2)
    await drag(page, { x: b.x + off.x, y: b.y + off.y }, { x: target.x + off.x, y: target.y + off.y }, async () => {
      await expect(page.getByTestId('designer-guide').first()).toBeVisible()
    })
    // Then the south-east handle to the quadrant's far corner.
    const handle = await box(page, 'handle-se')
    const corner = screenOf(qx + 960 - 4, qy + 540 - 3)
    await drag(page, { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }, corner)
  }

  const want = [
    { LocationX: 960, LocationY: 540, ImageWidth: 960, ImageHeight: 540 },
    { LocationX: 0, LocationY: 540, ImageWidth: 960, ImageHeight: 540 },
    { LocationX: 960, LocationY: 0, ImageWidth: 960, ImageHeight: 540 },
    { LocationX: 0, LocationY: 0, ImageWidth: 960, ImageHeight: 540 },
  ]
  expect(await compiledTiles(page)).toEqual(want)
  await expect(page.getByTestId('designer-dirty')).toBeVisible()

  // One undo entry per drag: undo takes back the last resize only, then the last move.
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await compiledTiles(page))[0]).toMatchObject({ LocationX: 960, LocationY: 540, ImageWidth: 480, ImageHeight: 270 })
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await compiledTiles(page))[0]).not.toMatchObject({ LocationX: 960, LocationY: 540 })
  expect((await compiledTiles(page)).slice(1)).toEqual(want.slice(1))
  await page.keyboard.press('Control+Shift+z')
  await page.getByTestId('designer-redo').click()
  await expect.poll(() => compiledTiles(page)).toEqual(want)

  // The recording dialect of the same layout.
  await page.getByTestId('designer-target-recording').check({ force: true })
  await expect(page.getByTestId('designer-json')).toContainText('"MixLayoutParams"')
  await expect(page.getByTestId('designer-json')).toContainText('"Left": 960')
  await expect(page.getByTestId('designer-issues')).toBeVisible()
})

test('goes live: starts a mix on a room with the layout, shows what a take changes, takes it and stops', async () => {
  h = await startHarness()
  {
    await h.open()
    const page = h.page
    await page.getByTestId('nav-designer').click()
    await page.getByTestId('designer-starter-2x2').click()
    const panel = page.getByTestId('designer-golive')
    await panel.getByRole('button', { name: 'Reload rooms' }).click()
    const room = panel.getByTestId('golive-room')
    await expect(room.locator('option')).not.toHaveCount(1)
    await room.selectOption({ index: 1 })
    await panel.getByTestId('golive-cdn').fill('rtmp://push.example.com/live/show')
    // A keyframe interval past 5 s is refused in the form (VideoEncode.Gop, L16371–L16372).
    await panel.getByTestId('golive-enc-gop').fill('6')
    await expect(panel.getByTestId('golive-mix-problems')).toHaveText('Keyframe interval: a whole number of seconds from 1 to 5.')
    await expect(panel.getByTestId('golive-start')).toBeDisabled()
    await panel.getByTestId('golive-enc-gop').fill('4')
    await panel.getByTestId('golive-enc-fps').fill('30')
    await expect(panel.getByTestId('golive-mix-problems')).toHaveCount(0)
    await panel.getByTestId('golive-start').click()
    await expect(panel.getByTestId('golive-message')).toContainText(/Mix task .+ started — RequestId [0-9a-f-]{36}/)
    await expect(panel.getByTestId('golive-diff')).toHaveText('Runs this layout')
    await page.getByTestId('designer-starter-pip').click()
    await expect(panel.getByTestId('golive-diff')).toContainText(/Take will add \d+, remove \d+ and change \d+ tiles/)
    await panel.getByTestId('golive-take').click()
    await expect(panel.getByTestId('golive-message')).toContainText('SequenceNumber 1')
    await expect(panel.getByTestId('golive-diff')).toHaveText('Runs this layout')
    // The simulator's task took the update.
    const state = (await (await fetch(`${h.demo.endpoint}/admin/state`)).json()) as { mixTasks: Array<{ sequenceNumber: number | null; encode: unknown }> }
    expect(state.mixTasks.map((t) => t.sequenceNumber)).toEqual([1])
    expect(state.mixTasks[0]!.encode).toEqual({ fps: 30, bitRate: 1500, gop: 4 })
    await panel.getByTestId('golive-stop').click()
    await expect(panel.getByTestId('golive-task')).toHaveCount(0)
    const mutations = h.services.cloud.requestLog.entries().filter((e) => e.mutating).map((e) => e.action)
    expect(mutations).toEqual(['StartPublishCdnStream', 'UpdatePublishCdnStream', 'StopPublishCdnStream'])
  }
})

test('in Chinese, a layout the reference forbids is flagged on its tile and in words, and cannot go live', async () => {
  h = await startHarness({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
  await h.open()
  const page = h.page
  await page.getByTestId('nav-designer').click()
  // A request whose crop starts at 0: "This parameter must be greater than 0" (L15152–L15159).
  const request = {
    VideoParams: {
      VideoEncode: { Width: 1280, Height: 720, Fps: 15, BitRate: 1500, Gop: 2 },
      LayoutParams: {
        MixLayoutMode: 4,
        MixLayoutList: [
          { LocationX: 0, LocationY: 0, ImageWidth: 640, ImageHeight: 360, CustomCrop: { LocationX: 0, LocationY: 0, Width: 320, Height: 180 } },
          { LocationX: 640, LocationY: 0, ImageWidth: 640, ImageHeight: 360 },
        ],
      },
    },
  }
  await page.getByTestId('designer-import').click()
  await page.getByTestId('designer-import-text').fill(JSON.stringify(request))
  await page.getByTestId('designer-import-run').click()
  await expect(page.getByTestId('designer-tile')).toHaveCount(2)
  const issue = page.getByTestId('designer-issue').filter({ hasText: '裁剪起点必须大于 0' })
  await expect(issue).toHaveCount(1)
  await expect(issue).toContainText('当前为 0、0')
  const panel = page.getByTestId('designer-golive')
  await panel.getByTestId('golive-reload').click()
  await expect(panel.getByTestId('golive-room').locator('option')).not.toHaveCount(1)
  await panel.getByTestId('golive-room').selectOption({ index: 1 })
  await panel.getByTestId('golive-cdn').fill('rtmp://push.example.com/live/show')
  await expect(panel.getByTestId('golive-start')).toBeDisabled()
  await page.screenshot({ path: test.info().outputPath('designer-zh-crop.png') })
})
