// The validator and the simulator read the same rules of the reference (docs/reference-rules.md)
// from two sides: the document before it is compiled, and the request on the wire. Random layouts
// built through the model's own commands are compiled to all four request kinds; for each one the
// validator's verdict on what reaches the wire and the simulator's answer must agree.
import { describe, expect, it } from 'vitest'
import { genUserSig } from '../main/usersig/tlsSig'
import { applyCommand, type Command } from '../shared/layout/commands'
import { fromMcuRequest, fromRecordingRequest, toCreateCloudRecordingRequest, toModifyCloudRecordingRequest, toStartPublishCdnStreamRequest, toUpdatePublishCdnStreamRequest } from '../shared/layout/compile'
import { createDoc, makeTile, type CanvasPresetId, type ImageRef, type LayoutDoc, type RenderMode, type UserRef } from '../shared/layout/model'
import { reachesWire, validate, type Issue, type Target, type TaskContext } from '../shared/layout/validate'
import { isDocumentedCode } from '../shared/trtc/errorCodes'
import type { SimContext } from './context'
import { startPublishCdnStream, updatePublishCdnStream, type MixTasks } from './mixing'
import type { Reply } from './params'
import { createCloudRecording, modifyCloudRecording, type RecordingTasks } from './recording'
import { createWorld, emptyOverlay } from './world'
import { mulberry32 } from '../shared/testing/rng'

const ACTION: Record<'Start' | 'Update' | 'Create' | 'Modify', string> = { Start: 'StartPublishCdnStream', Update: 'UpdatePublishCdnStream', Create: 'CreateCloudRecording', Modify: 'ModifyCloudRecording' }

const LAYOUTS = 1000
const world = createWorld('agreement')
const app = world.apps[0]!.sdkAppId
const SDK_KEY = 'agreement-sdk-key'
const NOW = 1_780_000_000

function context(): SimContext {
  let n = 0
  return { world, overlay: emptyOverlay(), now: NOW, nowMs: NOW * 1000, edition: 'premium', sdkSecretKeys: new Map([[app, SDK_KEY]]), nextId: (k) => `${k}-${++n}` }
}


const MAIN = { id: '1234', type: 'number' as const }
const TASK_CANVAS = { width: 1280, height: 720 }

