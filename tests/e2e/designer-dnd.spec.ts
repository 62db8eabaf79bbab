// Designer drag and drop, end to end: the built renderer in Chromium, the real main services and
// the simulator's rooms. Room users are dragged onto tiles and the empty canvas, image files are
// dropped on a tile and the canvas, and the watermark, SEI and audio editors change the compiled
// UpdatePublishCdnStream request in the output panel.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { startHarness, type Harness } from '../harness/harness'
import { applyCommand } from '../../src/shared/layout/commands'
import { serialize } from '../../src/shared/layout/file'
import { createDoc } from '../../src/shared/layout/model'
import { emptyOverlay, inRoomAt, roomActive, roomsInRange, sessionsAt, type Room } from '../../src/simulator/world'

let h: Harness
test.afterEach(async () => {
  expect(h.logLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([])
  await h.close()
})

interface McuBody {
  AudioParams?: { SubscribeAudioList?: { UserInfo: { UserId: string; RoomId?: string } }[] }
  VideoParams?: {
    LayoutParams?: { MixLayoutList?: { LocationX: number; LocationY: number; UserMediaStream?: { UserInfo: { UserId: string; RoomId?: string } }; BackgroundImageUrl?: string }[] }
    BackgroundImageUrl?: string
    WaterMarkList?: { WaterMarkType: number; WaterMarkImage?: { WaterMarkUrl: string; LocationX: number }; WaterMarkText?: { Text: string; FontSize: number } }[]
  }
  SeiParams?: { LayoutVolume?: { AppData: string; PayloadType: number } }
}

async function body(page: Page): Promise<McuBody> {
  return JSON.parse((await page.getByTestId('designer-json').textContent()) ?? '{}') as McuBody
}

interface Payload {
  userId: string
  roomId: string
  roomIdType: 'number' | 'string'
}

/** What a row puts on the drag: a dragstart with a fresh DataTransfer. */
async function payloadOf(row: Locator): Promise<Payload> {
  const text = await row.evaluate((el) => {
    const dt = new DataTransfer()
    el.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: dt }))
    return dt.getData('application/x-trtc-user')
  })
  return JSON.parse(text) as Payload
}

async function openDesignerWithRoom(page: Page): Promise<{ roomId: string; users: Payload[] }> {
  // A live room of the first app with two users who stay in it for a while, taken from the
  // simulator's world so the choice does not depend on how fast the panel loads.
  const nowS = Math.floor(Date.now() / 1000)
  const app = h.demo.world.apps[0]!
  const staying = (r: Room) => sessionsAt(h.demo.world, r, emptyOverlay(), nowS).filter((u) => inRoomAt(u, nowS) && inRoomAt(u, nowS + 120))
  const room = roomsInRange(h.demo.world, app, nowS, nowS, nowS, emptyOverlay())
    .reverse()
    .find((r) => roomActive(r, emptyOverlay(), nowS + 120) && staying(r).length >= 2)
  if (!room) throw new Error('the simulated world has no live room with two users')

  await page.getByTestId('nav-designer').click()
  const panel = page.getByTestId('designer-room-users')
  await panel.getByTestId('room-users-app').selectOption(String(app.sdkAppId))
  const select = panel.getByTestId('room-users-room')
  await expect(select.locator(`option[value="${room.commId}"]`)).toHaveCount(1)
  await select.selectOption(room.commId)
  const rows = panel.getByTestId('room-user')
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2)
  return { roomId: room.roomId, users: [await payloadOf(rows.nth(0)), await payloadOf(rows.nth(1))] }
}

