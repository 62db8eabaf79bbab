// Rooms and moderation, end to end: the built renderer in Chromium, the real main services in Node,
// the real TRTC client signing requests to the Demo profile's simulator over loopback HTTP.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'
import { returningUser } from '../../src/simulator/world'

let h: Harness
test.afterEach(async () => {
  expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
  await h.close()
})

/** Opens the first live room that has at least `minInRoom` users in it; returns its ID. */
async function openBusyRoom(page: Page, minInRoom: number): Promise<string> {
  await page.getByTestId('rooms-filter').waitFor()
  await page.getByText('Active', { exact: true }).click()
  await expect(page.getByTestId('room-row').first()).toBeVisible()
  const rows = page.getByTestId('room-row')
  const count = await rows.count()
  for (let i = 0; i < count; i++) {
    await rows.nth(i).click()
    const detail = page.getByTestId('room-detail')
    await expect(detail.getByTestId('user-row').first()).toBeVisible()
    const inRoom = await detail.locator('[data-testid="user-row"][data-in-room="true"]').count()
    if (inRoom >= minInRoom) return (await rows.nth(i).getAttribute('data-room'))!
  }
  throw new Error(`no live room with ${minInRoom} users`)
}

test('browses the Demo profile rooms from the simulator, sorted and filtered', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await expect(page.getByTestId('profile-switcher')).toContainText('Demo (local simulator)')
  await expect(page.getByTestId('room-row').first()).toBeVisible()
  const total = await page.getByTestId('room-row').count()
  expect(total).toBeGreaterThan(3)
  const first = (await page.getByTestId('room-row').first().getAttribute('data-room'))!
  await page.getByTestId('rooms-filter').fill(first)
  await expect(page.getByTestId('room-row')).toHaveCount(1)
  await page.getByTestId('rooms-filter').fill('')
  await page.getByTestId('sort-roomId').click()
  const ids = await page.getByTestId('room-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-room')!))
  expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  // Every request went through the real client and its request log.
  const log = h.services.cloud.requestLog.entries()
  expect(log.some((e) => e.action === 'DescribeRoomInfo' && e.outcome === 'ok')).toBe(true)
})

test('removes a user, blocks and unblocks, dismisses with a typed confirmation, and audits it all', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  const roomId = await openBusyRoom(page, 2)
  const detail = page.getByTestId('room-detail')
  const victim = (await detail.locator('[data-testid="user-row"][data-in-room="true"]').first().getAttribute('data-user'))!

  await detail.getByRole('checkbox', { name: `Act on ${victim}`, exact: true }).check()
  await detail.getByTestId('action-block').click()
  await page.getByText('Audio only').click()
  await page.getByTestId('confirm-block').click()
  await expect(detail.getByTestId('moderation-outcomes')).toContainText(new RegExp(`Blocked audio of ${victim} · done · [0-9a-f-]{36}`))
  // The user's row says so at once.
  const row = detail.locator(`[data-testid="user-row"][data-user="${victim}"][data-in-room="true"]`)
  await expect(row.getByTestId('user-blocked')).toHaveText('Audio off')

  await detail.getByRole('checkbox', { name: `Act on ${victim}`, exact: true }).check()
  await detail.getByTestId('action-unblock').click()
  await expect(detail.getByTestId('moderation-outcomes')).toContainText(`Unblocked ${victim} · done`)
  await expect(row.getByTestId('user-blocked')).toHaveCount(0)
  await expect(row).toContainText('In room')

  await detail.getByRole('checkbox', { name: `Act on ${victim}`, exact: true }).check()
  await detail.getByTestId('action-remove').click()
  await page.getByTestId('confirm-remove').click()
  await expect(detail.getByTestId('moderation-outcomes')).toContainText(`Removed ${victim} from the room · done`)
  // The list is read again from the simulator: the user has left.
  await expect(detail.locator(`[data-testid="user-row"][data-user="${victim}"][data-in-room="true"]`)).toHaveCount(0)

  await detail.getByTestId('action-dismiss').click()
  const confirm = page.getByTestId('confirm-dismiss')
  await expect(confirm).toBeDisabled()
  await page.getByTestId('confirm-room-id').fill(roomId + 'x')
  await expect(confirm).toBeDisabled()
  await page.getByTestId('confirm-room-id').fill(roomId)
  await confirm.click()
  await expect(detail.getByTestId('moderation-outcomes')).toContainText('Dismissed the room · done')
  await expect(detail.locator('[data-testid="user-row"][data-in-room="true"]')).toHaveCount(0)

  // Each mutation was sent exactly once.
  const sent = h.services.cloud.requestLog.entries().filter((e) => e.mutating)
  expect(sent.map((e) => e.action.replace('ByStrRoomId', ''))).toEqual(['SetUserBlocked', 'SetUserBlocked', 'RemoveUser', 'DismissRoom'])
  expect(sent.every((e) => e.retries === 0 && e.outcome === 'ok')).toBe(true)

  await page.getByTestId('tab-audit').click()
  const audit = page.getByTestId('audit-row')
  await expect(audit).toHaveCount(4)
  // In words, newest first; the API call behind each under "API call".
  await expect(audit.first().getByTestId('audit-said')).toHaveText('Dismissed the room')
  await expect(audit.nth(1).getByTestId('audit-said')).toHaveText(`Removed ${victim} from the room`)
  await expect(audit.nth(2).getByTestId('audit-said')).toHaveText(`Unblocked ${victim}`)
  await expect(audit.nth(3).getByTestId('audit-said')).toHaveText(`Blocked audio of ${victim}`)
  await audit.first().getByText('API call').click()
  await expect(audit.first()).toContainText(/DismissRoom\S* · — · RequestId [0-9a-f-]{36}/)
  const download = page.waitForEvent('download')
  await page.getByTestId('audit-export').click()
  const file = await (await download).path()
  const { readFile } = await import('node:fs/promises')
  const csv = await readFile(file, 'utf8')
  expect(csv.split('\r\n')[0]).toBe('time,profile,sdkAppId,roomId,roomIdType,action,apiAction,isMute,durationS,userIds,taskId,streamUrl,volume,paused,result,message,requestId,tencentCode')
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5)
})

