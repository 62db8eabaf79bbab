// Media and AI tasks from a room, through every main-process service on the simulator over HTTP:
// the robot is in the room's users while the task runs, Update and Stop act on it, every call is
// audited, a restart keeps the list, and what the cloud ended shows as ended.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEntry, RoomTask, UserRow } from '../../shared/contract/contract'
import type { AppError, Result } from '../../shared/errors'
import { signedCall } from '../../simulator/signedCall'
import { stayingRoom } from '../../simulator/world'
import { createAuditLog } from './auditLog'
import { createRoomTasks, taskRegion } from './roomTasks'
import { quietLog, servicesOnSimulator } from '../testing/simulatorCloud'

let on: Awaited<ReturnType<typeof servicesOnSimulator>>
beforeAll(async () => {
  on = await servicesOnSimulator('room-tasks')
})
afterAll(() => on.close())

const call = <T>(channel: string, request: unknown) => on.services.dispatch(channel, request) as Promise<Result<T>>
const nowS = () => Math.floor(Date.now() / 1000)

function liveRoom(users = 1) {
  const app = on.sim.world.apps.find((a) => a.sdkAppId === on.sim.credentials.sdkAppId)!
  const { room } = stayingRoom(on.sim.world, app, nowS(), { users, forS: 600 })!
  return { sdkAppId: room.sdkAppId, roomId: room.roomId, roomIdType: room.isString ? ('string' as const) : ('number' as const), commId: room.commId }
}

async function usersOf(room: ReturnType<typeof liveRoom>): Promise<UserRow[]> {
  const r = await call<UserRow[]>('rooms.users', { sdkAppId: room.sdkAppId, commId: room.commId, startTime: nowS() - 3600, endTime: nowS() })
  expect(r.ok).toBe(true)
  return r.ok ? r.value : []
}

const audit = async () => (await call<AuditEntry[]>('audit.list', undefined)) as { ok: true; value: AuditEntry[] }

