// Writes a PNG of every screen, light and dark, so anyone can look at the UI without Electron.
// Usage: npm run screenshots [-- <output folder> [<screen name>…]]   (default: screenshots/, every screen)
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { launchBrowser, startHarness, type Harness } from './harness'
import { dndScreens } from './designerDndScreens'
import { stayingRoom } from '../../src/simulator/world'

export interface Screen {
  name: string
  /** Brings the app into the state to capture; the page starts freshly loaded. */
  show(page: Page, h: Harness): Promise<void>
}

const nav = (section: string) => async (page: Page) => {
  await page.getByTestId(`nav-${section}`).click()
  await page.getByTestId(`view-${section}`).waitFor()
}

/** Clicks scroll every ancestor into view: put them back, and scroll only the designer's side panel to `selector`. */
const sidePanelTo = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement
    const side = el.closest('.designer-side') as HTMLElement
    for (let p = side.parentElement; p; p = p.parentElement) p.scrollTop = 0
    side.scrollTop += el.getBoundingClientRect().top - side.getBoundingClientRect().top - 8
  }, selector)

/** Opens the first live room of the list and waits for its users. */
async function openLiveRoom(page: Page): Promise<void> {
  await page.getByTestId('rooms-status-active').check({ force: true })
  await page.getByTestId('room-row').first().click()
  await page.getByTestId('user-row').first().waitFor()
}