function generator(seed: number) {
  const r = mulberry32(seed)
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1))
  const chance = (p: number): boolean => r() < p
  const users = ['alice', 'bob_2', 'carol-3', 'dave', 'bad id', 'e.f', 'x'.repeat(40)]
  const rooms: Array<Pick<UserRef, 'roomId' | 'roomIdType'>> = [
    { roomId: '', roomIdType: 'number' },
    { roomId: '', roomIdType: 'number' },
    { roomId: MAIN.id, roomIdType: 'number' },
    { roomId: MAIN.id, roomIdType: 'number' },
    { roomId: '5678', roomIdType: 'number' },
    { roomId: '0123', roomIdType: 'number' },
    { roomId: '4294967296', roomIdType: 'number' },
    { roomId: 'studio-a', roomIdType: 'string' },
    { roomId: '1234', roomIdType: 'string' },
    { roomId: 'bad\u0001room', roomIdType: 'string' },
  ]
  const urls = ['https://cdn.example.com/a.png', 'https://cdn.example.com/b.jpg?x=1', 'http://img.example.com/背景.png', 'ftp://example.com/a.png', 'not a url', '']
  const image = (): ImageRef => {
    const url = pick(urls)
    return url === '' ? { name: 'local.png' } : { name: 'img', url }
  }
  const user = (): UserRef => ({ userId: pick(users), ...pick(rooms), streamType: chance(0.2) ? 'screen' : 'camera' })
  const modes: RenderMode[] = ['crop', 'fit', 'fitBlack', 'stretch', 'smart']
  const presets: CanvasPresetId[] = ['1920x1080', '1280x720', '720x1280', '1080x1920']
  const colors = ['#000000', '#12abEF', '#12345g', 'red']

  function command(doc: LayoutDoc): Command {
    const ids = doc.tiles.map((t) => t.id)
    const some = (): string[] => ids.filter(() => chance(0.5))
    const one = (): string => pick(ids)
    switch (pick(['add', 'add', 'add', 'props', 'props', 'bind', 'bind', 'move', 'canvas', 'mode', 'watermark', 'audio', 'sei', 'remove', 'rect', 'many'] as const)) {
      case 'add':
        return { type: 'addTile', rect: { x: int(0, 1800), y: int(0, 1000), width: int(0, 900), height: int(0, 700) } }
      case 'many':
        return ids.length ? { type: 'duplicateTiles', ids: chance(0.5) ? ids : some(), offset: int(0, 20) } : { type: 'addTile' }
      case 'rect':
        return ids.length ? { type: 'setTileRect', id: one(), rect: { x: int(-20, 1900), y: int(-20, 1900), width: int(0, 1000), height: int(0, 1000) } } : { type: 'addTile' }
      case 'props': {
        if (!ids.length) return { type: 'addTile' }
        const props: Record<string, unknown> = {}
        if (chance(0.5)) props.renderMode = pick(modes)
        if (chance(0.3)) props.crop = chance(0.2) ? null : { x: pick([-1, 0, 1, 5000, 9990]), y: pick([0, 1, 20]), w: pick([-1, 0, 100, 9999]), h: pick([0, 100, 5000]) }
        if (chance(0.3)) props.alpha = pick([null, 0, 128, 255, 300, -1])
        if (chance(0.3)) props.z = int(-2, 5)
        if (chance(0.3)) props.placeholder = chance(0.3) ? null : image()
        if (chance(0.2)) props.placeholderFit = pick([null, 'crop', 'scaleBackground', 'scaleBlack', 'proportional'])
        return { type: 'setTileProps', ids: some(), props }
      }
      case 'bind':
        return ids.length ? (chance(0.15) ? { type: 'unbind', id: one() } : { type: 'bindUser', id: one(), user: user() }) : { type: 'addTile' }
      case 'move':
        return { type: 'moveTiles', ids: some(), dx: int(-300, 300), dy: int(-300, 300) }
      case 'remove':
        return { type: 'removeTiles', ids: some() }
      case 'canvas':
        if (chance(0.4)) return { type: 'setCanvas', preset: pick(presets), scaleContent: chance(0.5) }
        if (chance(0.3)) return { type: 'setCanvas', preset: 'custom', width: int(0, 2100), height: int(0, 2100), scaleContent: false }
        return { type: 'setCanvas', backgroundColor: pick(colors), backgroundImage: chance(0.5) ? null : image(), backgroundRenderMode: chance(0.5) ? null : pick(modes) }
      case 'mode':
        return { type: 'setMode', mode: pick(['custom', 'custom', 'floating', 'grid', 'screenShare'] as const), template: { bigScreenUser: chance(0.3) ? null : user(), renderMode: pick(modes), showAudioOnly: chance(0.5), bigOnRight: chance(0.5), defaultPlaceholder: chance(0.7) ? null : image() } }
      case 'watermark':
        return chance(0.5)
          ? { type: 'addWatermark', watermark: { kind: 'image', image: image(), x: int(0, 2000), y: int(0, 1200), width: int(0, 600), height: int(0, 400), z: int(0, 3) } }
          : { type: 'addWatermark', watermark: { kind: 'text', text: pick(['', 'LIVE', '直播']), fontSize: int(0, 40), fontColor: pick(colors), backgroundColor: chance(0.5) ? null : pick(colors), x: int(0, 1800), y: int(0, 1000), width: int(0, 400), height: int(0, 100) } }
      case 'audio': {
        const list = (): Array<{ userId: string; roomId: string; roomIdType: 'number' | 'string' }> | null =>
          chance(0.4) ? null : Array.from({ length: chance(0.05) ? 33 : int(0, 3) }, () => ({ userId: pick(users), ...pick(rooms) }))
        return { type: 'setAudio', audio: { subscribe: list(), unsubscribe: list() } }
      }
      case 'sei':
        return {
          type: 'setSei',
          sei: {
            layoutVolume: chance(0.3) ? null : { appData: chance(0.1) ? 'x'.repeat(4096) : 'show', payloadType: pick([5, 99, 100, 150, 244, 254, 255]), interval: pick([0, 1, 1000]), followIdr: chance(0.5) },
            passThrough: chance(0.6) ? null : { payloadType: pick([5, 100, 244, 254]), uuid: pick([null, '0123456789abcdef0123456789abcdef', 'xyz']), content: pick(['', 'hello']), interval: pick([0, 500]), followIdr: chance(0.5) },
          },
        }
    }
  }

  /** A request file as a user might drop one on the canvas: the importers keep what they can read, out-of-range values included. */
  function imported(): LayoutDoc {
    const n = (lo: number, hi: number): number => int(lo, hi)
    const tiles = Array.from({ length: chance(0.3) ? n(24, 30) : n(0, 4) }, () => ({ x: n(-50, 2000), y: n(-50, 2000), w: n(-10, 2000), h: n(0, 1200) }))
    const marks = Array.from({ length: chance(0.3) ? 26 : n(0, 2) }, () => ({ x: n(0, 2700), y: n(0, 2700), w: n(0, 100), h: n(0, 100) }))
    if (chance(0.5)) {
      return fromMcuRequest({
        VideoParams: {
          VideoEncode: { Width: pick([1280, 1920, 2000]), Height: pick([720, 1080, 1200]) },
          LayoutParams: { MixLayoutMode: 4, MixLayoutList: tiles.map((t) => ({ LocationX: t.x, LocationY: t.y, ImageWidth: t.w, ImageHeight: t.h })) },
          WaterMarkList: marks.map((m) => ({ WaterMarkType: 0, WaterMarkImage: { WaterMarkUrl: pick(urls.slice(0, 2)), LocationX: m.x, LocationY: m.y, WaterMarkWidth: m.w, WaterMarkHeight: m.h } })),
        },
      }).doc
    }
    return fromRecordingRequest({
      MixTranscodeParams: { VideoParams: { Width: pick([1280, 1920, 1080]), Height: pick([720, 1080, 1920]) } },
      MixLayoutParams: {
        MixLayoutMode: 4,
        MixLayoutList: tiles.map((t) => ({ Left: t.x, Top: t.y, Width: t.w, Height: t.h, ImageLayer: n(-1, 3) })),
        WaterMarkList: marks.map((m) => ({ WaterMarkType: 0, WaterMarkImage: { WaterMarkUrl: pick(urls.slice(0, 2)), Left: m.x, Top: m.y, Width: m.w, Height: m.h } })),
      },
    }).doc
  }

  return (): LayoutDoc => {
    let doc = createDoc(pick(presets))
    doc = chance(0.2) ? imported() : { ...doc, tiles: [makeTile('t1', { x: 0, y: 0, width: 640, height: 360 })] }
    const steps = int(1, 14)
    for (let i = 0; i < steps; i++) doc = applyCommand(doc, command(doc))
    return doc
  }
}

