// Cloud recording from the designer against the simulator over HTTP: start a mixed recording with
// a 2×2 layout, take another layout to it, read the layout back from the simulator, ask the cloud
// for its status, and stop. The cue list round-trips through userData.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { servicesOnSimulator } from '../testing/simulatorCloud'
import type { Cue, RecordingOptions, RecordingTask, RoomsResult } from '../../shared/contract/contract'
import { applyCommand } from '../../shared/layout/commands'
import { createDoc, type LayoutDoc } from '../../shared/layout/model'
import { createCueFile } from './cueFile'

const cleanups: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function setup() {
  const on = await servicesOnSimulator('recording')
  cleanups.push(on.close)
  return on
}

interface SimRecording {
  taskId: string
  status: string
  mixLayout: { MixLayoutMode: number; MixLayoutList?: Array<{ Top: number; Left: number; Width: number; Height: number }> } | null
  video: { fps?: number; bitRate?: number; gop?: number } | null
}
const simRecordings = async (endpoint: string) => ((await (await fetch(`${endpoint}/admin/state`)).json()) as { recordings: SimRecording[] }).recordings

const options: RecordingOptions = { streamType: 0, maxIdleTime: 60, mediaType: 1, expireDays: 7, recordId: 'show_1' }
const rect = (t: { Top: number; Left: number; Width: number; Height: number }) => [t.Left, t.Top, t.Width, t.Height]

