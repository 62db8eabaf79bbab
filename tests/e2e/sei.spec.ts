import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'

let h: Harness
const fixtures = join(__dirname, '../fixtures/media')
test.afterEach(async () => {
  expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
  await h.close()
})

test('draws the reference volume layout, and explains JSON that is not one', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await page.getByTestId('nav-sei').click()
  await page.getByTestId('sei-load-example').click()
  await expect(page.getByTestId('sei-region')).toHaveCount(3)
  await expect(page.getByTestId('view-sei')).toContainText('Canvas 1080 × 960')
  // 003 L2225: the user with volume 91 sits top right at x=540.
  const loud = page.locator('[data-testid="sei-region"][data-uid="64989a82272b308c"]')
  await expect(loud).toContainText('Volume 91')
  expect(await loud.locator('rect').first().getAttribute('x')).toBe('540')
  expect(Number(await loud.getByTestId('sei-meter').getAttribute('width'))).toBeCloseTo(540 * 0.91, 5)

  await page.getByTestId('sei-json').fill('{"app_data":"","canvas":{"w":100,"h":100},"regions":[{"uid":"a","zorder":1,"volume":10,"x":90,"y":0,"w":50,"h":50}],"ver":"1.0","ts":1}')
  await expect(page.getByTestId('sei-warnings')).toBeVisible()
  await page.getByTestId('sei-json').fill('{"canvas": "wide"}')
  await expect(page.getByTestId('sei-error')).toContainText('not a volume-layout JSON')
  await page.getByTestId('sei-json').fill('not json at all')
  await expect(page.getByTestId('sei-error')).toBeVisible()
})

test('opens a media file, parses it in a worker, scrubs its SEI and exports the volumes', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await page.getByTestId('nav-sei').click()
  await page.getByTestId('sei-tab-file').click()
  await page.getByTestId('sei-file-input').setInputFiles(join(fixtures, 'h264.flv'))
  await expect(page.getByTestId('sei-file-summary')).toContainText(/FLV · \d+ SEI messages, [1-9]\d* volume layouts/)
  await expect(page.getByTestId('sei-region').first()).toBeVisible()
  await expect(page.getByTestId('sei-volume-chart')).toBeVisible()
  const scrub = page.getByTestId('sei-scrub')
  const max = Number(await scrub.getAttribute('max'))
  expect(max).toBeGreaterThan(1)
  await scrub.fill(String(max))
  await expect(page.locator('.sei-list li[aria-current="true"]')).toContainText('s')
  await expect(page.getByTestId('sei-raw')).not.toBeEmpty()
  const download = page.waitForEvent('download')
  await page.getByTestId('sei-export-csv').click()
  const csv = await readFile(await (await download).path(), 'utf8')
  expect(csv.startsWith('pts_ms,ts,uid,volume,x,y,w,h\r\n')).toBe(true)
  expect(csv.trim().split('\r\n').length).toBeGreaterThan(2)
})

test('an MP4 plays under the overlay; a file that is not media says so', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await page.getByTestId('nav-sei').click()
  await page.getByTestId('sei-tab-file').click()
  await page.getByTestId('sei-file-input').setInputFiles(join(fixtures, 'h264.mp4'))
  await expect(page.getByTestId('sei-file-summary')).toContainText('MP4')
  await expect(page.getByTestId('sei-video')).toBeVisible()
  await expect(page.getByTestId('sei-region').first()).toBeVisible()
  await page.getByTestId('sei-file-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello, this is not a video') })
  await expect(page.getByTestId('sei-error')).toContainText('not FLV, MP4, MPEG-TS')
})

test('watches a live mix of the simulator: the volumes move and the latency is shown', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await page.getByTestId('nav-sei').click()
  await page.getByTestId('sei-tab-live').click()
  await page.getByTestId('sei-live-demo').click()
  await expect(page.getByTestId('sei-live-status')).toContainText('Live', { timeout: 20_000 })
  await expect(page.getByTestId('sei-region').first()).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('sei-latency')).toContainText(/Latency ≈ -?\d+\.\d s/)
  await expect(page.getByTestId('sei-canvas')).toHaveAttribute('aria-label', '1280 × 720')
  // The demo mix is a 2×2 custom layout of free slots: every speaker sits in one of its tiles.
  await expect(page.getByTestId('sei-expected-tile')).toHaveCount(4)
  await expect(page.getByTestId('sei-compare')).toContainText(/\d+ in place, 0 misplaced, 0 where no tile is, 0 named users missing/)
  const firstTs = await page.locator('.sei-meta').textContent()
  await expect.poll(async () => page.locator('.sei-meta').textContent(), { timeout: 15_000 }).not.toBe(firstTs)
  await page.getByTestId('sei-live-stop').click()
  await expect(page.getByTestId('sei-live-status')).toContainText('Disconnected')
  await page.getByRole('button', { name: 'Stop task' }).click()
  await expect(page.getByRole('button', { name: 'Stop task' })).toHaveCount(0)
})
