// Room detail insights, end to end: call-quality charts and a user's event timeline for a live room
// of the Demo profile's simulator, through the real services and TRTC client.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'

let h: Harness
test.afterEach(async () => {
  expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
  await h.close()
})

async function openLiveRoom(page: Page): Promise<Locator> {
  await page.getByTestId('rooms-filter').waitFor()
  await page.getByText('Active', { exact: true }).click()
  // The longest-running live room: a room that opened seconds ago has almost no samples yet.
  await page.getByTestId('sort-duration').click()
  await page.getByTestId('room-row').first().click()
  const detail = page.getByTestId('room-detail')
  await expect(detail.getByTestId('user-row').first()).toBeVisible()
  return detail
}

test('charts call quality and explains the events of a live room', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  const detail = await openLiveRoom(page)

  const charts = detail.getByTestId('quality-charts')
  await expect(charts).toBeVisible()
  const chart = charts.getByTestId('quality-chart').first()
  // The charts' code loads with the first room opened, and their data shares the rate budget with
  // the rooms list's quality sweep: on a loaded machine the first chart can take several seconds.
  await expect(chart).toBeVisible({ timeout: 15_000 })
  await expect(chart.locator('canvas')).toHaveCount(1)
  expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(10)
  await expect(charts.locator('[data-testid="quality-chart"][data-metric="cpu"]')).toHaveCount(1)
  // Every call respected the 6-user, 1-hour limits with metrics.
  const calls = h.services.cloud.requestLog.entries().filter((e) => e.action === 'DescribeCallDetailInfo')
  expect(calls.length).toBeGreaterThan(0)
  for (const c of calls) {
    expect(c.outcome).toBe('ok')
    const body = JSON.parse(c.payload) as { UserIds: string[]; StartTime: number; EndTime: number }
    expect(body.UserIds.length).toBeLessThanOrEqual(6)
    expect(body.EndTime - body.StartTime).toBeLessThanOrEqual(3600)
  }

  // Drag-select zooms; the reset button brings the full range back.
  const reset = charts.getByTestId('quality-reset')
  await expect(reset).toBeDisabled()
  await chart.scrollIntoViewIfNeeded()
  const box = (await chart.locator('.u-over').boundingBox())!
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect(reset).toBeEnabled()
  await reset.click()
  await expect(reset).toBeDisabled()

  const timeline = detail.getByTestId('event-timeline')
  await expect(timeline).toBeVisible()
  const events = timeline.getByTestId('timeline-event')
  await expect(events.first()).toBeVisible()
  // The first event of a session is entering the room, explained from the Event ID table.
  await expect(events.first()).toContainText(/enter|Entered|Connected signaling/i)
  const known = await timeline.locator('[data-testid="timeline-event"][data-known="true"]').count()
  expect(known).toBe(await events.count())
  await expect(timeline).not.toContainText('Unknown event')
})

test('explains events in Chinese when the UI is in Chinese', async () => {
  h = await startHarness({ locale: 'zh-CN' })
  await h.open()
  const page = h.page
  await page.getByTestId('rooms-filter').waitFor()
  await page.getByText('进行中', { exact: true }).first().click()
  await page.getByTestId('room-row').first().click()
  const timeline = page.getByTestId('room-detail').getByTestId('event-timeline')
  await expect(timeline.getByTestId('timeline-event').first()).toContainText(/进入房间|信令通道连接成功/)
  await expect(page.getByTestId('room-detail').getByTestId('quality-charts')).toContainText('通话质量')
})

test('shows a failed quality query as a message and recovers on retry', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  const detail = await openLiveRoom(page)
  const charts = detail.getByTestId('quality-charts')
  // The first charts of a room come while the rooms list's quality sweep runs; on a loaded
  // two-core machine running two browsers that can take longer than the default 5 s.
  await expect(charts.getByTestId('quality-chart').first()).toBeVisible({ timeout: 15_000 })
  h.demo.setFaults({ errorRate: { 'AuthFailure.UnauthorizedOperation': 1 } })
  await charts.getByTestId('quality-range-15m').click()
  const error = charts.getByTestId('quality-error')
  await expect(error).toBeVisible()
  await expect(error).toHaveAttribute('role', 'alert')
  await expect(charts.getByTestId('quality-chart')).toHaveCount(0)
  h.demo.setFaults({})
  await error.getByRole('button').click()
  await expect(charts.getByTestId('quality-chart').first()).toBeVisible({ timeout: 15_000 })
})