const wireErrors = (issues: readonly Issue[], target: Target): Issue[] => issues.filter((i) => i.severity === 'error' && reachesWire(i.code, target))

function robot(userId: string) {
  return { UserId: userId, UserSig: genUserSig({ sdkAppId: app, sdkSecretKey: SDK_KEY, userId, expireSeconds: 86400, nowSeconds: NOW }) }
}

/** A running task of each kind on a 1280×720 canvas, for Update and Modify to change. */
function runningTasks(ctx: SimContext) {
  const base = { ...createDoc('1280x720'), tiles: [makeTile('t1', { x: 0, y: 0, width: 640, height: 360 })] }
  const mix: MixTasks = new Map()
  const started = startPublishCdnStream(startBody(base) as Record<string, unknown>, ctx, mix)
  const recordings: RecordingTasks = new Map()
  const created = createCloudRecording(createBody(base) as Record<string, unknown>, ctx, recordings)
  if (!started.ok || !created.ok) throw new Error(`baseline refused: ${JSON.stringify([started, created])}`)
  return { mix, mixId: started.body.TaskId as string, recordings, recordingId: created.body.TaskId as string }
}

function startBody(doc: LayoutDoc) {
  return toStartPublishCdnStreamRequest(doc, {
    SdkAppId: app,
    RoomId: MAIN.id,
    RoomIdType: 0,
    AgentParams: { UserId: 'mixer_agreement', MaxIdleTime: 30 },
    VideoEncode: { Fps: 15, BitRate: 1500, Gop: 2 },
    AudioEncode: { SampleRate: 48000, Channel: 2, BitRate: 64 },
    PublishCdnParams: [{ PublishCdnUrl: 'rtmp://push.example.com/live/show', IsTencentCdn: 0 }],
  })
}

