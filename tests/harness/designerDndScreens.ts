// Screens of the designer's drag and drop and document panel, for screenshots.ts: the Room users
// panel with a drag over a tile, the image drop question, and the watermark, SEI, audio and
// template editors.
import type { Page } from 'playwright-core'
import type { Harness } from './harness'

/** Dispatches dragenter/dragover (and optionally drop) at a canvas point with a script-made DataTransfer. */
export async function dispatchCanvasDrag(page: Page, canvasX: number, canvasY: number, payload: { user?: object; png?: { name: string; w: number; h: number } }, drop: boolean): Promise<void> {
  const b = await page.getByTestId('designer-canvas').boundingBox()
  if (!b) throw new Error('no canvas')
  const zoom = b.width / Number(await page.getByTestId('designer-canvas').getAttribute('data-width'))
  const at = { x: b.x + canvasX * zoom, y: b.y + canvasY * zoom }
  await page.evaluate(
    async ({ at, payload, drop }) => {
      const dt = new DataTransfer()
      if (payload.user) dt.setData('application/x-trtc-user', JSON.stringify(payload.user))
      if (payload.png) {
        const c = document.createElement('canvas')
        c.width = payload.png.w
        c.height = payload.png.h
        const ctx = c.getContext('2d')!
        const g = ctx.createLinearGradient(0, 0, c.width, c.height)
        g.addColorStop(0, '#1d6fe0')
        g.addColorStop(1, '#15b79e')
        ctx.fillStyle = g
        ctx.fillRect(0, 0, c.width, c.height)
        ctx.fillStyle = '#ffffff'
        ctx.font = `bold ${Math.round(c.height / 3)}px sans-serif`
        ctx.textAlign = 'center'
        ctx.textBaseline = 'middle'
        ctx.fillText(payload.png.name.replace(/\.\w+$/, '').toUpperCase(), c.width / 2, c.height / 2)
        const blob = await new Promise<Blob>((r) => c.toBlob((x) => r(x!), 'image/png'))
        dt.items.add(new File([blob], payload.png.name, { type: 'image/png' }))
      }
      const el = document.elementFromPoint(at.x, at.y)!
      // No helper function here: the page runs this source as it is, without the bundler's helpers.
      for (const type of drop ? ['dragenter', 'dragover', 'drop'] : ['dragenter', 'dragover'])
        el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, clientX: at.x, clientY: at.y, dataTransfer: dt }))
    },
    { at, payload, drop },
  )
}

/** The first live room in the Room users panel with users; returns the first two users' payloads. */
async function pickLiveRoom(page: Page): Promise<object[]> {
  const select = page.getByTestId('room-users-room')
  await page.waitForFunction(() => ((document.querySelector('[data-testid="room-users-room"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1)
  const values = await select.locator('option').evaluateAll((els) => els.filter((e) => (e.textContent ?? '').includes('·')).map((e) => (e as HTMLOptionElement).value))
  for (const v of values) {
    await select.selectOption(v)
    await page.waitForTimeout(300)
    const rows = page.getByTestId('room-user')
    if ((await rows.count()) >= 2) {
      return Promise.all(
        [0, 1].map((i) =>
          rows.nth(i).evaluate((el) => {
            const dt = new DataTransfer()
            el.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: dt }))
            return JSON.parse(dt.getData('application/x-trtc-user')) as object
          }),
        ),
      )
    }
  }
  throw new Error('no live room with users')
}

// Every screen here edits the layout, which leaves an autosave behind: each starts without the offer to restore it.
const toDesigner = async (page: Page, h: Harness) => {
  await h.services.dispatch('layout.discardRecovery', undefined)
  await page.getByTestId('nav-designer').click()
  await page.getByTestId('view-designer').waitFor()
}

/** Scrolls the designer's side column (not the page) so the panel is at its top. */
const scrollSide = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const side = el.closest('.designer-side')
    if (side) side.scrollTop += el.getBoundingClientRect().top - side.getBoundingClientRect().top - 8
  })

const docTab = async (page: Page, tab: string) => {
  await page.getByTestId(`doc-tab-${tab}`).click()
  await scrollSide(page, 'document-props')
}

