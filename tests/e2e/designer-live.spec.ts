// Designer go-live for cloud recording, end to end: the built renderer in Chromium against the
// real main handlers and the simulator over HTTP. A recording starts with a 2 × 2 layout, cues are
// added and taken with the digit keys (each take confirmed by a RequestId), the simulator's task is
// read back after each take, the cue list survives a restart, and the recording stops.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'

let h: Harness | null = null
test.afterEach(async () => {
  if (!h) return
  expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
  await h.close()
  h = null
})

interface SimRecording {
  taskId: string
  status: string
  mixLayout: { MixLayoutMode: number; MixLayoutList?: Array<{ Top: number; Left: number; Width: number; Height: number }> } | null
}

async function simRecordings(endpoint: string): Promise<SimRecording[]> {
  return ((await (await fetch(`${endpoint}/admin/state`)).json()) as { recordings: SimRecording[] }).recordings
}
const sizes = (r: SimRecording | undefined) => (r?.mixLayout?.MixLayoutList ?? []).map((t) => `${t.Width}x${t.Height}`).sort()

async function openDesigner(page: Page) {
  await page.getByTestId('nav-designer').click()
  await page.getByTestId('view-designer').waitFor()
}

test('records a room with a 2 × 2 layout, takes cues by hotkey, reads each back from the simulator, and stops', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await openDesigner(page)
  await page.getByTestId('designer-starter-2x2').click()
  const panel = page.getByTestId('designer-golive')
  await panel.locator('label', { hasText: 'Cloud recording' }).click()
  await expect(panel.getByTestId('golive-target-recording')).toBeChecked()
  // The designer validates for the recording dialect now.
  await expect(page.getByTestId('designer-target-recording')).toBeChecked()

  // Bad input is shown before anything is sent, and nothing is lost when it is fixed.
  await panel.getByTestId('golive-rec-idle').fill('2')
  await panel.getByTestId('golive-rec-format').selectOption('2')
  await expect(panel.getByTestId('golive-rec-problems')).toContainText('whole number of seconds from 5 to 86400')
  await expect(panel.getByTestId('golive-rec-problems')).toContainText('AAC files need an audio-only recording')
  await panel.getByTestId('golive-rec-idle').fill('60')
  await panel.getByTestId('golive-rec-format').selectOption('1')
  await expect(panel.getByTestId('golive-rec-problems')).toHaveCount(0)

  await panel.getByRole('button', { name: 'Reload rooms' }).click()
  const room = panel.getByTestId('golive-room')
  await expect(room.locator('option')).not.toHaveCount(1)
  await room.selectOption({ index: 1 })
  await panel.getByTestId('golive-rec-prefix').fill('show_1')
  await panel.getByTestId('golive-start').click()
  await expect(panel.getByTestId('golive-message')).toContainText(/Recording .+ started — RequestId [0-9a-f-]{36}/)
  await expect(panel.getByTestId('golive-task')).toHaveCount(1)
  await expect(panel.getByTestId('golive-status')).toHaveText(/Waiting for an anchor|Recording/)
  let [rec] = await simRecordings(h.demo.endpoint)
  expect(sizes(rec)).toEqual(['960x540', '960x540', '960x540', '960x540'])

  // Two cues: the 2 × 2 and picture-in-picture, the second renamed.
  await panel.getByTestId('cue-add').click()
  await page.getByTestId('designer-starter-pip').click()
  await panel.getByTestId('cue-add').click()
  await expect(panel.getByTestId('cue')).toHaveCount(2)
  await panel.getByTestId('cue-name').nth(1).click()
  await panel.getByTestId('cue-name-input').fill('Host with guest')
  await panel.getByTestId('cue-name-input').press('Enter')
  await expect(panel.getByTestId('cue-name').nth(1)).toHaveText('Host with guest')
  await expect(panel.getByTestId('cue-state').nth(0)).toHaveText('Runs this layout')

  // Typing a digit in a text field takes nothing.
  await panel.getByTestId('golive-rec-prefix').press('End')
  await page.keyboard.press('2')
  await expect(panel.getByTestId('golive-rec-prefix')).toHaveValue('show_12')
  expect(h.services.cloud.requestLog.entries().filter((e) => e.action === 'ModifyCloudRecording')).toEqual([])

  // Disarmed, a digit takes nothing; armed, key 2 takes picture-in-picture to the recording and the
  // message carries the cloud's RequestId.
  await panel.getByRole('heading', { name: 'Go live' }).click()
  await page.keyboard.press('2')
  await expect(panel.getByTestId('cue-arm')).not.toBeChecked()
  expect(h.services.cloud.requestLog.entries().filter((e) => e.action === 'ModifyCloudRecording')).toEqual([])
  await panel.getByTestId('cue-arm').check()
  await expect(panel.getByText('Hotkeys armed')).toBeVisible()
  await panel.getByRole('heading', { name: 'Go live' }).click()
  await page.keyboard.press('2')
  await expect(panel.getByTestId('golive-message')).toContainText(/Cue 2 “Host with guest” taken — RequestId [0-9a-f-]{36}/)
  await expect(panel.getByTestId('cue').nth(1)).toHaveClass(/live/)
  await expect(panel.getByTestId('golive-live-cue')).toHaveText('Runs cue 2 · Host with guest')
  ;[rec] = await simRecordings(h.demo.endpoint)
  expect(sizes(rec)).toContain('1920x1080')
  expect(sizes(rec)).not.toContain('960x540')

  // Key 1 takes the 2 × 2 back.
  await page.keyboard.press('1')
  await expect(panel.getByTestId('golive-message')).toContainText(/Cue 1 “4 equal · open slots” taken — RequestId [0-9a-f-]{36}/)
  await expect(panel.getByTestId('cue').nth(0)).toHaveClass(/live/)
  ;[rec] = await simRecordings(h.demo.endpoint)
  expect(sizes(rec)).toEqual(['960x540', '960x540', '960x540', '960x540'])
  await expect(panel.getByTestId('golive-task')).toContainText('Layout changes: 2')

  await panel.getByTestId('golive-stop').click()
  await expect(panel.getByTestId('golive-task')).toHaveCount(0)
  ;[rec] = await simRecordings(h.demo.endpoint)
  expect(rec!.status).toBe('Exited')
  const mutations = h.services.cloud.requestLog.entries().filter((e) => e.mutating).map((e) => e.action)
  expect(mutations).toEqual(['CreateCloudRecording', 'ModifyCloudRecording', 'ModifyCloudRecording', 'DeleteCloudRecording'])

  // The cue list is kept in main's userData: a reloaded window reads it back in order.
  const file = JSON.parse(await readFile(join(h.userDataDir, 'cues.json'), 'utf8')) as { cues: Array<{ name: string }> }
  expect(file.cues.map((c) => c.name)).toEqual(['4 equal · open slots', 'Host with guest'])
  await h.open()
  await openDesigner(page)
  await expect(page.getByTestId('cue-name')).toHaveText(['4 equal · open slots', 'Host with guest'])
  await expect(page.getByTestId('cue-state').first()).toHaveText('No running task')
})
