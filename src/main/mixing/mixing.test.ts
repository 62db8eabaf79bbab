// Go live against the simulator over HTTP: start a mix with a designed layout, read its live
// HTTP-FLV in main, see the layout in the SEI, update it, and stop.
import { afterAll, describe, expect, it } from 'vitest'
import type { EventName } from '../../shared/contract/channels'
import { servicesOnSimulator } from '../testing/simulatorCloud'
import type { MixTask, RoomsResult } from '../../shared/contract/contract'
import { applyCommand } from '../../shared/layout/commands'
import { createDoc, type LayoutDoc } from '../../shared/layout/model'
import type { SeiEntry } from '../../shared/media/seiEntry'
import { stayingRoom } from '../../simulator/world'

const cleanups: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function setup() {
  const on = await servicesOnSimulator('mixing')
  cleanups.push(on.close)
  return on
}

const layoutsIn = (events: Array<{ event: EventName; payload: unknown }>, id: string) =>
  events
    .filter((e) => e.event === 'sei.liveEntries' && (e.payload as { id: string }).id === id)
    .flatMap((e) => (e.payload as { entries: SeiEntry[] }).entries)
    .filter((e) => e.layout)

async function until<T>(what: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = what()
    if (v !== undefined) return v
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('mixing and live SEI', () => {
  it('starts a mix with a 2×2 layout, reads it back from the live SEI, follows an update, and stops', async () => {
    const { sim, services, events } = await setup()
    const sdkAppId = sim.credentials.sdkAppId
    const now = Math.floor(Date.now() / 1000)
    const rooms = (await services.dispatch('rooms.fetch', { jobId: 'r', sdkAppId, startTime: now - 3600, endTime: now })) as { ok: true; value: RoomsResult }
    // A live room with someone sending video now and for the next minute, so the SEI has regions.
    const staying = stayingRoom(sim.world, sim.world.apps.find((a) => a.sdkAppId === sdkAppId)!, now, { users: 1, forS: 60, video: true })!
    const room = rooms.value.rooms.find((r) => !r.finished && r.roomId === staying.room.roomId)!
    let doc: LayoutDoc = applyCommand(createDoc('1280x720'), { type: 'applyTemplate', starter: '2x2' })
    doc = applyCommand(doc, { type: 'setSei', sei: { layoutVolume: { appData: 'desk-test', payloadType: 100, interval: 500, followIdr: false } } })

    const started = (await services.dispatch('mixing.start', {
      sdkAppId,
      roomId: room.roomId,
      roomIdType: room.roomIdType,
      doc,
      cdnUrls: ['rtmp://push.example.com/live/desk'],
      video: { fps: 25, bitrateKbps: 2000, gop: 3 },
    })) as { ok: boolean; value: MixTask; error?: unknown }
    expect(started.ok, JSON.stringify(started.error)).toBe(true)
    const task = started.value
    // The simulator was started with the chosen encoding (VideoEncode, L16365–L16372).
    const state = (await (await fetch(`${sim.endpoint}/admin/state`)).json()) as { mixTasks: { taskId: string; encode: unknown }[] }
    expect(state.mixTasks.find((t) => t.taskId === task.taskId)?.encode).toEqual({ fps: 25, bitRate: 2000, gop: 3 })
    expect(task.liveUrl).toBe(`${sim.endpoint}/live/${encodeURIComponent(task.taskId)}.flv`)
    expect(events.some((e) => e.event === 'mixing.tasksChanged')).toBe(true)

    const live = (await services.dispatch('sei.liveStart', { url: task.liveUrl })) as { ok: true; value: { id: string } }
    const first = await until(() => layoutsIn(events, live.value.id)[0])
    expect(first.layout!.canvas).toEqual({ w: 1280, h: 720 })
    expect(first.layout!.app_data).toBe('desk-test')
    // 2×2 on 1280×720: every speaker sits in a 640×360 quarter.
    for (const r of first.layout!.regions) {
      expect([0, 640]).toContain(r.x)
      expect([r.w, r.h]).toEqual([640, 360])
    }

    // Take a picture-in-picture layout to the running task; the SEI follows it.
    const pip = applyCommand(doc, { type: 'applyTemplate', starter: 'pip' })
    const updated = (await services.dispatch('mixing.update', { taskId: task.taskId, doc: pip })) as { ok: true; value: MixTask }
    expect(updated.value.sequence).toBe(1)
    const before = layoutsIn(events, live.value.id).length
    await until(() => {
      const later = layoutsIn(events, live.value.id).slice(before)
      return later.find((e) => e.layout!.regions.some((r) => r.w !== 640)) ?? undefined
    })
    const again = (await services.dispatch('mixing.update', { taskId: task.taskId, doc })) as { ok: true; value: MixTask }
    expect(again.value.sequence).toBe(2)

    expect(await services.dispatch('sei.liveStop', { id: live.value.id })).toEqual({ ok: true, value: true })
    expect(await services.dispatch('mixing.stop', { taskId: task.taskId })).toEqual({ ok: true, value: [] })
    const log = services.cloud.requestLog.entries().filter((e) => e.mutating).map((e) => e.action)
    expect(log).toEqual(['StartPublishCdnStream', 'UpdatePublishCdnStream', 'UpdatePublishCdnStream', 'StopPublishCdnStream'])
  }, 40_000)

  it('refuses a layout that breaks the relay rules before anything is sent', async () => {
    const { sim, services } = await setup()
    const doc = applyCommand(createDoc('1280x720'), { type: 'addTile', rect: { x: 1000, y: 600, width: 640, height: 360 } })
    const bad = { ...doc, tiles: doc.tiles.map((t) => ({ ...t, x: 1000, y: 600 })) }
    const r = await services.dispatch('mixing.start', { sdkAppId: sim.credentials.sdkAppId, roomId: '1234', roomIdType: 'number', doc: bad, cdnUrls: ['rtmp://push.example.com/live/desk'] })
    expect(r).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    // A keyframe interval past 5 s (VideoEncode.Gop, L16371–L16372).
    const gop = await services.dispatch('mixing.start', { sdkAppId: sim.credentials.sdkAppId, roomId: '1234', roomIdType: 'number', doc, cdnUrls: ['rtmp://push.example.com/live/desk'], video: { fps: 15, bitrateKbps: 1500, gop: 6 } })
    expect(gop).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    expect(services.cloud.requestLog.entries().filter((e) => e.mutating)).toEqual([])
  })
})