test('a failing refresh keeps the last list on screen and says why; it recovers', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await expect(page.getByTestId('room-row').first()).toBeVisible()
  const before = await page.getByTestId('rooms-count').textContent()
  h.demo!.setFaults({ errorRate: { 'InternalError': 1 } })
  await page.getByTestId('rooms-refresh').click()
  await expect(page.getByTestId('rooms-error')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('rooms-count')).toHaveText(before!)
  await expect(page.getByTestId('room-row').first()).toBeVisible()
  h.demo!.setFaults({})
  await page.getByTestId('rooms-refresh').click()
  await expect(page.getByTestId('rooms-error')).toBeHidden({ timeout: 30_000 })
})

/** Opens a live room and blocks the first user in it (for `minutes`, or until unblocked). */
async function blockFirstUser(page: Page, minutes?: number): Promise<{ detail: Locator; user: string }> {
  await openBusyRoom(page, 1)
  const detail = page.getByTestId('room-detail')
  const user = (await detail.locator('[data-testid="user-row"][data-in-room="true"]').first().getAttribute('data-user'))!
  await detail.getByRole('checkbox', { name: `Act on ${user}`, exact: true }).check()
  await detail.getByTestId('action-block').click()
  if (minutes) await page.getByTestId('block-duration').selectOption(String(minutes))
  await page.getByTestId('confirm-block').click()
  return { detail, user }
}

test('a timed block schedules its unblock in main, shown in the room and cancellable', async () => {
  h = await startHarness()
  await h.open()
  const { detail, user } = await blockFirstUser(h.page, 15)
  await expect(detail.getByTestId('scheduled-unblocks')).toContainText(user)
  // The row counts down to the unblock.
  await expect(detail.locator(`[data-testid="user-row"][data-user="${user}"][data-in-room="true"]`).getByTestId('user-blocked')).toContainText(/A\/V off · 1[45]:\d\d/)
  const pending = (await h.services.dispatch('moderation.scheduled', undefined)) as { ok: true; value: Array<{ unblockAt: number; userIds: string[] }> }
  expect(pending.value).toHaveLength(1)
  expect(pending.value[0]!.userIds).toEqual([user])
  expect(pending.value[0]!.unblockAt - Date.now()).toBeGreaterThan(14 * 60_000)
  await detail.getByTestId('scheduled-unblocks').getByRole('button').click()
  await expect(detail.getByTestId('scheduled-unblocks')).toHaveCount(0)
  // The audit log says for how long.
  await h.page.getByTestId('tab-audit').click()
  await expect(h.page.getByTestId('audit-row').first().getByTestId('audit-said')).toHaveText(`Blocked audio and video of ${user} for 15 min`)
})

