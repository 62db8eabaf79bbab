// A user who reads Chinese walks every section, opens the dialogs and meets the failures a live
// show meets (connections reset, the cloud's internal errors): no English word reaches the page
// outside IDs, API names and the few names both languages share (tests/harness/english.ts).
import { expect, test } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'
import { englishOn } from '../harness/english'

let h: Harness
test.afterEach(async () => h?.close())

test('in zh-CN no English reaches the page: every section, dialogs, errors from main', async () => {
  test.setTimeout(120_000)
  h = await startHarness({ locale: 'zh-CN', viewport: { width: 1280, height: 720 } })
  await h.open()
  const page = h.page
  const noEnglish = async (step: string) => expect(await englishOn(page), step).toEqual([])

  await page.getByTestId('nav-rooms').click()
  await expect(page.getByTestId('room-row').first()).toBeVisible()
  await noEnglish('rooms')
  await page.getByTestId('rooms-status-active').check({ force: true })
  await page.getByTestId('room-row').first().click()
  await expect(page.getByTestId('room-detail').getByTestId('user-row').first()).toBeVisible()
  await noEnglish('a room')
  // Media and AI tasks: the dialogs with a problem each, a clip playing, its audit line.
  await page.getByTestId('tasks-play').click()
  await page.getByTestId('ingest-url').fill('ftp://media.example.com/a.mp4')
  await expect(page.getByTestId('ingest-url-problem')).toBeVisible()
  await noEnglish('play into room')
  await page.getByTestId('ingest-demo').click()
  await page.getByTestId('task-dialog-send').click()
  await expect(page.getByTestId('room-task')).toHaveAttribute('data-status', 'InProgress')
  await noEnglish('a clip playing')
  await page.getByTestId('tasks-agent').click()
  await page.getByTestId('ai-llm-example').click()
  await expect(page.getByTestId('ai-llm-problem')).toBeVisible()
  await noEnglish('voice agent')
  await page.keyboard.press('Escape')
  for (const tab of ['dashboard', 'audit']) {
    await page.getByTestId(`tab-${tab}`).click()
    await noEnglish(tab)
  }
  await page.getByTestId('tab-rooms').click()

  await page.getByTestId('nav-designer').click()
  await page.getByTestId('designer-starter-2x2').click()
  await expect(page.getByTestId('designer-tile')).toHaveCount(4)
  await expect(page.getByTestId('designer-tile').first()).toContainText('画面 1 · 任意用户')
  await expect(page.getByTestId('designer-docname')).toContainText('未命名布局')
  await noEnglish('designer')

  for (const section of ['show', 'sei', 'console', 'settings']) {
    await page.getByTestId(`nav-${section}`).click()
    await noEnglish(section)
    if (section !== 'sei') continue
    // The parsers' warnings and refusals, worded from their keys: a region off the canvas, then not a layout, then not media.
    await page.getByTestId('sei-json').fill('{"app_data":"","canvas":{"w":100,"h":100},"regions":[{"uid":"a1","zorder":1,"volume":10,"x":90,"y":0,"w":50,"h":50}],"ver":"1.0","ts":1}')
    await expect(page.getByTestId('sei-warnings')).toContainText('超出')
    await noEnglish('SEI warnings')
    await page.getByTestId('sei-json').fill('{"canvas": "wide"}')
    await expect(page.getByTestId('sei-error')).toBeVisible()
    await noEnglish('SEI not a layout')
    await page.getByTestId('sei-tab-file').click()
    await page.getByTestId('sei-file-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello, this is not a video') })
    await expect(page.getByTestId('sei-error')).toBeVisible()
    await noEnglish('SEI not media')
  }
  await page.getByTestId('profiles-add').click()
  await noEnglish('add a profile')
  await page.keyboard.press('Escape')
  await page.getByTestId('alerts-bell').click()
  await expect(page.getByTestId('alerts-panel')).toBeVisible()
  await noEnglish('alerts')
  await page.keyboard.press('Escape')

  // Failures worded by main's codes: a reset connection, then an internal error of the cloud.
  h.demo.setFaults({ resetRate: 1 })
  await page.getByTestId('nav-rooms').click()
  await page.getByTestId('rooms-refresh').click()
  await expect(page.getByRole('alert').or(page.getByTestId('rooms-error')).first()).toContainText(/连接|无法/, { timeout: 30_000 })
  await noEnglish('rooms, connection reset')
  h.demo.setFaults({ errorRate: { 'InternalError.DBError': 1 } })
  await page.getByTestId('nav-settings').click()
  await page.getByTestId('profile-test').first().click()
  await expect(page.getByTestId('profile-verdict')).toContainText('腾讯云无法查询其数据库')
  await noEnglish('settings, test failed')
})
