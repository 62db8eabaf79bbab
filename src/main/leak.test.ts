// Secrets stay in main: with a profile saved and every IPC channel exercised, neither the
// SecretKey nor an SDK secret key appears in any reply, push event, log line or file.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { channelNames, type ChannelName } from '../shared/contract/channels'
import { createDoc } from '../shared/layout/model'
import { startSimulator } from '../simulator/server'
import { stayingRoom } from '../simulator/world'
import { InMemorySecretStore } from './credentials/secretStore'
import { createServices, demoCloudOf } from './services'

const cleanups: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...(await filesUnder(p)))
    else out.push(p)
  }
  return out
}

describe('secrets never leave main', () => {
  it('appear in no IPC reply, push event, log line or file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trtc-desk-leak-'))
    const sim = await startSimulator({ seed: 'leak' })
    cleanups.push(async () => {
      await sim.close().catch(() => undefined)
      await rm(dir, { recursive: true, force: true })
    })
    const sdkAppId = sim.credentials.sdkAppId
    const sdkSecretKey = sim.sdkSecretKeyOf(sdkAppId)!
    const profileSecretKey = sim.credentials.secretKey
    const typedSdkKey = 'sdk-key-typed-by-the-user-0123456789'
    const token = 'token-typed-by-the-user-abcdef'
    // Keys of the customer's own LLM and TTS services, typed into an AI conversation's configs.
    const llmKey = 'sk-llm-key-typed-by-the-user-42'
    const ttsKey = 'tts-secret-key-typed-by-the-user-7'
    const secrets = [profileSecretKey, sdkSecretKey, typedSdkKey, token, llmKey, ttsKey]

    const seen: string[] = []
    const logLines: string[] = []
    const log = {
      error: (m: string, d?: unknown) => logLines.push(m + JSON.stringify(d instanceof Error ? { m: d.message, s: d.stack } : d ?? '')),
      warn: (m: string, d?: unknown) => logLines.push(m + JSON.stringify(d ?? '')),
      info: (m: string, d?: unknown) => logLines.push(m + JSON.stringify(d ?? '')),
    }
    const services = await createServices({
      userDataDir: dir,
      secrets: new InMemorySecretStore(),
      log,
      appInfo: { name: 'TRTC Desk', version: '0', versions: { electron: '', chrome: '', node: '', v8: '' }, platform: 'linux', arch: 'x64', systemLocales: ['en'] },
      emit: (e, p) => void seen.push(`event ${e} ${JSON.stringify(p)}`),
      openExternal: async () => undefined,
      startDemo: async () => demoCloudOf(sim),
    })
    cleanups.push(() => services.close())
    const call = async (channel: ChannelName, request: unknown) => {
      const r = await services.dispatch(channel, request)
      seen.push(`${channel} ${JSON.stringify(r)}`)
      return r
    }

    // A real profile holding real keys for the simulator, plus a token and a typed SDK key.
    const created = await call('profiles.create', {
      profile: {
        name: 'Leak check',
        secretId: sim.credentials.secretId,
        secretKey: profileSecretKey,
        token,
        endpoint: { url: sim.endpoint },
        defaultRegion: 'ap-guangzhou',
        sdkApps: [{ sdkAppId, sdkSecretKey }, { sdkAppId: 1400000099, sdkSecretKey: typedSdkKey }],
      },
      activate: 'now',
    })
    expect(created.ok).toBe(true)
    const list = await call('profiles.list', undefined)
    const id = list.ok ? (list.value as { activeId: string }).activeId : ''
    // The token is not one the simulator issued; drop it so calls succeed and exercise more paths.
    await call('profiles.update', { id, patch: { token: null } })

    const now = Math.floor(Date.now() / 1000)
    const rooms = await call('rooms.fetch', { jobId: 'j1', sdkAppId, startTime: now - 3600, endTime: now })
    const room = rooms.ok ? (rooms.value as { rooms: Array<{ commId: string; roomId: string; roomIdType: 'number' | 'string'; createTime: number }> }).rooms[0] : undefined
    expect(room).toBeDefined()
    // The media and AI tasks go to a room that stays live through the test.
    const staying = stayingRoom(sim.world, sim.world.apps.find((a) => a.sdkAppId === sdkAppId)!, now, { users: 1, forS: 600 })!.room
    const live = { sdkAppId, roomId: staying.roomId, roomIdType: staying.isString ? 'string' : 'number' }
    const requests: Record<ChannelName, unknown> = {
      'app.info': undefined,
      'settings.get': undefined,
      'settings.update': { theme: 'dark' },
      'profiles.list': undefined,
      'profiles.activate': { id },
      'profiles.create': { profile: { name: '' } },
      'profiles.update': { id, patch: { name: 'Leak check 2' } },
      'profiles.delete': { id: 'no-such-profile' },
      'profiles.test': { id },
      'profiles.discoverImports': undefined,
      'profiles.import': { candidateId: 'env', name: 'x', site: 'china', sdkAppIds: [] },
      'profiles.deletePlaintext': { candidateId: 'env' },
      'cloud.requestLog': undefined,
      'cloud.status': undefined,
      'usersig.generate': { profileId: id, sdkAppId, userId: 'robot', expireSeconds: 3600 },
      'usersig.decode': { userSig: 'eJyrVgrxCdYrSy1SslIqVtKpBgA' },
      'rooms.fetch': { jobId: 'j2', sdkAppId, startTime: now - 3600, endTime: now },
      'rooms.cancel': { jobId: 'j2' },
      'rooms.qualityFocus': { commIds: ['x'] },
      'rooms.qualitySnapshot': undefined,
      'rooms.findUser': { query: 'guest' },
      'rooms.quality': { sdkAppId, commId: room!.commId, startTime: now - 600, endTime: now, userIds: ['someone'], dataTypes: ['aLoss'] },
      'rooms.events': { sdkAppId, commId: room!.commId, roomId: room!.roomId, userId: 'someone', startTime: now - 600, endTime: now },
      'rooms.users': { sdkAppId, commId: room!.commId, startTime: room!.createTime, endTime: now },
      'moderation.run': { action: 'block', sdkAppId, roomId: room!.roomId, roomIdType: room!.roomIdType, userIds: ['someone'], isMute: 1 },
      'moderation.scheduled': undefined,
      'moderation.cancelScheduled': { id: 'none' },
      'layout.probeImages': { urls: ['http://127.0.0.1:9/none.png'] },
      'mixing.start': { sdkAppId, roomId: room!.roomId, roomIdType: room!.roomIdType, doc: createDoc('1280x720'), cdnUrls: ['rtmp://push.example.com/live/desk'] },
      'mixing.update': { taskId: 'none', doc: createDoc('1280x720') },
      'mixing.stop': { taskId: 'none' },
      'mixing.tasks': undefined,
      'mixing.layout': { taskId: 'none' },
      'recording.start': { sdkAppId, roomId: room!.roomId, roomIdType: room!.roomIdType, doc: createDoc('1280x720'), options: { streamType: 0, maxIdleTime: 30, mediaType: 0, expireDays: 0, recordId: '' } },
      'recording.update': { taskId: 'none', doc: createDoc('1280x720') },
      'recording.stop': { taskId: 'none' },
      'recording.tasks': undefined,
      'recording.layout': { taskId: 'none' },
      'cues.load': undefined,
      'cues.save': { cues: [{ id: 'c1', name: 'Wide', doc: createDoc('1280x720') }] },
      'sei.liveStart': { url: `${sim.endpoint}/live/none.flv` },
      'sei.liveStop': { id: 'live-1' },
      'audit.list': undefined,
      'console.call': { action: 'DescribeRoomInfo', params: { SdkAppId: sdkAppId, StartTime: now - 3600, EndTime: now } },
      'roomTasks.list': undefined,
      'roomTasks.clear': { taskId: 'none' },
      'ingest.start': { ...live, streamUrl: 'https://media.example.com/clip.mp4', volume: 80, repeatNum: 1 },
      'ingest.update': { taskId: 'none', volume: 10 },
      'ingest.stop': { taskId: 'none' },
      'ai.start': {
        kind: 'conversation',
        ...live,
        targetUserId: 'someone',
        language: 'en',
        llmConfig: JSON.stringify({ LLMType: 'openai', Model: 'gpt-4o', APIKey: llmKey, APIUrl: 'https://llm.example.com/v1/chat/completions' }),
        ttsConfig: JSON.stringify({ AppId: 1300000000, SecretId: 'AKIDtts', SecretKey: ttsKey, VoiceType: 101001 }),
      },
      'ai.stop': { taskId: 'none' },
      'dashboard.start': { sdkAppId, spanS: 600 },
      'dashboard.stop': undefined,
      'dashboard.pause': { paused: true },
      'dashboard.configure': { refreshS: 30 },
      'dashboard.refresh': undefined,
      'dashboard.market': { sdkAppId, startDate: new Date(now * 1000 - 86_400_000).toISOString().slice(0, 10), endDate: new Date(now * 1000).toISOString().slice(0, 10), period: 'd' },
      'dashboard.roomUsage': { sdkAppId, date: new Date(now * 1000).toISOString().slice(0, 10) },
      'dashboard.usage': { sdkAppId, startDate: new Date(now * 1000).toISOString().slice(0, 10), endDate: new Date(now * 1000).toISOString().slice(0, 10) },
      'layout.open': undefined,
      'layout.openRecent': { id: 'none' },
      'layout.save': { doc: createDoc('1280x720') },
      'layout.saveAs': { doc: createDoc('1280x720') },
      'layout.recent': undefined,
      'layout.removeRecent': { id: 'none' },
      'layout.clearRecent': undefined,
      'layout.autosave': { doc: createDoc('1280x720') },
      'layout.recovery': undefined,
      'layout.restoreRecovery': undefined,
      'layout.discardRecovery': undefined,
      'alerts.rules': undefined,
      'alerts.saveRule': { rule: { name: 'Leak check', enabled: true, kind: 'metric', scope: { kind: 'app', sdkAppId }, metric: 'userCount', comparator: '>', threshold: 0, hysteresis: 0, durationS: 0 } },
      'alerts.deleteRule': { id: 'none' },
      'alerts.configure': { pollIntervalS: 60 },
      'alerts.list': undefined,
      'alerts.ack': { all: true },
      'shell.openExternal': { url: 'https://trtc.io/' },
    }
    for (const channel of channelNames) await call(channel, requests[channel])
    // The tasks just started, changed and stopped by their real IDs.
    const started = await call('roomTasks.list', undefined)
    for (const task of started.ok ? (started.value as { tasks: Array<{ taskId: string; kind: string }> }).tasks : []) {
      if (task.kind === 'ingest') await call('ingest.update', { taskId: task.taskId, volume: 20, paused: true })
      await call(task.kind === 'ingest' ? 'ingest.stop' : 'ai.stop', { taskId: task.taskId })
    }
    expect(started.ok && (started.value as { tasks: unknown[] }).tasks.length).toBe(2)
    await call('moderation.run', { action: 'dismiss', sdkAppId, roomId: room!.roomId, roomIdType: room!.roomIdType, confirmRoomId: room!.roomId })
    seen.push(JSON.stringify(services.cloud.requestLog.entries()))

    const files = await filesUnder(dir)
    expect(files.some((f) => f.endsWith('profiles.json'))).toBe(true)
    expect(files.some((f) => f.endsWith('moderation-audit.jsonl'))).toBe(true)
    // An atomic write still in flight renames its .tmp away between listing and reading; its bytes are in the final file.
    const read = (f: string) => readFile(f, 'latin1').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' && f.endsWith('.tmp') ? '' : Promise.reject(e)))
    const texts = [...seen, ...logLines, ...(await Promise.all(files.map(read)))]
    for (const secret of secrets) {
      for (const text of texts) expect(text.includes(secret), `${secret.slice(0, 6)}… leaked in ${text.slice(0, 120)}`).toBe(false)
    }
    // And the checks above saw real traffic, not only errors.
    expect(seen.filter((s) => s.includes('"ok":true')).length).toBeGreaterThan(15)
  })
})
