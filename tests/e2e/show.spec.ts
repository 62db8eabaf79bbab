// The show surface end to end on the Demo profile: start a mix from a 2 × 2, see nothing to take,
// prepare 1 + 3 in Preview, see the diff, take it, watch Program follow — the real picture decoded
// through MSE, its pixels in each user's colour, the SEI overlay on the layout — and take cues by
// armed hotkeys only.
import { expect, test, type Page } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'
import { userColour } from '../../src/shared/media/userColour'
import { stayingRoom } from '../../src/simulator/world'

let h: Harness
test.afterEach(async () => {
  expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
  await h.close()
})

interface Shown {
  canvas: { w: number; h: number }
  regions: Array<{ uid: string; x: number; y: number; w: number; h: number }>
}
const overlayLayout = async (page: Page): Promise<Shown | null> => {
  const text = await page.getByTestId('program-overlay').getAttribute('data-layout')
  return text ? (JSON.parse(text) as Shown) : null
}

/** The decoded picture's RGB at a point of the layout canvas, read from the playing video element. */
async function pixelAt(page: Page, shown: Shown, x: number, y: number): Promise<{ r: number; g: number; b: number }> {
  return page.getByTestId('program-video').evaluate(
    (el, [fx, fy]) => {
      const v = el as HTMLVideoElement
      const c = document.createElement('canvas')
      c.width = v.videoWidth
      c.height = v.videoHeight
      const g = c.getContext('2d')!
      g.drawImage(v, 0, 0)
      const d = g.getImageData(Math.round(fx! * v.videoWidth), Math.round(fy! * v.videoHeight), 1, 1).data
      return { r: d[0]!, g: d[1]!, b: d[2]! }
    },
    [x / shown.canvas.w, y / shown.canvas.h],
  )
}

