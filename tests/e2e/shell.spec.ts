import { expect, test } from '@playwright/test'
import { channelNames } from '../../src/shared/contract/channels'
import { startHarness, type Harness } from '../harness/harness'

let h: Harness
test.afterEach(async () => {
  expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
  await h.close()
})

const expectations = {
  en: { rooms: 'Rooms', designer: 'Layout designer', sei: 'SEI preview', settings: 'Settings', demo: 'Demo (local simulator)', live: 'Live' },
  'zh-CN': { rooms: '房间', designer: '布局设计器', sei: 'SEI 预览', settings: '设置', demo: '演示（本地模拟器）', live: '进行中' },
} as const

for (const [locale, text] of Object.entries(expectations)) {
  test(`clicks through all four sections (${locale}, from the OS locale)`, async () => {
    h = await startHarness({ locale })
    await h.open()
    const page = h.page
    await expect(page.locator('html')).toHaveAttribute('lang', locale)
    await expect(page.getByTestId('view-rooms').getByRole('heading', { level: 1 })).toHaveText(text.rooms)
    await expect(page.getByTestId('profile-switcher')).toContainText(text.demo)
    await expect(page.getByTestId('rooms-table')).toContainText(text.live)
    await page.getByTestId('nav-designer').click()
    await expect(page.getByTestId('view-designer').getByRole('heading', { level: 1 })).toHaveText(text.designer)
    await page.getByTestId('nav-sei').click()
    await expect(page.getByTestId('view-sei').getByRole('heading', { level: 1 })).toHaveText(text.sei)
    await page.getByTestId('nav-settings').click()
    await expect(page.getByTestId('view-settings').getByRole('heading', { level: 1 })).toHaveText(text.settings)
    await expect(page.getByTestId('nav-settings')).toHaveAttribute('aria-current', 'page')
  })
}

test('keyboard shortcuts switch sections', async () => {
  h = await startHarness()
  await h.open()
  await expect(h.page.getByTestId('view-rooms')).toBeVisible()
  await h.page.keyboard.press('Control+4')
  await expect(h.page.getByTestId('view-sei')).toBeVisible()
  await h.page.keyboard.press('Control+3')
  await expect(h.page.getByTestId('view-show')).toBeVisible()
  await h.page.keyboard.press('Control+2')
  await expect(h.page.getByTestId('view-designer')).toBeVisible()
  await h.page.keyboard.press('Control+Comma')
  await expect(h.page.getByTestId('view-settings')).toBeVisible()
  await h.page.keyboard.press('Control+1')
  await expect(h.page.getByTestId('view-rooms')).toBeVisible()
})

test('language switch in Settings persists in main and survives a reload', async () => {
  h = await startHarness({ locale: 'en-US' })
  await h.open()
  await h.page.getByTestId('nav-settings').click()
  await h.page.getByTestId('language-select').selectOption('zh-CN')
  await expect(h.page.getByTestId('view-settings').getByRole('heading', { level: 1 })).toHaveText('设置')
  expect(h.services.settings.get().language).toBe('zh-CN')
  await h.page.reload()
  await expect(h.page.getByTestId('nav-rooms')).toContainText('房间')
})

test('theme follows the OS, and the Settings choice overrides it', async () => {
  h = await startHarness({ colorScheme: 'dark' })
  await h.open()
  await expect(h.page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await h.page.emulateMedia({ colorScheme: 'light' })
  await expect(h.page.locator('html')).toHaveAttribute('data-theme', 'light')
  await h.page.getByTestId('nav-settings').click()
  await h.page.getByText('Dark', { exact: true }).click()
  await expect(h.page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(h.services.settings.get().theme).toBe('dark')
})

test('settings pushed from main reach the renderer', async () => {
  h = await startHarness()
  await h.open()
  await expect(h.page.getByTestId('nav-rooms')).toContainText('Rooms')
  await h.services.dispatch('settings.update', { language: 'zh-CN' })
  await h.emit('settings.changed', h.services.settings.get())
  await expect(h.page.getByTestId('nav-rooms')).toContainText('房间')
})

test('About shows versions and opens documentation links in the OS browser only', async () => {
  h = await startHarness()
  await h.open()
  await h.page.getByTestId('profile-switcher').click()
  await expect(h.page.getByRole('menu')).toContainText('Demo (local simulator)')
  await h.page.getByRole('menuitem', { name: 'About TRTC Desk' }).click()
  const dialog = h.page.getByTestId('about-dialog')
  await expect(dialog).toContainText('0.1.0')
  await expect(dialog).toContainText(process.versions.node)
  await dialog.getByRole('button', { name: 'TRTC server API documentation' }).click()
  await expect.poll(() => h.externalUrls).toEqual(['https://trtc.io/document/34268'])
  await h.page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('window.api exposes only the contract and main rejects what the contract does not allow', async () => {
  h = await startHarness()
  await h.open()
  const result = await h.page.evaluate(async () => {
    const api = (window as unknown as { api: Record<string, unknown> }).api
    const keys = Object.keys(api).sort()
    const bad = await (api['shell.openExternal'] as (r: unknown) => Promise<unknown>)({ url: 'file:///etc/passwd' })
    const extra = await (api['settings.update'] as (r: unknown) => Promise<unknown>)({ theme: 'neon' })
    return { keys, bad, extra }
  })
  expect(result.keys).toEqual([...channelNames, 'on'].sort())
  expect(result.bad).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
  expect(result.extra).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
  expect(h.externalUrls).toEqual([])
})