describe('media played into a room', () => {
  it('starts with a prefixed robot and its own UserSig, is listed, changes volume and pause, stops, and is audited', async () => {
    const room = liveRoom()
    const { commId: _c, ...target } = room
    const started = await call<RoomTask>('ingest.start', { ...target, streamUrl: 'https://media.example.com/preroll.mp4', robot: 'preroll', volume: 70, repeatNum: -1, maxDurationMin: 30 })
    expect(started.ok, JSON.stringify(started)).toBe(true)
    const task = (started as { value: RoomTask }).value
    expect(task).toMatchObject({ kind: 'ingest', robotUserId: 'relay_preroll', volume: 70, repeatNum: -1, paused: false, endedAt: null })
    // The Demo profile's region is ap-guangzhou, where DescribeStreamIngest cannot be asked (L5796–L5799).
    expect(task.region).toBe('ap-singapore')
    expect((await usersOf(room)).find((u) => u.userId === 'relay_preroll')?.finished).toBe(false)

    const listed = await call<{ tasks: RoomTask[]; demoClipUrl: string }>('roomTasks.list', undefined)
    expect(listed.ok && listed.value.tasks.find((t) => t.taskId === task.taskId)?.status).toBe('InProgress')
    // The Demo profile offers its simulator's clip.
    expect(listed.ok && listed.value.demoClipUrl).toBe(`${on.sim.endpoint.replace(/\/$/, '')}/media/demo-clip.flv`)

    const updated = await call<RoomTask>('ingest.update', { taskId: task.taskId, volume: 25, paused: true })
    expect(updated.ok && updated.value).toMatchObject({ volume: 25, paused: true, streamUrl: 'https://media.example.com/preroll.mp4' })

    const stopped = await call<RoomTask>('ingest.stop', { taskId: task.taskId })
    expect(stopped.ok && stopped.value.status).toBe('ended')
    expect((await usersOf(room)).find((u) => u.userId === 'relay_preroll')?.finished).toBe(true)

    const lines = (await audit()).value.filter((e) => e.taskId === task.taskId)
    expect(lines.map((e) => [e.action, e.apiAction, e.result])).toEqual([
      ['inject', 'StartStreamIngest', 'ok'],
      ['injectUpdate', 'UpdateStreamIngest', 'ok'],
      ['injectStop', 'StopStreamIngest', 'ok'],
    ])
    expect(lines[0]).toMatchObject({ userIds: ['relay_preroll'], streamUrl: 'https://media.example.com/preroll.mp4', volume: 70, roomId: room.roomId })
    expect(lines[1]).toMatchObject({ volume: 25, paused: true })
    expect(lines.every((e) => e.requestId)).toBe(true)
    // The request log never holds the robot's UserSig.
    expect(on.services.cloud.requestLog.entries().find((e) => e.action === 'StartStreamIngest')?.payload).toContain('"UserSig":"<redacted>"')
  })

  it('shows a task the cloud has ended as ended, and a refused start is audited with its code', async () => {
    const room = liveRoom()
    const { commId: _c, ...target } = room
    const started = (await call<RoomTask>('ingest.start', { ...target, streamUrl: 'rtmp://media.example.com/live/backup', volume: 100, repeatNum: 1 })) as { ok: true; value: RoomTask }
    expect(started.value.robotUserId).toMatch(/^relay_[0-9a-f]{8}$/)
    // Stopped elsewhere (another console): the list learns it from DescribeStreamIngest's NotExist.
    const r = await signedCall('StopStreamIngest', { SdkAppId: room.sdkAppId, TaskId: started.value.taskId }, { endpoint: on.sim.endpoint, ...on.sim.credentials, region: 'ap-singapore' })
    expect(r.response.Error).toBeUndefined()
    const listed = (await call<{ tasks: RoomTask[] }>('roomTasks.list', undefined)) as { ok: true; value: { tasks: RoomTask[] } }
    const seen = listed.value.tasks.find((t) => t.taskId === started.value.taskId)!
    expect(seen.status).toBe('ended')
    expect(seen.endedAt).not.toBeNull()
    // Stopping it now is not an error, and ended tasks can be cleared from the list.
    expect((await call<RoomTask>('ingest.stop', { taskId: seen.taskId })).ok).toBe(true)
    const cleared = (await call<RoomTask[]>('roomTasks.clear', { taskId: seen.taskId })) as { ok: true; value: RoomTask[] }
    expect(cleared.value.some((t) => t.taskId === seen.taskId)).toBe(false)

    // A room that is not live: the cloud refuses, nothing is listed, the attempt is audited.
    const before = (await audit()).value.length
    const refused = await call<RoomTask>('ingest.start', { ...target, roomId: target.roomIdType === 'number' ? '4294967295' : 'no-such-room', streamUrl: 'https://media.example.com/a.mp4', volume: 100, repeatNum: 1 })
    expect(refused.ok).toBe(false)
    expect((refused as { error: AppError }).error.tencentCode).toMatch(/^InvalidParameter\.(Str)?RoomId$/)
    const after = (await audit()).value
    expect(after.length).toBe(before + 1)
    expect(after.at(-1)).toMatchObject({ action: 'inject', result: 'tencent.invalidParameter' })
    expect(after.at(-1)?.taskId).toBeUndefined()
  })

  it('keeps its tasks across a restart, so a loop started before can still be stopped', async () => {
    const room = liveRoom()
    const { commId: _c, ...target } = room
    const started = (await call<RoomTask>('ingest.start', { ...target, streamUrl: 'https://media.example.com/music.mp3', robot: 'music', volume: 40, repeatNum: -1 })) as { ok: true; value: RoomTask }
    const path = join(on.dir, 'room-tasks.json')
    expect(JSON.parse(await readFile(path, 'utf8')).tasks.some((t: RoomTask) => t.taskId === started.value.taskId)).toBe(true)
    // A second instance on the same file: what the app sees after a restart.
    const again = createRoomTasks({ cloud: on.services.cloud, audit: createAuditLog(join(on.dir, 'moderation-audit.jsonl')), emit: () => undefined, now: Date.now, path, log: quietLog })
    const listed = await again.list()
    expect(listed.ok && listed.value.tasks.find((t) => t.taskId === started.value.taskId)?.status).toBe('InProgress')
    expect((await again.stop(started.value.taskId, ['ingest'])).ok).toBe(true)
    expect((await usersOf(room)).find((u) => u.userId === 'relay_music')?.finished).toBe(true)
  })

  it('sets an unreadable task file aside instead of overwriting it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'room-tasks-'))
    const path = join(dir, 'room-tasks.json')
    await writeFile(path, '{"version":1,"tasks":[{"taskId":"kept-for-the-record"')
    const warned: string[] = []
    const tasks = createRoomTasks({ cloud: on.services.cloud, audit: createAuditLog(join(dir, 'audit.jsonl')), emit: () => undefined, now: () => 1_800_000_000_000, path, log: { ...quietLog, warn: (m: string) => void warned.push(m) } })
    expect((await tasks.list()).ok).toBe(true)
    expect(await readFile(join(dir, 'room-tasks.json.unreadable-1800000000000'), 'utf8')).toContain('kept-for-the-record')
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ version: 1, tasks: [] })
    expect(warned.some((w) => w.includes('kept aside'))).toBe(true)
    await rm(dir, { recursive: true, force: true })
  })

  it('starts every task where it can also be asked about and stopped', () => {
    expect(taskRegion('ingest', 'ap-guangzhou')).toBe('ap-singapore')
    expect(taskRegion('ingest', 'ap-jakarta')).toBe('ap-jakarta')
    expect(taskRegion('transcription', 'ap-tokyo')).toBe('ap-tokyo')
    expect(taskRegion('conversation', 'ap-beijing')).toBe('ap-guangzhou')
  })
})

