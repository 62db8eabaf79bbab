// The live dashboard tab end to end: real renderer in Chromium, real main services, the Demo
// profile's simulator over HTTP.
import { expect, test, type Page } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'

let h: Harness
test.afterEach(async () => {
  expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
  await h.close()
})

// The dashboard's app-wide polls; the rooms list's quality sweep asks the same action per RoomId.
const realtimeCalls = () => h.services.cloud.requestLog.entries().filter((e) => e.action === 'DescribeTRTCRealTimeScaleData' && !e.payload.includes('"RoomId"')).length

async function openDashboard(page: Page): Promise<void> {
  await page.getByTestId('nav-rooms').click()
  await page.getByTestId('tab-dashboard').click()
  await page.getByTestId('dashboard').waitFor()
}

test('shows real-time, market and usage data, and pause stops the polling', async () => {
  test.setTimeout(150_000)
  h = await startHarness()
  await h.open()
  const page = h.page
  await openDashboard(page)

  const scale = page.getByTestId('dash-chart-scale')
  await expect(scale.locator('canvas')).toHaveCount(1)
  expect(Number(await scale.getAttribute('data-points'))).toBeGreaterThan(20)
  await expect(page.getByTestId('dash-chart-quality').locator('canvas')).toHaveCount(1)
  await expect(page.getByTestId('dash-kpi-users').locator('strong')).toHaveText(/^\d[\d,]*$/)
  await expect(page.getByTestId('dash-updated')).toContainText(/Updated \d+ s ago/)

  // Market and usage load on their own for the default last 7 days.
  await expect(page.getByTestId('dash-chart-market-scale').locator('canvas')).toHaveCount(1)
  await expect(page.getByTestId('dash-chart-market-join').locator('canvas')).toHaveCount(1)
  for (const k of ['trtc', 'recordingSingle', 'recordingMulti', 'mixTranscoding', 'relay']) {
    await expect(page.getByTestId(`dash-panel-usage-${k}`).getByTestId('dash-usage-total')).toContainText(/Total: [\d,]+ min/)
  }
  // Usage by room for today, on demand.
  await page.getByTestId('dash-rooms-load').click()
  await expect(page.getByTestId('dash-rooms-row').first()).toBeVisible()
  await expect(page.getByTestId('dash-rooms-table').locator('th')).toContainText(['Room', 'Audio', 'SD', 'HD', 'FullHD', '2K', '4K', 'Total'])

  // A usage period over 31 days is refused in the form, in words.
  await page.getByTestId('dash-usage-from').fill('2020-01-01')
  await expect(page.getByTestId('dash-usage-problem')).toHaveText('A usage period may cover 31 days at most.')
  await expect(page.getByTestId('dash-usage-load')).toBeDisabled()

  // The shortest interval polls every 10 s, and the choice is saved in the settings.
  await page.getByTestId('dash-interval').selectOption('10')
  await expect.poll(() => h.services.settings.get().dashboardRefreshS).toBe(10)
  const before = realtimeCalls()
  await expect.poll(realtimeCalls, { timeout: 15_000 }).toBeGreaterThan(before)

  await page.getByTestId('dash-pause').click()
  await expect(page.getByTestId('dash-updated')).toHaveText('Paused — no requests are sent')
  const paused = realtimeCalls()
  await page.waitForTimeout(12_000)
  expect(realtimeCalls()).toBe(paused)

  // Resume fetches at once.
  await page.getByTestId('dash-pause').click()
  await expect.poll(realtimeCalls).toBeGreaterThan(paused)
  await expect(page.getByTestId('dash-updated')).toContainText(/Updated \d+ s ago/)

  // Leaving the tab stops polling too: main keeps no timer.
  await page.getByTestId('tab-rooms').click()
  await expect
    .poll(async () => {
      const r = await h.services.dispatch('dashboard.pause', { paused: false })
      return r.ok ? (r.value as { running: boolean; nextAt: number | null }) : null
    })
    .toMatchObject({ running: false, nextAt: null })
  const left = realtimeCalls()
  await page.waitForTimeout(2_000)
  expect(realtimeCalls()).toBe(left)
})

test('a Free edition account is told which edition it needs, while usage still works', async () => {
  h = await startHarness({ locale: 'zh-CN' })
  h.demo.setEdition('free')
  await h.open()
  const page = h.page
  await openDashboard(page)
  for (const id of ['dash-panel-scale', 'dash-panel-quality', 'dash-panel-market-scale', 'dash-panel-market-quality']) {
    const notice = page.getByTestId(id).getByTestId('dash-edition')
    await expect(notice).toContainText('免费版')
    await expect(notice).toContainText('标准版或尊享版')
  }
  await expect(page.getByTestId('dash-panel-scale').getByTestId('dash-error')).toHaveCount(0)
  await expect(page.getByTestId('dash-panel-usage-trtc').getByTestId('dash-usage-total')).toContainText('分钟')
})

test('a failing refresh keeps the last data marked stale, and the next one recovers', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await openDashboard(page)
  const panel = page.getByTestId('dash-panel-scale')
  await expect(panel.getByTestId('dash-chart-scale').locator('canvas')).toHaveCount(1)

  h.demo.setFaults({ errorRate: { InternalError: 1 } })
  await page.getByTestId('dash-refresh').click()
  await expect(panel.getByTestId('dash-stale')).toContainText(/Showing data from \d+ s ago/, { timeout: 20_000 })
  await expect(panel).toHaveAttribute('data-state', 'stale')
  await expect(panel.getByTestId('dash-chart-scale').locator('canvas')).toHaveCount(1)

  h.demo.setFaults({})
  await page.getByTestId('dash-refresh').click()
  await expect(panel).toHaveAttribute('data-state', 'ok', { timeout: 20_000 })
  await expect(panel.getByTestId('dash-stale')).toHaveCount(0)
})