function createBody(doc: LayoutDoc) {
  return toCreateCloudRecordingRequest(doc, {
    SdkAppId: app,
    RoomId: MAIN.id,
    RoomIdType: 1,
    ...robot('recorder_agreement'),
    RecordParams: { RecordMode: 2 },
    StorageParams: { CloudVod: { TencentVod: {} } },
    Video: { Fps: 15, BitRate: 1_500_000, Gop: 2 },
    AudioParams: { SampleRate: 1, Channel: 2, BitRate: 64000 },
  })
}

describe('validator ⇔ simulator, on random layouts made by the model commands', () => {
  it(`agree on ${LAYOUTS} layouts × Start, Update, Create and Modify`, () => {
    const ctx = context()
    const tasks = runningTasks(ctx)
    const next = generator(20261202)
    let sequence = 0
    const counts = { accepted: 0, refused: 0 }
    const seen = new Set<string>()
    const disagreements: string[] = []
    const undocumented = new Set<string>()
    for (let i = 0; i < LAYOUTS; i++) {
      const doc = next()
      const kinds: Array<{ kind: keyof typeof ACTION; target: Target; task: TaskContext; send: () => Reply }> = [
        { kind: 'Start', target: 'mcu', task: { room: MAIN }, send: () => startPublishCdnStream(startBody(doc) as Record<string, unknown>, ctx, new Map()) },
        {
          kind: 'Update',
          target: 'mcu',
          task: { room: MAIN, canvas: TASK_CANVAS },
          send: () => updatePublishCdnStream(toUpdatePublishCdnStreamRequest(doc, { SdkAppId: app, TaskId: tasks.mixId, SequenceNumber: ++sequence, MainRoom: { roomId: MAIN.id, roomIdType: 'number' } }) as Record<string, unknown>, ctx, tasks.mix),
        },
        { kind: 'Create', target: 'recording', task: { room: MAIN }, send: () => createCloudRecording(createBody(doc) as Record<string, unknown>, ctx, new Map()) },
        { kind: 'Modify', target: 'recording', task: { room: MAIN, canvas: TASK_CANVAS }, send: () => modifyCloudRecording(toModifyCloudRecordingRequest(doc, { SdkAppId: app, TaskId: tasks.recordingId }) as Record<string, unknown>, ctx, tasks.recordings) },
      ]
      for (const k of kinds) {
        const errors = wireErrors(validate(doc, k.target, k.task), k.target)
        for (const e of errors) seen.add(`${k.target}:${e.code}`)
        const reply = k.send()
        counts[reply.ok ? 'accepted' : 'refused']++
        if (!reply.ok && !isDocumentedCode(ACTION[k.kind], reply.code)) undocumented.add(`${ACTION[k.kind]}: ${reply.code}`)
        if (reply.ok !== (errors.length === 0))
          disagreements.push(`layout ${i} ${k.kind}: validator ${errors.map((e) => e.code).join(',') || 'accepts'}; simulator ${reply.ok ? 'accepts' : `${reply.code}: ${reply.message}`}`)
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([])
    // Every refusal carries a code the reference lists for that action or for all actions.
    expect([...undocumented]).toEqual([])
    // Both verdicts occur often enough for the agreement to mean something.
    expect(counts.accepted).toBeGreaterThan(LAYOUTS * 0.5)
    expect(counts.refused).toBeGreaterThan(LAYOUTS * 0.5)
    // And the layouts reach the rules: each of these was the verdict on some request.
    const expected = ['canvas.width', 'canvas.height', 'canvas.area', 'color.format', 'image.url', 'image.cjk', 'tiles.none', 'tiles.count', 'template.bigScreenRequired', 'tile.negative', 'tile.right', 'tile.bottom', 'tile.range', 'tile.layer', 'tile.alpha', 'crop.offset', 'crop.size', 'crop.limit', 'binding.duplicate', 'user.id', 'room.numeric', 'room.string', 'room.notMain', 'room.notInLayout', 'watermarks.count', 'watermark.bounds', 'watermark.range', 'watermark.text', 'watermark.fontSize', 'watermark.textUnsupported', 'audio.count', 'audio.bothLists', 'sei.appData', 'sei.payloadType', 'sei.interval', 'sei.uuid', 'sei.content']
    const missing = expected.filter((code) => ![...seen].some((s) => s.endsWith(`:${code}`)))
    expect(missing).toEqual([])
  })
})
