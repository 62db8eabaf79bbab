// The API console end to end: the built renderer in Chromium, the real main services in Node, the
// real TRTC client signing each call to the Demo profile's simulator over loopback HTTP.
import { expect, test, type Page } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'
import { englishOn } from '../harness/english'
import { stayingRoom } from '../../src/simulator/world'

let h: Harness
test.afterEach(async () => {
  expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
  await h.close()
})

async function openConsole(page: Page): Promise<void> {
  await page.getByTestId('nav-console').click()
  await expect(page.getByTestId('view-console')).toBeVisible()
}

/** A user who stays a while in a live numeric room of the Demo's first application. */
function liveUser(harness: Harness): { sdkAppId: number; roomId: string; userId: string } {
  const app = harness.demo.world.apps[0]!
  const found = stayingRoom(harness.demo.world, app, Math.floor(Date.now() / 1000), { users: 1, forS: 300, isString: false })
  if (!found) throw new Error('no live numeric room in the Demo world')
  return { sdkAppId: app.sdkAppId, roomId: found.room.roomId, userId: found.userIds[0]! }
}

test('reads rooms, blocks a user after confirming, and both calls are in the request log', async () => {
  h = await startHarness()
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await h.open()
  const page = h.page
  await openConsole(page)
  const sdkAppId = h.demo.world.apps[0]!.sdkAppId

  // DescribeRoomInfo is first, prefilled with the Demo's first application and the last hour.
  await page.getByTestId('console-filter').fill('roominfo')
  await page.getByTestId('console-action-DescribeRoomInfo').click()
  await expect(page.getByTestId('console-action')).toHaveText('DescribeRoomInfo')
  await expect(page.getByTestId('console-field-SdkAppId')).toHaveValue(String(sdkAppId))
  await expect(page.getByTestId('console-param-SdkAppId')).toContainText('Required')
  await expect(page.getByTestId('console-param-PageSize')).toContainText('1 to 100')
  await expect(page.getByTestId('console-region')).toHaveValue(h.demo.credentials.region)

  // A value out of range is marked as it is typed, and Send waits for it to be corrected.
  await page.getByTestId('console-field-PageSize').fill('500')
  await expect(page.getByTestId('console-issue-PageSize')).toHaveText('At most 100.')
  await expect(page.getByTestId('console-send')).toBeDisabled()
  await page.getByTestId('console-field-PageSize').fill('abc')
  await expect(page.getByTestId('console-issue-PageSize')).toHaveText('Enter a number.')
  await page.getByTestId('console-field-PageSize').fill('20')
  await expect(page.getByTestId('console-issue-PageSize')).toHaveCount(0)
  await expect(page.getByTestId('console-send')).toBeEnabled()

  // The JSON view holds the same request, and an edit there shows in the form.
  await page.getByTestId('console-mode-json').click()
  await expect(page.getByTestId('console-json')).toHaveValue(/"PageSize": 20/)
  const json = JSON.parse(await page.getByTestId('console-json').inputValue()) as Record<string, unknown>
  await page.getByTestId('console-json').fill(JSON.stringify({ ...json, PageSize: 10 }, null, 2))
  await page.getByTestId('console-mode-form').click()
  await expect(page.getByTestId('console-field-PageSize')).toHaveValue('10')

  await page.getByTestId('console-copy-tccli').click()
  await expect(page.getByTestId('console-copy-tccli')).toHaveText('Copied')
  const tccli = await page.evaluate(() => navigator.clipboard.readText())
  expect(tccli).toBe(`tccli trtc DescribeRoomInfo --region ${h.demo.credentials.region} --SdkAppId ${sdkAppId} --StartTime ${json['StartTime']} --EndTime ${json['EndTime']} --PageSize 10`)

  // A read is sent without asking.
  await page.getByTestId('console-send').click()
  const response = page.getByTestId('console-response')
  await expect(response.getByTestId('console-outcome')).toHaveText('Succeeded')
  await expect(response.getByTestId('console-request-id')).toHaveText(/^[0-9a-f-]{36}$/)
  await expect(response.getByTestId('console-summary').filter({ hasText: 'RoomList' })).toContainText(/\d+ rows/)
  await expect(response.getByTestId('console-response-json')).toContainText('"RoomList": [')
  const readId = await response.getByTestId('console-request-id').textContent()

  // A block changes state: a confirmation names the application and the room first.
  const target = liveUser(h)
  await page.getByTestId('console-filter').fill('')
  await page.getByTestId('console-action-SetUserBlocked').click()
  await page.getByTestId('console-field-RoomId').fill(target.roomId)
  await page.getByTestId('console-field-UserId').fill(target.userId)
  await expect(page.getByTestId('console-send')).toBeDisabled()
  await page.getByTestId('console-field-IsMute').selectOption('1')
  await page.getByTestId('console-send').click()
  const dialog = page.getByTestId('console-confirm')
  await expect(dialog).toContainText('Send SetUserBlocked?')
  await expect(dialog.getByTestId('console-confirm-app')).toHaveText(String(target.sdkAppId))
  await expect(dialog.getByTestId('console-confirm-room')).toHaveText(target.roomId)
  await dialog.getByTestId('console-confirm-send').click()
  await expect(dialog).toBeHidden()
  await expect(response.getByTestId('console-outcome')).toHaveText('Succeeded')
  await expect(response).toContainText('SetUserBlocked')
  const blockId = await response.getByTestId('console-request-id').textContent()
  expect(blockId).not.toBe(readId)

  // The session's calls, newest first; the older one loads back into the form.
  const items = page.getByTestId('console-history-item')
  await expect(items).toHaveCount(2)
  await expect(items.nth(0)).toContainText('SetUserBlocked')
  await items.nth(1).click()
  await expect(page.getByTestId('console-action')).toHaveText('DescribeRoomInfo')
  await expect(page.getByTestId('console-field-PageSize')).toHaveValue('10')
  await expect(response.getByTestId('console-request-id')).toHaveText(readId!)

  // Both calls are in the request log, marked as the console's.
  await page.getByTestId('console-open-log').click()
  await expect(page.getByTestId('view-settings')).toBeVisible()
  const log = page.getByTestId('request-log')
  for (const action of ['DescribeRoomInfo', 'SetUserBlocked']) {
    await expect(log.getByTestId('log-row').filter({ hasText: action }).filter({ has: page.getByTestId('log-origin-console') })).toHaveCount(1)
  }
  const logged = h.services.cloud.requestLog.entries().filter((e) => e.origin === 'console')
  expect(logged.map((e) => [e.action, e.requestId, e.mutating])).toEqual([
    ['DescribeRoomInfo', readId, false],
    ['SetUserBlocked', blockId, true],
  ])

  // Rooms knows of the block: the user's row in the room says blocked, and the audit has it.
  await page.getByTestId('nav-rooms').click()
  await page.getByTestId('rooms-filter').fill(target.roomId)
  await page.locator(`[data-testid="room-row"][data-room="${target.roomId}"]`).click()
  const row = page.getByTestId('room-detail').locator(`[data-testid="user-row"][data-user="${target.userId}"]`).first()
  await expect(row.getByTestId('user-blocked')).toBeVisible()
})

