import { expect, test } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'

let h: Harness
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