describe('AI tasks in a room', () => {
  it('transcribes one user, reports its status, stops, and is audited', async () => {
    const room = liveRoom()
    const { commId: _c, ...target } = room
    const started = await call<RoomTask>('ai.start', { kind: 'transcription', ...target, language: 'zh', alternativeLanguages: ['en'], robot: 'captions' })
    expect(started.ok, JSON.stringify(started)).toBe(true)
    const task = (started as { value: RoomTask }).value
    expect(task).toMatchObject({ kind: 'transcription', robotUserId: 'asr_captions', region: 'ap-guangzhou', language: 'zh' })
    const listed = (await call<{ tasks: RoomTask[] }>('roomTasks.list', undefined)) as { ok: true; value: { tasks: RoomTask[] } }
    expect(['Preparing', 'InProgress']).toContain(listed.value.tasks.find((t) => t.taskId === task.taskId)?.status)
    expect((await usersOf(room)).find((u) => u.userId === 'asr_captions')?.finished).toBe(false)
    const stopped = await call<RoomTask>('ai.stop', { taskId: task.taskId })
    expect(stopped.ok && stopped.value.status).toBe('ended')
    // A media task's ID is not an AI task's.
    expect((await call('ingest.stop', { taskId: task.taskId })).ok).toBe(false)
    const lines = (await audit()).value.filter((e) => e.taskId === task.taskId)
    expect(lines.map((e) => [e.action, e.apiAction])).toEqual([
      ['transcribe', 'StartAITranscription'],
      ['aiStop', 'StopAITranscription'],
    ])
  })

  it('starts a conversation with the LLM and TTS configs checked first, and never keeps their keys', async () => {
    const room = liveRoom(1)
    const { commId: _c, ...target } = room
    const user = (await usersOf(room)).find((u) => !u.finished)!.userId
    const llm = { LLMType: 'openai', Model: 'gpt-4o', APIKey: 'sk-room-tasks-test', APIUrl: 'https://llm.example.com/v1/chat/completions' }
    const tts = { AppId: 1300000000, SecretId: 'AKIDtts', SecretKey: 'tts-room-tasks-secret', VoiceType: 101001 }
    const req = { kind: 'conversation', ...target, targetUserId: user, language: 'en', welcomeMessage: 'Hello', llmConfig: JSON.stringify(llm), ttsConfig: JSON.stringify(tts) }

    const sent = on.services.cloud.requestLog.entries().length
    const bad = await call('ai.start', { ...req, llmConfig: JSON.stringify({ ...llm, APIUrl: undefined }) })
    expect(bad.ok).toBe(false)
    expect((bad as { error: AppError }).error.say).toEqual({ key: 'err.tasks.config', params: { config: 'LLMConfig', field: 'APIUrl' } })
    expect(on.services.cloud.requestLog.entries().length).toBe(sent)

    const started = (await call<RoomTask>('ai.start', req)) as { ok: true; value: RoomTask }
    expect(started.value).toMatchObject({ kind: 'conversation', targetUserId: user, language: 'en' })
    expect(started.value.robotUserId).toMatch(/^agent_/)
    const logged = on.services.cloud.requestLog.entries().find((e) => e.action === 'StartAIConversation')!.payload
    expect(logged).not.toContain('sk-room-tasks-test')
    expect(logged).not.toContain('tts-room-tasks-secret')
    expect(logged).toContain('gpt-4o')
    expect((await call('ai.stop', { taskId: started.value.taskId })).ok).toBe(true)
    const files = await Promise.all(['room-tasks.json', 'moderation-audit.jsonl'].map((f) => readFile(join(on.dir, f), 'utf8')))
    for (const text of files) expect(text).not.toMatch(/sk-room-tasks-test|tts-room-tasks-secret/)
  })
})