test('writes a post-event report of a room: users, call quality and moderation, as CSV and a printable page', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  const { detail, user } = await blockFirstUser(page)
  await expect(detail.getByTestId('moderation-outcomes')).toContainText('done')

  const { readFile } = await import('node:fs/promises')
  const csvDownload = page.waitForEvent('download')
  await detail.getByTestId('report-menu').click()
  await page.getByTestId('report-csv').click()
  const csv = await readFile(await (await csvDownload).path(), 'utf8')
  const lines = csv.trim().split('\r\n')
  expect(lines[0]).toBe('section,room,user,field,value,detail')
  expect(lines.some((l) => l.startsWith('user,') && l.includes(user))).toBe(true)
  expect(lines.some((l) => l.startsWith('quality,'))).toBe(true)
  expect(lines.some((l) => l.startsWith('moderation,') && l.includes('SetUserBlocked'))).toBe(true)

  const htmlDownload = page.waitForEvent('download')
  await detail.getByTestId('report-menu').click()
  await page.getByTestId('report-html').click()
  const html = await readFile(await (await htmlDownload).path(), 'utf8')
  expect(html).toContain('post-event report')
  expect(html).toContain(user)
  expect(html).toContain('Call quality')
})

test('ranks rooms by quality: the worst room is first after "Worst first", from main’s sweep of the simulator', async () => {
  h = await startHarness({ viewport: { width: 1280, height: 720 } })
  await h.open()
  const page = h.page
  await expect(page.getByTestId('room-row').first()).toBeVisible()
  // The sweep fills the quality columns and says how far it got.
  await expect(page.getByTestId('rooms-quality-progress')).toHaveText(/Quality for (\d+) of \1 rooms, next sweep in \d+ s/, { timeout: 20_000 })
  await page.getByTestId('rooms-worst-first').click()
  const snapshot = (await h.services.dispatch('rooms.qualitySnapshot', undefined)) as { ok: true; value: { rows: Array<{ commId: string; videoStutter: number | null; audioStutter: number | null }> } }
  const rooms = (await h.services.dispatch('rooms.fetch', { jobId: 'check', sdkAppId: h.demo.world.apps[0]!.sdkAppId, startTime: Math.floor(Date.now() / 1000) - 3600, endTime: Math.floor(Date.now() / 1000) })) as { ok: true; value: { rooms: Array<{ commId: string; roomId: string }> } }
  const worst = snapshot.value.rows
    .filter((r) => r.videoStutter !== null && r.audioStutter !== null)
    .sort((a, b) => Math.max(b.videoStutter!, b.audioStutter!) - Math.max(a.videoStutter!, a.audioStutter!))[0]!
  const worstRoom = rooms.value.rooms.find((r) => r.commId === worst.commId)!
  await expect(page.getByTestId('room-row').first()).toHaveAttribute('data-room', worstRoom.roomId)
  await expect(page.getByTestId('room-row').first().getByTestId('room-stutter')).toContainText(Math.max(worst.videoStutter!, worst.audioStutter!).toFixed(1))
  await page.screenshot({ path: test.info().outputPath('rooms-worst-first.png') })
})

test('a click on the dashboard’s stutter chart opens the rooms of that time, worst first', async () => {
  h = await startHarness({ viewport: { width: 1280, height: 720 } })
  await h.open()
  const page = h.page
  await expect(page.getByTestId('room-row').first()).toBeVisible()
  const all = Number((await page.getByTestId('rooms-count').textContent())!.match(/of (\d+)/)![1])
  await page.getByTestId('tab-dashboard').click()
  const chart = page.getByTestId('dash-chart-quality')
  await expect(chart.locator('canvas')).toHaveCount(1)
  await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 20_000 }).toBeGreaterThan(10)
  const box = (await chart.locator('.u-over').boundingBox())!
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2)
  // The rooms list, for the minutes around that point, sorted by stutter.
  await expect(page.getByTestId('tab-rooms')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('sort-stutter')).toContainText('▾')
  await expect(page.getByTestId('room-row').first()).toBeVisible()
  const shown = Number((await page.getByTestId('rooms-count').textContent())!.match(/of (\d+)/)![1])
  expect(shown).toBeGreaterThan(0)
  expect(shown).toBeLessThanOrEqual(all)
})

