// Media and AI tasks from a room, end to end: the built renderer in Chromium, the real main services
// in Node, the Demo profile's simulator over loopback HTTP. A producer plays the demo clip into a
// live room, sees its robot among the room's users and in its events, pauses and stops it; starts
// and stops live captions; and is stopped from sending a voice agent with an incomplete config.
import { expect, test, type Page } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'
import { stayingRoom } from '../../src/simulator/world'

let h: Harness
test.afterEach(async () => {
  expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
  await h.close()
})

/** Opens a room of the Demo app that stays live for the next five minutes (and has a user in it). */
async function openLiveRoom(page: Page): Promise<string> {
  const app = h.demo.world.apps[0]!
  const { room } = stayingRoom(h.demo.world, app, Math.floor(Date.now() / 1000), { users: 1, forS: 300 })!
  await page.getByTestId('rooms-status-active').check({ force: true })
  await page.getByTestId('rooms-filter').fill(room.roomId)
  const row = page.locator(`[data-testid="room-row"][data-room="${room.roomId}"]`)
  await row.click()
  await expect(page.getByTestId('room-detail').getByTestId('user-row').first()).toBeVisible()
  return room.roomId
}

test('plays the demo clip into a live room: the robot is in its users and events, then pauses and stops', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  const roomId = await openLiveRoom(page)
  const detail = page.getByTestId('room-detail')
  await expect(detail.getByTestId('room-tasks')).toContainText('Nothing runs in this room')

  await detail.getByTestId('tasks-play').click()
  const dialog = page.getByTestId('ingest-dialog')
  await expect(dialog).toContainText(`Play into room ${roomId}`)
  // A wrong address is said as typed, and nothing can be sent.
  await dialog.getByTestId('ingest-url').fill('ftp://media.example.com/a.mp4')
  await expect(dialog.getByTestId('ingest-url-problem')).toContainText('http://, https:// or rtmp://')
  await expect(dialog.getByTestId('task-dialog-send')).toBeDisabled()
  await dialog.getByTestId('ingest-demo').click()
  await expect(dialog.getByTestId('ingest-url')).toHaveValue(/\/media\/demo-clip\.flv$/)
  await dialog.getByTestId('ingest-robot').fill('preroll')
  await dialog.getByTestId('ingest-repeat-loop').check({ force: true })
  await dialog.getByTestId('ingest-max-duration').fill('0')
  await expect(dialog.getByTestId('task-dialog-send')).toBeDisabled()
  await dialog.getByTestId('ingest-max-duration').fill('30')
  await dialog.getByTestId('task-dialog-send').click()
  await expect(dialog).toBeHidden()

  const task = detail.getByTestId('room-task')
  await expect(task).toHaveCount(1)
  await expect(task).toHaveAttribute('data-status', 'InProgress')
  await expect(task).toContainText('relay_preroll')
  await expect(task).toContainText('loops until stopped')
  // The list marks the room while something runs in it from here.
  const listed = page.locator(`[data-testid="room-row"][data-room="${roomId}"]`)
  await expect(listed.getByTestId('room-running')).toBeVisible()
  // The robot is one of the room's users, and its join is in its events.
  const robotRow = detail.locator('[data-testid="user-row"][data-user="relay_preroll"]')
  await expect(robotRow).toHaveAttribute('data-in-room', 'true')
  await detail.getByTestId('timeline-user').selectOption('relay_preroll')
  await expect(detail.getByTestId('timeline-event').first()).toBeVisible()

  await task.getByTestId('room-task-pause').click()
  await expect(task.getByTestId('room-task-status')).toHaveText('Paused')
  await expect(task.getByTestId('room-task-pause')).toHaveText('Resume')

  await task.getByTestId('room-task-stop').click()
  await expect(task).toHaveAttribute('data-status', 'ended')
  await expect(robotRow).toHaveAttribute('data-in-room', 'false')
  await expect(listed.getByTestId('room-running')).toHaveCount(0)
  await task.getByTestId('room-task-clear').click()
  await expect(task).toHaveCount(0)

  // Audited like moderation.
  await page.getByTestId('tab-audit').click()
  const audit = page.getByTestId('audit-row')
  await expect(audit.filter({ hasText: 'Played http' }).filter({ hasText: 'relay_preroll' })).toHaveCount(1)
  await expect(audit.filter({ hasText: 'Changed the media of relay_preroll: paused' })).toHaveCount(1)
  await expect(audit.filter({ hasText: 'Stopped the media of relay_preroll' })).toHaveCount(1)
})

test('starts and stops live captions, and checks a voice agent’s configs before sending', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await openLiveRoom(page)
  const detail = page.getByTestId('room-detail')

  await detail.getByTestId('tasks-captions').click()
  const dialog = page.getByTestId('ai-dialog')
  await dialog.getByTestId('ai-language').selectOption('zh')
  await dialog.getByTestId('ai-alternatives').getByText('English', { exact: true }).click()
  await dialog.getByTestId('ai-robot').fill('captions')
  await dialog.getByTestId('task-dialog-send').click()
  await expect(dialog).toBeHidden()
  const task = detail.getByTestId('room-task')
  await expect(task).toContainText('asr_captions')
  await expect(task).toContainText('Chinese (Mandarin)')
  await expect(task).toContainText('everyone in the room')
  // Preparing for a moment, then running (the cloud's status, asked for every few seconds).
  await expect(task).toHaveAttribute('data-status', /^(Preparing|InProgress)$/)
  await expect(detail.locator('[data-testid="user-row"][data-user="asr_captions"]')).toHaveAttribute('data-in-room', 'true')
  await task.getByTestId('room-task-stop').click()
  await expect(task).toHaveAttribute('data-status', 'ended')

  await detail.getByTestId('tasks-agent').click()
  const agent = page.getByTestId('ai-dialog')
  await expect(agent.getByTestId('ai-target')).not.toHaveValue('')
  await agent.getByTestId('ai-llm-example').click()
  await expect(agent.getByTestId('ai-llm-problem')).toHaveText('APIKey is required.')
  await agent.getByTestId('ai-llm').fill('{ "LLMType": "openai", "Model": "gpt-4o", "APIKey": "sk-e2e", "APIUrl": "not a url" }')
  await expect(agent.getByTestId('ai-llm-problem')).toHaveText('APIUrl has a value that is not allowed.')
  await agent.getByTestId('ai-llm').fill('{ "LLMType": "openai", "Model": "gpt-4o", "APIKey": "sk-e2e", "APIUrl": "https://llm.example.com/v1/chat/completions" }')
  await agent.getByTestId('ai-tts').fill('{ "AppId": 1300000000, "SecretId": "AKIDx", "SecretKey": "tts-e2e", "VoiceType": 101001')
  await expect(agent.getByTestId('ai-tts-problem')).toHaveText('Not valid JSON.')
  await expect(agent.getByTestId('task-dialog-send')).toBeDisabled()
  await agent.getByTestId('ai-tts').fill('{ "AppId": 1300000000, "SecretId": "AKIDx", "SecretKey": "tts-e2e", "VoiceType": 101001 }')
  await agent.getByTestId('task-dialog-send').click()
  await expect(agent).toBeHidden()
  const conversation = detail.locator('[data-testid="room-task"][data-kind="conversation"]')
  await expect(conversation).toContainText('talks with')
  await conversation.getByTestId('room-task-stop').click()
  await expect(conversation).toHaveAttribute('data-status', 'ended')
})