/** Drags with a script-made DataTransfer: dragenter/dragover at a canvas point, then (optionally) drop. */
async function dispatchDrag(page: Page, at: { x: number; y: number }, payload: { user?: object; png?: { name: string; w: number; h: number }; text?: string; json?: { name: string; text: string } }, drop: boolean) {
  await page.evaluate(
    async ({ at, payload, drop }) => {
      const dt = new DataTransfer()
      if (payload.user) dt.setData('application/x-trtc-user', JSON.stringify(payload.user))
      if (payload.png) {
        const c = document.createElement('canvas')
        c.width = payload.png.w
        c.height = payload.png.h
        const ctx = c.getContext('2d')!
        ctx.fillStyle = '#e0457b'
        ctx.fillRect(0, 0, c.width, c.height)
        ctx.fillStyle = '#ffffff'
        ctx.fillRect(c.width / 4, c.height / 4, c.width / 2, c.height / 2)
        const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/png'))
        dt.items.add(new File([blob], payload.png.name, { type: 'image/png' }))
      }
      if (payload.text) dt.items.add(new File([payload.text], 'notes.txt', { type: 'text/plain' }))
      if (payload.json) dt.items.add(new File([payload.json.text], payload.json.name, { type: 'application/json' }))
      const el = document.elementFromPoint(at.x, at.y)!
      const fire = (type: string) => el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, clientX: at.x, clientY: at.y, dataTransfer: dt }))
      fire('dragenter')
      fire('dragover')
      if (drop) fire('drop')
    },
    { at, payload, drop },
  )
}

async function canvasPoint(page: Page, x: number, y: number) {
  const b = (await page.getByTestId('designer-canvas').boundingBox())!
  const zoom = b.width / 1920
  return { x: b.x + x * zoom, y: b.y + y * zoom }
}

test('drags room users onto a tile and onto the empty canvas; the bindings are in the compiled request', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  const { roomId, users } = await openDesignerWithRoom(page)
  const [first, second] = users as [Payload, Payload]
  expect(first.roomId).toBe(roomId)

  // Onto the empty canvas: a new tile bound to the user, centred on the drop point.
  await dispatchDrag(page, await canvasPoint(page, 960, 540), { user: first }, false)
  await expect(page.getByTestId('designer-drop-hint')).toContainText('add a tile')
  await dispatchDrag(page, await canvasPoint(page, 960, 540), { user: first }, true)
  await expect(page.getByTestId('designer-tile')).toHaveCount(1)
  let list = (await body(page)).VideoParams?.LayoutParams?.MixLayoutList ?? []
  expect(list).toHaveLength(1)
  expect(list[0]!.UserMediaStream?.UserInfo).toMatchObject({ UserId: first.userId, RoomId: roomId })
  expect(list[0]!.LocationX).toBe(960 - 240)

  // A real mouse drag of a user row onto a tile of a 2 × 2 layout binds that tile (one undo entry).
  await page.getByTestId('designer-starter-2x2').click()
  await expect(page.getByTestId('designer-tile')).toHaveCount(4)
  const target = page.locator('[data-testid="designer-tile"][data-tile="t4"]')
  await page.getByTestId('designer-room-users').locator(`[data-testid="room-user"][data-user="${second.userId}"]`).dragTo(target)
  list = (await body(page)).VideoParams?.LayoutParams?.MixLayoutList ?? []
  const bound = list.find((t) => t.LocationX === 960 && t.LocationY === 540)
  expect(bound?.UserMediaStream?.UserInfo).toMatchObject({ UserId: second.userId, RoomId: roomId })
  await expect(target).toContainText(second.userId)
  await page.getByTestId('designer-undo').click()
  await expect(target).not.toContainText(second.userId)
  await page.getByTestId('designer-redo').click()
  await expect(target).toContainText(second.userId)

  // While a user is over a tile the tile is highlighted; the same user twice is refused with a reason.
  const t1 = await canvasPoint(page, 480, 270)
  await dispatchDrag(page, t1, { user: second }, false)
  await expect(page.getByTestId('designer-drop-target')).toHaveAttribute('data-tile', 't1')
  await dispatchDrag(page, t1, { user: second }, true)
  await expect(page.getByTestId('designer-drop-target')).toHaveCount(0)
  await expect(page.getByTestId('designer-drop-message')).toContainText(`already shown in tile t4`)

  // A template places users itself: a dropped user becomes its big-screen user; the options reach LayoutParams.
  await page.getByTestId('designer-template').getByText('Floating', { exact: true }).click()
  await dispatchDrag(page, await canvasPoint(page, 400, 400), { user: first }, false)
  await expect(page.getByTestId('designer-drop-hint')).toContainText('big screen')
  await dispatchDrag(page, await canvasPoint(page, 400, 400), { user: first }, true)
  await page.getByTestId('designer-viewport').focus()
  await page.keyboard.press('Escape')
  await page.getByTestId('doc-tab-template').click()
  await expect(page.getByTestId('template-big-user')).toHaveValue(first.userId)
  await page.getByTestId('template-render-mode').selectOption('fit')
  await page.getByTestId('template-audio-only').check()
  const layout = (await body(page)).VideoParams?.LayoutParams as unknown as { MixLayoutMode: number; MaxVideoUser?: { UserMediaStream: { UserInfo: { UserId: string } } }; RenderMode?: number; PureAudioHoldPlaceMode?: number }
  expect(layout).toMatchObject({ MixLayoutMode: 1, RenderMode: 1, PureAudioHoldPlaceMode: 1, MaxVideoUser: { UserMediaStream: { UserInfo: { UserId: first.userId } } } })
  await page.getByTestId('designer-undo').click()
  await expect(page.getByTestId('template-audio-only')).not.toBeChecked()
})