test('finds a user across the window’s rooms and opens one with that user charted', async () => {
  h = await startHarness({ viewport: { width: 1280, height: 720 } })
  await h.open()
  const page = h.page
  await expect(page.getByTestId('room-row').first()).toBeVisible()
  const nowS = Math.floor(Date.now() / 1000)
  // The simulator's own answer: the regular seen in the most rooms of the last hour.
  const regular = returningUser(h.demo.world, h.demo.world.apps[0]!, nowS - 3600, nowS, nowS)!
  expect(regular.commIds.length).toBeGreaterThanOrEqual(2)
  await page.getByTestId('rooms-find-user').fill(regular.userId)
  await page.getByTestId('rooms-find-user').press('Enter')
  const sightings = page.getByTestId('user-sighting')
  await expect(sightings).toHaveCount(regular.commIds.length, { timeout: 20_000 })
  await expect(page.getByTestId('user-sightings')).toContainText(`${regular.userId} was in ${regular.commIds.length} room(s) of this window`)
  const roomId = (await sightings.first().getAttribute('data-room'))!
  await sightings.first().getByTestId('user-sighting-open').click()
  const detail = page.getByTestId('room-detail')
  await expect(detail.locator('h2')).toHaveText(roomId)
  // Charted, not picked to act on.
  const row = detail.locator(`[data-testid="user-row"][data-user="${regular.userId}"]`).first()
  await expect(row.getByTestId('chart-toggle')).toHaveAttribute('aria-pressed', 'true')
  await expect(detail.getByTestId('picked-count')).toHaveText('0 picked')
  await expect(detail.getByTestId('quality-users')).toContainText(regular.userId)
  await page.screenshot({ path: test.info().outputPath('rooms-find-user.png') })
})

test('charting and acting are separate picks; the list stays in view while the room scrolls, and the split resizes', async () => {
  h = await startHarness({ viewport: { width: 1280, height: 720 } })
  await h.open()
  const page = h.page
  await openBusyRoom(page, 2)
  const detail = page.getByTestId('room-detail')
  const [a, b] = await detail.locator('[data-testid="user-row"][data-in-room="true"]').evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-user')!))
  const rowA = detail.locator(`[data-testid="user-row"][data-user="${a}"]`).first()
  // By default the first six are charted; taking one off charts the others and picks nobody.
  await expect(rowA.getByTestId('chart-toggle')).toHaveAttribute('aria-pressed', 'true')
  await rowA.getByTestId('chart-toggle').click()
  await expect(rowA.getByTestId('chart-toggle')).toHaveAttribute('aria-pressed', 'false')
  await expect(detail.getByTestId('quality-users')).not.toContainText(a!)
  await expect(detail.getByTestId('action-remove')).toBeDisabled()
  // Picking B to act on leaves the charts alone.
  await detail.getByRole('checkbox', { name: `Act on ${b}`, exact: true }).check()
  await expect(detail.getByTestId('picked-count')).toHaveText('1 picked')
  await expect(detail.getByTestId('action-remove')).toBeEnabled()
  await expect(rowA.getByTestId('chart-toggle')).toHaveAttribute('aria-pressed', 'false')

  // The room's detail scrolls in its own pane; the rooms list does not move.
  const list = page.getByTestId('rooms-table')
  const before = (await list.boundingBox())!
  const pane = page.getByTestId('rooms-detail-pane')
  await pane.hover()
  await page.mouse.wheel(0, 600)
  await expect.poll(() => pane.evaluate((e) => e.scrollTop)).toBeGreaterThan(100)
  expect((await list.boundingBox())!.y).toBe(before.y)

  // Dragging the splitter narrows the list, and the width is kept when a room is opened again.
  const splitter = page.getByTestId('rooms-splitter')
  const s = (await splitter.boundingBox())!
  await page.mouse.move(s.x + s.width / 2, s.y + 100)
  await page.mouse.down()
  await page.mouse.move(s.x + s.width / 2 - 100, s.y + 100, { steps: 6 })
  await page.mouse.up()
  const narrower = (await list.boundingBox())!.width
  expect(narrower).toBeLessThan(before.width - 80)
  await page.getByTestId('detail-close').click()
  await page.getByTestId('room-row').first().click()
  await expect(detail).toBeVisible()
  expect(Math.abs((await list.boundingBox())!.width - narrower)).toBeLessThan(2)
})