export const screens: Screen[] = [
  { name: 'rooms', show: nav('rooms') },
  { name: 'designer', show: nav('designer') },
  {
    name: 'designer-2x2',
    show: async (page) => {
      await nav('designer')(page)
      await page.getByTestId('designer-starter-2x2').click()
      await page.getByTestId('designer-tile').nth(1).click()
    },
  },
  {
    name: 'designer-template',
    show: async (page) => {
      await nav('designer')(page)
      await page.getByTestId('designer-mode-screenShare').check({ force: true })
      await page.getByTestId('designer-target-recording').check({ force: true })
    },
  },
  {
    name: 'designer-live',
    show: async (page) => {
      await nav('designer')(page)
      await page.getByTestId('designer-starter-2x2').click()
      const panel = page.getByTestId('designer-golive')
      await panel.getByTestId('golive-target-recording').locator('..').click()
      // Focusing the room list loads the live rooms.
      await panel.getByTestId('golive-room').focus()
      await panel.getByTestId('golive-room').locator('option').nth(1).waitFor({ state: 'attached' })
      await panel.getByTestId('golive-room').selectOption({ index: 1 })
      await panel.getByTestId('golive-start').click()
      await panel.getByTestId('golive-task').waitFor()
      for (const starter of ['pip', '3x3']) {
        await panel.getByTestId('cue-add').click()
        await page.getByTestId(`designer-starter-${starter}`).click()
      }
      await panel.getByTestId('cue-add').click()
      await panel.getByRole('heading').first().click()
      await page.keyboard.press('2')
      await panel.locator('.cue.live').waitFor()
      await sidePanelTo(page, '[data-testid="golive-message"]')
    },
  },
  {
    name: 'designer-mix-form',
    show: async (page) => {
      await nav('designer')(page)
      await page.getByTestId('designer-starter-2x2').click()
      const panel = page.getByTestId('designer-golive')
      await panel.getByTestId('golive-cdn').fill('rtmp://push.example.com/live/show')
      await panel.getByTestId('golive-enc-gop').fill('8')
      await sidePanelTo(page, '[data-testid="designer-golive"]')
    },
  },
  {
    name: 'designer-live-form',
    show: async (page) => {
      await nav('designer')(page)
      const panel = page.getByTestId('designer-golive')
      await panel.getByTestId('golive-target-recording').locator('..').click()
      await panel.getByTestId('golive-rec-idle').fill('2')
      await panel.getByTestId('golive-rec-format').selectOption('2')
      await panel.getByTestId('golive-enc-fps').fill('90')
      await sidePanelTo(page, '[data-testid="designer-golive"]')
    },
  },
  ...dndScreens,
  { name: 'sei', show: nav('sei') },
  {
    name: 'sei-file',
    show: async (page) => {
      await nav('sei')(page)
      await page.getByTestId('sei-tab-file').click()
      await page.getByTestId('sei-file-input').setInputFiles(resolve(__dirname, '../fixtures/media/h264.flv'))
      await page.getByTestId('sei-volume-chart').waitFor()
    },
  },
  {
    name: 'console',
    show: async (page) => {
      await nav('console')(page)
      await page.getByTestId('console-field-PageSize').fill('20')
      await page.getByTestId('console-send').click()
      await page.getByTestId('console-request-id').waitFor()
    },
  },
  {
    name: 'console-error',
    show: async (page) => {
      await nav('console')(page)
      await page.getByTestId('console-action-DescribeCloudRecording').click()
      await page.getByTestId('console-field-TaskId').fill('no-such-task')
      await page.getByTestId('console-send').click()
      await page.getByTestId('console-error').waitFor()
      await page.getByTestId('console-action-DescribeUserInfo').click()
      await page.getByTestId('console-field-PageSize').fill('500')
      await page.getByTestId('console-field-UserIds').fill('host_anna, guest#li')
    },
  },
  {
    name: 'console-json',
    show: async (page) => {
      await nav('console')(page)
      await page.getByTestId('console-action-StartAIConversation').click()
      await page.getByTestId('console-mode-json').click()
      await page.getByTestId('console-json').fill(JSON.stringify({ SdkAppId: 1400000001, RoomId: 'class-7f3k2a', AgentConfig: { UserId: 'robot_1', UserSig: '', TargetUserId: 'host_anna' }, STTConfig: { Language: 'zh-dialect', AlternativeLanguage: ['en'] } }, null, 2))
    },
  },
  {
    name: 'console-confirm',
    show: async (page, h) => {
      await nav('console')(page)
      const app = h.demo.world.apps[0]!
      const live = stayingRoom(h.demo.world, app, Math.floor(Date.now() / 1000), { users: 1, forS: 60, isString: false })!
      await page.getByTestId('console-action-RemoveUser').click()
      await page.getByTestId('console-field-RoomId').fill(live.room.roomId)
      await page.getByTestId('console-field-UserIds').fill(live.userIds.slice(0, 2).join(', '))
      await page.getByTestId('console-send').click()
      await page.getByTestId('console-confirm').waitFor()
    },
  },
  {
    name: 'settings',
    show: async (page) => {
      await nav('settings')(page)
      await page.getByTestId('profile-test').first().click()
      await page.getByTestId('profile-verdict').waitFor()
    },
  },
  {
    name: 'profile-add',
    show: async (page) => {
      await nav('settings')(page)
      await page.getByTestId('profiles-add').click()
      await page.getByTestId('profile-dialog').waitFor()
    },
  },
  {
    name: 'room-detail',
    show: async (page) => {
      await page.getByText('Active', { exact: true }).first().click().catch(() => undefined)
      await page.getByTestId('room-row').first().click()
      await page.getByTestId('user-row').first().waitFor()
      // The charts load with the room (their code on first use), then draw.
      await page.locator('[data-testid="room-detail"] .u-over').first().waitFor({ timeout: 20_000 })
    },
  },
  {
    name: 'room-tasks',
    show: async (page) => {
      await openLiveRoom(page)
      // A clip playing and live captions running, as a producer sees them mid-show.
      await page.getByTestId('tasks-play').click()
      await page.getByTestId('ingest-demo').click()
      await page.getByTestId('ingest-repeat-loop').check({ force: true })
      await page.getByTestId('task-dialog-send').click()
      await page.getByTestId('tasks-captions').click()
      await page.getByTestId('task-dialog-send').click()
      await page.getByTestId('room-task').nth(1).waitFor()
      await page.getByTestId('room-tasks').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    },
  },
  {
    name: 'ingest-dialog',
    show: async (page) => {
      await openLiveRoom(page)
      await page.getByTestId('tasks-play').click()
      await page.getByTestId('ingest-url').fill('ftp://media.example.com/preroll.mp4')
      await page.getByTestId('ingest-repeat-times').check({ force: true })
    },
  },
  {
    name: 'ai-agent-dialog',
    show: async (page) => {
      await openLiveRoom(page)
      await page.getByTestId('tasks-agent').click()
      await page.getByTestId('ai-llm-example').click()
      await page.getByTestId('ai-tts').fill('{ "AppId": 1300000000, "VoiceType": 101001 ')
    },
  },
  {
    name: 'rooms-find-user',
    show: async (page) => {
      // Once the sweep has read the rooms' users, a part of an ID finds the regulars across rooms.
      await page.getByTestId('rooms-quality-progress').filter({ hasText: /(\d+)\D+\1\D/ }).waitFor({ timeout: 30_000 })
      await page.getByTestId('rooms-find-user').fill('guest_')
      await page.getByTestId('rooms-find-user').press('Enter')
      await page.getByTestId('user-sighting').first().waitFor()
    },
  },
  {
    name: 'dashboard',
    show: async (page) => {
      await page.getByTestId('tab-dashboard').click()
      await page.locator('[data-testid="dash-chart-scale"] canvas').waitFor()
      await page.locator('[data-testid="dash-chart-market-scale"] canvas').waitFor()
    },
  },
  {
    name: 'dashboard-usage',
    show: async (page) => {
      await page.getByTestId('tab-dashboard').click()
      await page.locator('[data-testid="dash-chart-usage-relay"] canvas').waitFor()
      await page.getByTestId('dash-panel-usage-trtc').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    },
  },
  {
    name: 'dashboard-rooms',
    show: async (page) => {
      await page.getByTestId('tab-dashboard').click()
      await page.locator('[data-testid="dash-chart-usage-relay"] canvas').waitFor()
      await page.getByTestId('dash-rooms-load').click()
      await page.getByTestId('dash-rooms-row').first().waitFor()
      await page.getByTestId('dash-rooms').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    },
  },
  {
    name: 'profile-menu',
    show: async (page) => {
      await page.getByTestId('profile-switcher').click()
      await page.getByRole('menu').waitFor()
    },
  },
  {
    name: 'nav-tooltip',
    show: async (page) => {
      // The tooltips load after the first paint; a pointer resting on the button shows one once it moves.
      for (let i = 0; i < 20 && !(await page.locator('.tooltip').isVisible()); i++) {
        await page.getByTestId('nav-designer').hover({ position: { x: 20 + (i % 2), y: 12 } })
        await page.waitForTimeout(600)
      }
      await page.locator('.tooltip').waitFor()
    },
  },
  {
    name: 'about',
    show: async (page) => {
      await nav('settings')(page)
      await page.getByTestId('open-about').click()
      await page.getByTestId('about-dialog').waitFor()
    },
  },
  {
    name: 'alerts-rule-form',
    show: async (page) => {
      await page.getByTestId('alerts-bell').click()
      await page.getByTestId('alerts-tab-rules').click()
      await page.getByTestId('alert-rule-add').click()
      await page.getByTestId('ar-name').fill('Stage VIPs')
      await page.getByTestId('ar-kind-vip').check({ force: true })
      await page.getByTestId('ar-room').fill('class-7f3k2a')
      await page.getByTestId('ar-vips').fill('host_anna\nguest-li, sponsor_01')
      await page.getByTestId('ar-save').click()
      await page.getByTestId('alert-rule-add').click()
      await page.getByTestId('ar-scope-user').check({ force: true })
    },
  },
  {
    name: 'alerts-list',
    show: async (page, h) => {
      const sdkAppId = h.demo.world.apps[0]!.sdkAppId
      const rules = (await h.services.dispatch('alerts.rules', undefined)) as { ok: boolean; value: { rules: { name: string }[] } }
      if (!rules.value.rules.some((r) => r.name === 'Busy app')) {
        await h.services.dispatch('alerts.saveRule', { rule: { name: 'Busy app', enabled: true, kind: 'metric', scope: { kind: 'app', sdkAppId }, metric: 'userCount', comparator: '>', threshold: 5, hysteresis: 2, durationS: 0 } })
        await h.services.dispatch('alerts.saveRule', { rule: { name: 'Host on stage', enabled: true, kind: 'vip', sdkAppId, userIds: ['host_anna'], alertIfAbsent: true, durationS: 0 } })
        await h.services.alerts.pollNow()
      }
      await page.getByTestId('alerts-bell').click()
      await page.getByTestId('alert-item').nth(1).waitFor()
      await page.getByTestId('alert-ack').last().click()
      await page.getByTestId('alerts-count').waitFor()
    },
  },
  {
    name: 'show',
    show: async (page) => {
      await nav('show')(page)
      await page.getByTestId('show-starter-2x2').click()
      await page.getByTestId('show-room').locator('option').first().waitFor({ state: 'attached' })
      await page.getByTestId('show-cdn').fill('rtmp://push.example.com/live/show')
      await page.getByTestId('show-start-button').click()
      await page.getByTestId('show-cue-add').click()
      await page.getByTestId('show-starter-onePlusThree').click()
      await page.getByTestId('show-cue-add').click()
      await page.locator('[data-testid="program-monitor"][data-state="playing"]').waitFor({ timeout: 20_000 })
      await page.waitForTimeout(1500)
    },
  },
  {
    name: 'designer-file-menu',
    show: async (page, h) => {
      await nav('designer')(page)
      await page.getByTestId('designer-starter-2x2').click()
      h.dialogs.answerNext(join(h.userDataDir, 'Studio B', 'evening-show.trtclayout.json'))
      await page.keyboard.press('Control+S')
      await page.getByTestId('designer-dirty').waitFor({ state: 'detached' })
      await page.getByTestId('designer-add-tile').click()
      await page.getByTestId('designer-file-menu').click()
      await page.getByTestId('designer-file-recent').click()
      await page.getByTestId('designer-recent-item').first().waitFor()
    },
  },
  {
    name: 'designer-confirm-leave',
    show: async (page) => {
      await nav('designer')(page)
      await page.getByTestId('designer-add-tile').click()
      await page.getByTestId('designer-file-menu').click()
      await page.getByTestId('designer-file-new').click()
      await page.getByTestId('designer-confirm-leave').waitFor()
    },
  },
  {
    name: 'designer-recovery',
    show: async (page) => {
      await nav('designer')(page)
      await page.getByTestId('designer-starter-3x3').click()
      // Reloading before saving stands in for a crash: the autosave is offered on the next start.
      await page.waitForTimeout(2500)
      await page.reload()
      await nav('designer')(page)
      await page.getByTestId('designer-recovery').waitFor()
    },
  },
]