export const dndScreens: { name: string; show(page: Page, h: Harness): Promise<void> }[] = [
  {
    name: 'designer-room-users',
    show: async (page, h) => {
      await toDesigner(page, h)
      const users = await pickLiveRoom(page)
      await page.getByTestId('designer-starter-2x2').click()
      await dispatchCanvasDrag(page, 480, 270, { user: users[0] }, true)
      // A second user held over the top-right tile: highlighted, with the hint.
      await dispatchCanvasDrag(page, 1440, 270, { user: users[1] }, false)
      await scrollSide(page, 'designer-room-users')
    },
  },
  {
    name: 'designer-image-drop',
    show: async (page, h) => {
      await toDesigner(page, h)
      await page.getByTestId('designer-add-tile').click()
      await dispatchCanvasDrag(page, 960, 540, { png: { name: 'away.png', w: 640, h: 360 } }, true)
      await page.getByTestId('designer-tile-preview').first().waitFor()
      await dispatchCanvasDrag(page, 360, 200, { png: { name: 'logo.png', w: 300, h: 120 } }, true)
      await page.getByTestId('designer-drop-ask').waitFor()
    },
  },
  {
    name: 'designer-watermarks',
    show: async (page, h) => {
      await toDesigner(page, h)
      await page.getByTestId('designer-starter-sideBySide').click()
      await page.getByTestId('designer-viewport').focus()
      await page.keyboard.press('Escape')
      await docTab(page, 'watermarks')
      await page.getByTestId('wm-add-image-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: await pngBuffer(page, 'logo.png', 300, 120) })
      await page.getByTestId('wm-card').first().waitFor()
      await page.getByTestId('wm-add-text').click()
      const text = page.getByTestId('wm-card').nth(1)
      await text.getByTestId('wm-text').fill('LIVE · Studio B')
      await text.getByTestId('wm-text').press('Enter')
      await text.getByTestId('wm-fill').check()
    },
  },
  {
    name: 'designer-sei',
    show: async (page, h) => {
      await toDesigner(page, h)
      await docTab(page, 'sei')
      await page.getByTestId('sei-lv-on').check()
      await page.getByTestId('sei-appdata').fill('{"show":"evening","scene":2}')
      await page.getByTestId('sei-lv-interval').click()
      await page.getByTestId('sei-pt-on').check()
      await page.getByTestId('sei-pt-payload-type').fill('5')
      await page.getByTestId('sei-pt-payload-type').press('Enter')
    },
  },
  {
    name: 'designer-audio',
    show: async (page, h) => {
      await toDesigner(page, h)
      await docTab(page, 'audio')
      await page.getByTestId('audio-subscribe-mode').selectOption('list')
      for (const u of ['host_1', 'guest_2']) {
        await page.getByTestId('audio-subscribe-users-add-input').fill(u)
        await page.getByTestId('audio-subscribe-users-add').click()
      }
      await page.getByTestId('audio-unsubscribe-mode').selectOption('list')
    },
  },
  {
    name: 'designer-template-options',
    show: async (page, h) => {
      await toDesigner(page, h)
      await page.getByTestId('designer-template').getByText('Screen share', { exact: true }).click().catch(() => page.getByTestId('designer-mode-screenShare').check({ force: true }))
      await docTab(page, 'template')
      await page.getByTestId('template-big-user').fill('teacher_01')
      await page.getByTestId('template-big-user').press('Enter')
      await page.getByTestId('template-audio-only').check()
    },
  },
]

async function pngBuffer(page: Page, name: string, w: number, h: number): Promise<Buffer> {
  const b64 = await page.evaluate(
    ({ name, w, h }) => {
      const c = document.createElement('canvas')
      c.width = w
      c.height = h
      const ctx = c.getContext('2d')!
      ctx.fillStyle = '#e0457b'
      ctx.fillRect(0, 0, w, h)
      ctx.fillStyle = '#fff'
      ctx.font = `bold ${Math.round(h / 3)}px sans-serif`
      ctx.textAlign = 'center'
      ctx.textBaseline = 'middle'
      ctx.fillText(name.replace(/\.\w+$/, '').toUpperCase(), w / 2, h / 2)
      return c.toDataURL('image/png').split(',')[1]!
    },
    { name, w, h },
  )
  return Buffer.from(b64, 'base64')
}