describe('cloud recording go-live', () => {
  it('starts a 2×2 recording, modifies it to picture-in-picture, reads it back, and stops', async () => {
    const { sim, services, events } = await setup()
    const sdkAppId = sim.credentials.sdkAppId
    const now = Math.floor(Date.now() / 1000)
    const rooms = (await services.dispatch('rooms.fetch', { jobId: 'r', sdkAppId, startTime: now - 3600, endTime: now })) as { ok: true; value: RoomsResult }
    const room = rooms.value.rooms.find((r) => !r.finished)!
    const grid: LayoutDoc = applyCommand(createDoc('1280x720'), { type: 'applyTemplate', starter: '2x2' })

    const started = (await services.dispatch('recording.start', { sdkAppId, roomId: room.roomId, roomIdType: room.roomIdType, doc: grid, options })) as { ok: boolean; value: RecordingTask; error?: unknown }
    expect(started.ok, JSON.stringify(started.error)).toBe(true)
    const task = started.value
    expect(task.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(['Idle', 'InProgress']).toContain(task.status)
    expect(task.checkedAt).not.toBeNull()
    expect(events.some((e) => e.event === 'recording.tasksChanged')).toBe(true)

    // The simulator accepted the robot's UserSig made in main and holds the 2×2 on 1280×720.
    const create = services.cloud.requestLog.entries().find((e) => e.action === 'CreateCloudRecording')!
    expect(create.outcome).toBe('ok')
    let [rec] = await simRecordings(sim.endpoint)
    expect(rec!.taskId).toBe(task.taskId)
    // No encoding chosen: 15 fps, 1,500 Kbps, 2 s.
    expect(rec!.video).toEqual({ fps: 15, bitRate: 1_500_000, gop: 2 })
    expect(rec!.mixLayout!.MixLayoutMode).toBe(4)
    expect(rec!.mixLayout!.MixLayoutList!.map(rect).sort()).toEqual([[0, 0, 640, 360], [0, 360, 640, 360], [640, 0, 640, 360], [640, 360, 640, 360]].sort())

    // Take picture-in-picture: the simulator's task now holds the new layout.
    const pip = applyCommand(grid, { type: 'applyTemplate', starter: 'pip' })
    const modified = (await services.dispatch('recording.update', { taskId: task.taskId, doc: pip })) as { ok: true; value: RecordingTask }
    expect(modified.value.modifications).toBe(1)
    expect(modified.value.requestId).not.toBe(task.requestId)
    ;[rec] = await simRecordings(sim.endpoint)
    expect(rec!.mixLayout!.MixLayoutList!.some((t) => t.Width === 1280 && t.Height === 720)).toBe(true)
    expect(rec!.mixLayout!.MixLayoutList!.some((t) => t.Width < 640)).toBe(true)
    expect(await services.dispatch('recording.layout', { taskId: task.taskId })).toEqual({ ok: true, value: pip })

    const listed = (await services.dispatch('recording.tasks', undefined)) as { ok: true; value: RecordingTask[] }
    expect(listed.value.map((t) => [t.taskId, t.modifications])).toEqual([[task.taskId, 1]])
    expect(['Idle', 'InProgress']).toContain(listed.value[0]!.status)

    expect(await services.dispatch('recording.stop', { taskId: task.taskId })).toEqual({ ok: true, value: [] })
    ;[rec] = await simRecordings(sim.endpoint)
    expect(rec!.status).toBe('Exited')
    const log = services.cloud.requestLog.entries().map((e) => e.action).filter((a) => a.includes('CloudRecording'))
    expect(log.filter((a) => a !== 'DescribeCloudRecording')).toEqual(['CreateCloudRecording', 'ModifyCloudRecording', 'DeleteCloudRecording'])
    expect(log.filter((a) => a === 'DescribeCloudRecording').length).toBe(2)
  }, 30_000)

  it('records with the chosen encoding', async () => {
    const { sim, services } = await setup()
    const sdkAppId = sim.credentials.sdkAppId
    const now = Math.floor(Date.now() / 1000)
    const rooms = (await services.dispatch('rooms.fetch', { jobId: 'r', sdkAppId, startTime: now - 3600, endTime: now })) as { ok: true; value: RoomsResult }
    const room = rooms.value.rooms.find((r) => !r.finished)!
    const grid = applyCommand(createDoc('1280x720'), { type: 'applyTemplate', starter: '2x2' })
    const started = (await services.dispatch('recording.start', {
      sdkAppId,
      roomId: room.roomId,
      roomIdType: room.roomIdType,
      doc: grid,
      options: { ...options, video: { fps: 30, bitrateKbps: 2500, gop: 4 } },
    })) as { ok: boolean; value: RecordingTask; error?: unknown }
    expect(started.ok, JSON.stringify(started.error)).toBe(true)
    const [rec] = await simRecordings(sim.endpoint)
    expect(rec!.video).toEqual({ fps: 30, bitRate: 2_500_000, gop: 4 })
    expect(await services.dispatch('recording.stop', { taskId: started.value.taskId })).toMatchObject({ ok: true })
  })

  it('refuses bad options and a layout that breaks the recording rules before anything is sent', async () => {
    const { sim, services } = await setup()
    const sdkAppId = sim.credentials.sdkAppId
    const grid = applyCommand(createDoc('1280x720'), { type: 'applyTemplate', starter: '2x2' })
    // AAC files need an audio-only recording (TencentVod.MediaType, L16227–L16230).
    const aac = await services.dispatch('recording.start', { sdkAppId, roomId: '1234', roomIdType: 'number', doc: grid, options: { ...options, mediaType: 2 } })
    expect(aac).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    const idle = await services.dispatch('recording.start', { sdkAppId, roomId: '1234', roomIdType: 'number', doc: grid, options: { ...options, maxIdleTime: 2 } })
    expect(idle).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    // Frame rate 1–60 (VideoParams.Fps, L16391).
    const fps = await services.dispatch('recording.start', { sdkAppId, roomId: '1234', roomIdType: 'number', doc: grid, options: { ...options, video: { fps: 61, bitrateKbps: 1500, gop: 2 } } })
    expect(fps).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    // A tile past the 1920 limit of the recording coordinates (L15516–L15540).
    const big = createDoc('custom', 'Big', { width: 2560, height: 1440 })
    const wide = applyCommand(big, { type: 'addTile', rect: { x: 0, y: 0, width: 2560, height: 1440 } })
    const r = await services.dispatch('recording.start', { sdkAppId, roomId: '1234', roomIdType: 'number', doc: wide, options })
    expect(r).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    expect(await services.dispatch('recording.update', { taskId: 'rec-none', doc: grid })).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    expect(services.cloud.requestLog.entries().filter((e) => e.mutating)).toEqual([])
  })
})

describe('cue file', () => {
  it('keeps the cues in order and leaves out entries that no longer read as layouts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trtc-cues-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    const file = createCueFile(join(dir, 'cues.json'))
    expect(await file.load()).toEqual({ ok: true, value: [] })
    const cues: Cue[] = [
      { id: 'a', name: 'Grid', doc: applyCommand(createDoc('1280x720'), { type: 'applyTemplate', starter: '2x2' }) },
      { id: 'b', name: 'Solo', doc: createDoc('1920x1080') },
    ]
    await file.save(cues)
    expect(await file.load()).toEqual({ ok: true, value: cues })
    await writeFile(join(dir, 'cues.json'), JSON.stringify({ version: 1, cues: [{ id: 'x', name: '', doc: {} }, cues[1]] }))
    expect(await file.load()).toEqual({ ok: true, value: [cues[1]] })
    await writeFile(join(dir, 'cues.json'), '{ torn')
    expect(await file.load()).toEqual({ ok: true, value: [] })
  })
})