test('a refusal from Tencent Cloud shows its code, RequestId and what the code means', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await openConsole(page)
  await page.getByTestId('console-action-DescribeCloudRecording').click()
  await page.getByTestId('console-field-TaskId').fill('no-such-task')
  await page.getByTestId('console-send').click()
  const error = page.getByTestId('console-error')
  await expect(error).toBeVisible()
  await expect(page.getByTestId('console-outcome')).toHaveText('Failed')
  await expect(error.getByTestId('console-error-code')).toHaveText(/^[A-Za-z]+(\.[A-Za-z]+)*$/)
  await expect(error.getByTestId('console-error-request-id')).toHaveText(/^[0-9a-f-]{36}$/)
  await expect(error.getByTestId('console-error-meaning')).not.toBeEmpty()
  // Stopping a recording ends it for good: the confirmation says so.
  await page.getByTestId('console-action-DeleteCloudRecording').click()
  await page.getByTestId('console-field-TaskId').fill('no-such-task')
  await page.getByTestId('console-send').click()
  await expect(page.getByTestId('console-confirm-consequence')).toHaveText('This ends a running task. It cannot be resumed.')
  await page.getByTestId('console-confirm-cancel').click()
  await expect(page.getByTestId('console-history-item')).toHaveCount(1)
})

test('in zh-CN the console shows no English outside names, values and the cloud’s words', async () => {
  h = await startHarness({ locale: 'zh-CN', viewport: { width: 1280, height: 720 } })
  await h.open()
  const page = h.page
  const noEnglish = async (step: string) => expect(await englishOn(page), step).toEqual([])
  await openConsole(page)
  await expect(page.getByTestId('view-console').getByRole('heading', { level: 1 })).toHaveText('API 控制台')
  await noEnglish('console')

  // zod's issues, worded from their codes: out of range, not a number, a rule of the schema.
  await page.getByTestId('console-field-PageSize').fill('500')
  await expect(page.getByTestId('console-issue-PageSize')).toHaveText('至多为 100。')
  await page.getByTestId('console-field-PageNumber').fill('x')
  await expect(page.getByTestId('console-issue-PageNumber')).toHaveText('请输入数字。')
  await noEnglish('issues')
  // The schema's own rules are checked once its fields are in order.
  await page.getByTestId('console-field-PageSize').fill('')
  await page.getByTestId('console-field-PageNumber').fill('')
  const start = await page.getByTestId('console-field-StartTime').inputValue()
  await page.getByTestId('console-field-EndTime').fill(String(Number(start) - 60))
  await expect(page.getByTestId('console-issue-EndTime')).toHaveText('结束时间不能早于开始时间。')
  await noEnglish('a rule of the schema')
  await page.getByTestId('console-mode-json').click()
  await expect(page.getByTestId('console-json-issues')).toBeVisible()
  await noEnglish('JSON view')
  await page.getByTestId('console-mode-form').click()

  // Every group's actions, one with lists, choices and JSON fields.
  await page.getByTestId('console-action-CreateCloudRecording').click()
  await noEnglish('a form with JSON fields')
  await page.getByTestId('console-action-StartAIConversation').click()
  await page.getByTestId('console-field-LLMConfig').fill('{"LLMType": "openai"}')
  await expect(page.getByTestId('console-issue-LLMConfig').first()).toContainText('必填')
  await noEnglish('a JSON text checked inside')

  // A refusal of the cloud, and a confirmation.
  await page.getByTestId('console-action-DescribeCloudRecording').click()
  await page.getByTestId('console-field-TaskId').fill('no-such-task')
  await page.getByTestId('console-send').click()
  await expect(page.getByTestId('console-error')).toBeVisible()
  await noEnglish('a refusal')
  await page.getByTestId('console-action-DismissRoom').click()
  await page.getByTestId('console-field-RoomId').fill('1234')
  await page.getByTestId('console-send').click()
  await expect(page.getByTestId('console-confirm-consequence')).toHaveText('房间内所有人都将被移出，房间随之关闭。此操作无法撤销。')
  await noEnglish('the confirmation')
  await page.getByTestId('console-confirm-cancel').click()
})
