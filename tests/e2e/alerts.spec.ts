// Alerts end to end: a rule made in the UI, polled by the real main service against the Demo
// profile's simulator, fired (desktop notification recorded by the harness), acknowledged.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'
import { stayingRoom } from '../../src/simulator/world'

let h: Harness
test.afterEach(async () => {
  expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
  await h.close()
})

test('creates a rule in the panel, sees it fire and acknowledges it; the acknowledgement is on disk', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await expect(page.getByTestId('profile-switcher')).toContainText('Demo (local simulator)')
  await expect(page.getByTestId('alerts-count')).toHaveCount(0)

  await page.getByTestId('alerts-bell').click()
  const panel = page.getByTestId('alerts-panel')
  await expect(panel).toContainText('No alerts yet.')
  await panel.getByTestId('alerts-tab-rules').click()
  await panel.getByTestId('alert-rule-add').click()

  // Bad input: a clear message, nothing lost.
  await panel.getByTestId('ar-save').click()
  await expect(panel.getByTestId('ar-error')).toHaveText('Give the rule a name.')
  await panel.getByTestId('ar-name').fill('Anyone online')
  await panel.getByTestId('ar-threshold').fill('lots')
  await panel.getByTestId('ar-save').click()
  await expect(panel.getByTestId('ar-error')).toHaveText('“Threshold” must be a number.')
  await expect(panel.getByTestId('ar-name')).toHaveValue('Anyone online')

  await panel.getByTestId('ar-metric').selectOption('userCount')
  await panel.getByTestId('ar-threshold').fill('0')
  await panel.getByTestId('ar-duration').fill('0')
  await panel.getByTestId('ar-save').click()
  await expect(panel.getByTestId('alert-rule')).toHaveCount(1)
  await expect(panel.getByTestId('alert-rule')).toContainText('Online users > 0')

  // Saving a rule checks at once; the alert arrives by push.
  await expect(page.getByTestId('alerts-count')).toHaveText('1')
  await panel.getByTestId('alerts-tab-alerts').click()
  const item = panel.getByTestId('alert-item')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('Anyone online')
  await expect(item).toContainText('Ongoing')
  await expect(item.getByTestId('alert-what')).toHaveText(/^Online users \d+ > 0$/)
  expect(h.notifications).toHaveLength(1)
  expect(h.notifications[0]!.title).toBe('Anyone online')

  await item.getByTestId('alert-ack').click()
  await expect(item).toContainText('Acknowledged')
  await expect(page.getByTestId('alerts-count')).toHaveCount(0)
  const onDisk = JSON.parse(await readFile(join(h.userDataDir, 'alerts.json'), 'utf8')) as { alerts: { acknowledgedAt: number | null }[] }
  expect(onDisk.alerts).toHaveLength(1)
  expect(onDisk.alerts[0]!.acknowledgedAt).toEqual(expect.any(Number))
})

test('a VIP rule alerts when the VIP is removed from the room, in Chinese', async () => {
  h = await startHarness({ locale: 'zh-CN' })
  await h.open()
  const page = h.page
  // A live room with two users in it who stay for a while.
  const app = h.demo.world.apps[0]!
  const staying = stayingRoom(h.demo.world, app, Math.floor(Date.now() / 1000), { users: 2, forS: 120 })
  expect(staying).toBeDefined()
  const room = staying!.room
  const vip = staying!.userIds[1]!

  await page.getByTestId('alerts-bell').click()
  const panel = page.getByTestId('alerts-panel')
  await panel.getByTestId('alerts-tab-rules').click()
  await panel.getByTestId('alert-rule-add').click()
  await panel.getByTestId('ar-name').fill('VIP 监控')
  await panel.getByTestId('ar-kind-vip').check({ force: true })
  await panel.getByTestId('ar-app').selectOption(String(app.sdkAppId))
  await panel.getByTestId('ar-room').fill(room.roomId)
  await panel.getByTestId('ar-vips').fill('bad!id')
  await panel.getByTestId('ar-duration').fill('0')
  await panel.getByTestId('ar-save').click()
  await expect(panel.getByTestId('ar-error')).toHaveText('用户 ID 只能包含字母、数字、下划线和连字符：“bad!id”。')
  await panel.getByTestId('ar-vips').fill(vip)
  await panel.getByTestId('ar-save').click()
  await expect(panel.getByTestId('alert-rule')).toContainText('1 位 VIP')

  // The first check sees the VIP in the room; then they are removed through the app itself.
  await expect.poll(() => h.services.alerts.list().status.lastPollAt).not.toBeNull()
  const kicked = await h.services.dispatch('moderation.run', { action: 'remove', sdkAppId: app.sdkAppId, roomId: room.roomId, roomIdType: room.isString ? 'string' : 'number', userIds: [vip] })
  expect(kicked.ok).toBe(true)
  // The next check, as the timer would run it.
  await h.services.alerts.pollNow()

  await panel.getByTestId('alerts-tab-alerts').click()
  await expect(panel.getByTestId('alert-item')).toHaveCount(1)
  await expect(panel.getByTestId('alert-item')).toContainText(`VIP ${vip} 已离开`)
  await expect(panel.getByTestId('alert-item')).toContainText(`房间 ${room.roomId}`)
  expect(h.notifications.at(-1)).toEqual({ title: 'VIP 监控', body: `VIP ${vip} 已离开房间 ${room.roomId}。` })
  await panel.getByTestId('alert-ack-all').click()
  await expect(page.getByTestId('alerts-count')).toHaveCount(0)
})