test('takes a layout to air and watches it: empty diff after Start, Take, the real picture under its SEI, armed hotkeys', async () => {
  test.setTimeout(90_000)
  h = await startHarness({ viewport: { width: 1280, height: 720 } })
  await h.open()
  const page = h.page
  // A live room with at least two users sending video for the next minutes, from the simulator's world.
  const room = stayingRoom(h.demo.world, h.demo.world.apps[0]!, Math.floor(Date.now() / 1000), { users: 2, forS: 180, video: true })?.room
  if (!room) throw new Error('the simulated world has no live room with two video users')

  await page.getByTestId('nav-show').click()
  await expect(page.getByTestId('show-task-name')).toHaveText('No mix running')
  await page.getByTestId('show-starter-2x2').click()
  await expect(page.getByTestId('show-preview-tile')).toHaveCount(4)
  await expect(page.getByTestId('show-room').locator('option')).not.toHaveCount(0)
  await page.getByTestId('show-room').selectOption({ label: room.roomId })
  await page.getByTestId('show-cdn').fill('rtmp://push.example.com/live/show')
  await page.getByTestId('show-start-button').click()

  // Right after Start, Preview is what is on air.
  await expect(page.getByTestId('show-message')).toContainText('The mix is on air with the Preview layout.')
  await expect(page.getByTestId('show-diff')).toHaveText('Preview is what is on air.')
  await expect(page.getByTestId('show-take')).toBeDisabled()
  await expect(page.getByTestId('show-details')).toBeHidden()

  // Program plays the real picture: time advances, the SEI overlay sits on it, and a region's
  // centre has its user's colour.
  const video = page.getByTestId('program-video')
  await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).currentTime), { timeout: 20_000 }).toBeGreaterThan(1)
  await expect(page.getByTestId('program-monitor')).toHaveAttribute('data-state', 'playing', { timeout: 10_000 })
  await expect.poll(async () => (await overlayLayout(page))?.regions.length ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(2)
  const two = (await overlayLayout(page))!
  for (const r of two.regions) expect([r.w, r.h]).toEqual([960, 540]) // 2 × 2 on 1920 × 1080
  const probe = two.regions[0]!
  const seen = await pixelAt(page, two, probe.x + probe.w / 2, probe.y + probe.h / 2)
  const want = userColour(probe.uid)
  for (const k of ['r', 'g', 'b'] as const) expect(Math.abs(seen[k] - want[k]), `${k} of ${probe.uid}: ${JSON.stringify(seen)} vs ${JSON.stringify(want)}`).toBeLessThan(24)
  await expect(page.getByTestId('show-latency')).toContainText(/Latency ≈ \d+\.\d s/)

  // Prepare 1 + 3 in Preview: the diff says what Take changes, tile by tile.
  await page.getByTestId('show-starter-onePlusThree').click()
  await expect(page.getByTestId('show-diff')).toHaveText('Take adds 0, removes 0 and changes 4 tiles.')
  await expect(page.locator('[data-testid="show-preview-tile"][data-change="moved"]')).toHaveCount(4)
  await page.screenshot({ path: test.info().outputPath('show-diff.png') })
  await page.getByTestId('show-take').click()
  await expect(page.getByTestId('show-message')).toContainText('Taken: Program now shows the Preview layout.')
  await expect(page.getByTestId('show-diff')).toHaveText('Preview is what is on air.')
  await page.getByTestId('show-message').getByText('Details').click()
  await expect(page.getByTestId('show-details')).toContainText(/SequenceNumber 1 · RequestId [0-9a-f-]{36}/)
  // The picture and its SEI follow: the speaker's region is two thirds of the canvas wide.
  await expect.poll(async () => (await overlayLayout(page))?.regions.some((r) => r.w === 1280) ?? false, { timeout: 15_000 }).toBe(true)
  const big = (await overlayLayout(page))!.regions.find((r) => r.w === 1280)!
  const bigSeen = await pixelAt(page, (await overlayLayout(page))!, big.x + big.w / 2, big.y + big.h / 2)
  const bigWant = userColour(big.uid)
  for (const k of ['r', 'g', 'b'] as const) expect(Math.abs(bigSeen[k] - bigWant[k])).toBeLessThan(24)
  await page.screenshot({ path: test.info().outputPath('show-taken.png') })

  // Cues: 1 + 3 (on air) and 2 × 2. Disarmed, digits and Space do nothing.
  await page.getByTestId('show-cue-add').click()
  await page.getByTestId('show-starter-2x2').click()
  await page.getByTestId('show-cue-add').click()
  await expect(page.getByTestId('show-cue')).toHaveCount(2)
  await expect(page.getByTestId('show-cue').nth(0)).toContainText('1 + 3')
  await expect(page.getByTestId('show-cue').nth(1)).toContainText('4 equal')
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('1')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('show-diff')).toHaveText('Take adds 0, removes 0 and changes 4 tiles.')
  const updates = () => h.services.cloud.requestLog.entries().filter((e) => e.action === 'UpdatePublishCdnStream').length
  expect(updates()).toBe(1)
  // Armed: 1 loads cue 1 into Preview (the layout on air), 2 loads the 2 × 2, Space takes it.
  await page.getByTestId('show-arm').check()
  await expect(page.getByText('Space / Enter: Take · 1–9: load cue')).toBeVisible()
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('1')
  await expect(page.getByTestId('show-diff')).toHaveText('Preview is what is on air.')
  await page.keyboard.press('2')
  await expect(page.getByTestId('show-diff')).toHaveText('Take adds 0, removes 0 and changes 4 tiles.')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('show-diff')).toHaveText('Preview is what is on air.')
  expect(updates()).toBe(2)
  await expect.poll(async () => (await overlayLayout(page))?.regions.every((r) => r.w === 960) ?? false, { timeout: 15_000 }).toBe(true)

  await page.getByTestId('show-stop').click()
  await expect(page.getByTestId('show-task-name')).toHaveText('No mix running')
})