async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? 'screenshots')
  const names = process.argv.slice(3)
  const chosen = names.length > 0 ? screens.filter((s) => names.includes(s.name)) : screens
  await mkdir(outDir, { recursive: true })
  // SCREENSHOT_VIEWPORT=1920x1080 captures at another window size (default 1280 × 800).
  const [vw, vh] = (process.env.SCREENSHOT_VIEWPORT ?? '1280x800').split('x').map(Number)
  const viewport = { width: vw || 1280, height: vh || 800 }
  const browser = await launchBrowser(!process.env.DISPLAY || process.env.HEADLESS === '1')
  const written: string[] = []
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const locale of ['en-US', 'zh-CN']) {
        const h = await startHarness({ browser, colorScheme, locale, viewport })
        try {
          for (const screen of chosen) {
            // A designer screen leaves its unsaved edits autosaved; the next would show the recovery offer.
            await h.services.dispatch('layout.discardRecovery', undefined)
            await h.open()
            await screen.show(h.page, h)
            await h.page.waitForTimeout(150)
            const file = resolve(outDir, `${screen.name}-${colorScheme}-${locale}.png`)
            await h.page.screenshot({ path: file })
            written.push(file)
          }
        } finally {
          await h.close()
        }
      }
    }
  } finally {
    await browser.close()
  }
  process.stdout.write(`${written.length} screenshots in ${outDir}\n`)
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