test('the Rooms view hands a room to the designer, and its user rows carry the user payload', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await page.getByText('Active', { exact: true }).click()
  const row = page.getByTestId('room-row').first()
  await row.click()
  const roomId = (await row.getAttribute('data-room'))!
  await expect(page.getByTestId('room-detail').getByTestId('user-row').first()).toBeVisible()
  const payload = await payloadOf(page.getByTestId('room-detail').getByTestId('user-row').first())
  expect(payload).toMatchObject({ roomId, userId: await page.getByTestId('room-detail').getByTestId('user-row').first().getAttribute('data-user') })
  await page.getByTestId('room-use-in-designer').click()
  await page.getByTestId('view-designer').waitFor()
  const select = page.getByTestId('room-users-room')
  await expect(select.locator('option:checked')).toContainText(roomId)
  await expect(page.getByTestId('room-user').first()).toBeVisible()
})

test('image drops: tile placeholder with a local preview, canvas watermark; watermark, SEI and audio editors reach the request', async () => {
  h = await startHarness()
  await h.open()
  const page = h.page
  await page.getByTestId('nav-designer').click()

  // A layout file dropped on the canvas is imported as one undoable edit.
  const file = serialize(applyCommand(createDoc('1920x1080', 'Nine'), { type: 'applyTemplate', starter: '3x3' }))
  await dispatchDrag(page, await canvasPoint(page, 960, 540), { json: { name: 'nine.trtclayout.json', text: file } }, true)
  await expect(page.getByTestId('designer-tile')).toHaveCount(9)
  await page.getByTestId('designer-undo').click()
  await expect(page.getByTestId('designer-tile')).toHaveCount(0)
  await dispatchDrag(page, await canvasPoint(page, 960, 540), { json: { name: 'broken.json', text: '{"format":' } }, true)
  await expect(page.getByTestId('designer-drop-message')).toContainText('not valid JSON')

  await page.getByTestId('designer-starter-2x2').click()

  // Not an image: refused with a reason, nothing changes.
  await dispatchDrag(page, await canvasPoint(page, 480, 270), { text: 'hello' }, true)
  await expect(page.getByTestId('designer-drop-message')).toContainText('not a PNG or JPEG')

  // A PNG on a tile: its placeholder, previewed in the tile, flagged until it has a public URL.
  await dispatchDrag(page, await canvasPoint(page, 480, 270), { png: { name: 'away.png', w: 640, h: 360 } }, true)
  const tile = page.locator('[data-testid="designer-tile"][data-tile="t1"]')
  await expect(tile.getByTestId('designer-tile-preview')).toBeVisible()
  expect(await tile.getByTestId('designer-tile-preview').getAttribute('src')).toMatch(/^data:image\/(webp|png);base64,/)
  const ph = page.getByTestId('prop-placeholder')
  await expect(ph.locator('[data-code="image.noUrl"]')).toContainText('has no public URL yet')
  await ph.getByTestId('prop-placeholder-url').fill('https://cdn.example.com/away.png')
  await ph.getByTestId('prop-placeholder-url').press('Enter')
  await expect(ph.locator('[data-code="image.noUrl"]')).toHaveCount(0)
  let b = await body(page)
  expect(b.VideoParams?.LayoutParams?.MixLayoutList?.find((t) => t.LocationX === 0 && t.LocationY === 0)?.BackgroundImageUrl).toBe('https://cdn.example.com/away.png')

  // A PNG on empty canvas (template mode has no tiles in the way): asked, made a watermark, drawn.
  await page.getByTestId('designer-viewport').focus()
  await page.keyboard.press('Escape')
  await page.getByTestId('designer-template').getByText('Grid', { exact: true }).click()
  await expect(page.getByTestId('designer-mode-grid')).toBeChecked()
  await dispatchDrag(page, await canvasPoint(page, 1700, 100), { png: { name: 'logo.png', w: 200, h: 100 } }, true)
  await page.getByTestId('designer-drop-ask').waitFor()
  await page.getByTestId('designer-drop-watermark').click()
  await expect(page.getByTestId('designer-watermark').locator('img')).toBeVisible()
  await page.getByTestId('doc-tab-watermarks').click()
  const card = page.getByTestId('wm-card').first()
  await expect(card.locator('[data-code="image.noUrl"]')).toBeVisible()
  await card.getByTestId('wm-image-url').fill('https://cdn.example.com/logo.png')
  await card.getByTestId('wm-image-url').press('Enter')
  await card.getByTestId('wm-x').fill('40')
  await card.getByTestId('wm-x').press('Enter')
  b = await body(page)
  expect(b.VideoParams?.WaterMarkList?.[0]?.WaterMarkImage).toMatchObject({ WaterMarkUrl: 'https://cdn.example.com/logo.png', LocationX: 40 })

  // A text watermark, edited.
  await page.getByTestId('wm-add-text').click()
  const text = page.getByTestId('wm-card').nth(1)
  await text.getByTestId('wm-text').fill('LIVE')
  await text.getByTestId('wm-text').press('Enter')
  await text.getByTestId('wm-font-size').fill('48')
  await text.getByTestId('wm-font-size').press('Enter')
  await expect(page.getByTestId('designer-watermark').nth(1)).toHaveText('LIVE')
  b = await body(page)
  expect(b.VideoParams?.WaterMarkList?.[1]).toMatchObject({ WaterMarkType: 1, WaterMarkText: { Text: 'LIVE', FontSize: 48 } })

  // SEI: layout-volume AppData reaches SeiParams; 4,096 characters are refused on the field.
  await page.getByTestId('doc-tab-sei').click()
  await page.getByTestId('sei-lv-on').check()
  await page.getByTestId('sei-appdata').fill('{"show":"evening"}')
  await page.getByTestId('sei-lv-payload-type').focus()
  b = await body(page)
  expect(b.SeiParams?.LayoutVolume).toMatchObject({ AppData: '{"show":"evening"}', PayloadType: 100 })
  await page.getByTestId('sei-appdata').fill('x'.repeat(4096))
  await page.getByTestId('sei-lv-payload-type').focus()
  await expect(page.getByTestId('sei-layout-volume').locator('[data-code="sei.appData"]')).toBeVisible()
  await expect(page.getByTestId('sei-appdata-count')).toContainText('4096')

  // Audio: an allowlist with one typed user.
  await page.getByTestId('doc-tab-audio').click()
  await page.getByTestId('audio-subscribe-mode').selectOption('list')
  await page.getByTestId('audio-subscribe-users-add-input').fill('host_1')
  await page.getByTestId('audio-subscribe-users-add').click()
  b = await body(page)
  expect(b.AudioParams?.SubscribeAudioList?.map((u) => u.UserInfo.UserId)).toEqual(['host_1'])
})
