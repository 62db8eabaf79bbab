// The `.trtclayout.json` file: `{ format: 'trtc-desk-layout', version: 2, doc }`.
//
// API: FILE_FORMAT; FILE_VERSION; FILE_EXTENSION; serialize(doc): string;
// parseLayoutFile(text): Result<LayoutDoc> (never throws); layoutDocSchema (zod).
//
// Version history:
//   1 — tiles carried `zOrder` and a numeric `renderMode` (McuLayout's 0 crop / 1 scale / 2 bars),
//       users as flat `userId`/`roomId` fields; colours were numbers (0xRRGGBB as an integer);
//       there were no watermarks, audio lists, SEI or template settings.
//   2 — the LayoutDoc of model.ts.
// Migrations run one version at a time, so a v1 file becomes v2 through migrate1to2.
import { z } from 'zod'
import { err, ok, type Result } from '../errors'
import { createDoc, DOC_VERSION, makeTile, presetOf, type LayoutDoc, type RenderMode, type Tile } from './model'

export const FILE_FORMAT = 'trtc-desk-layout'
export const FILE_VERSION = 2
export const FILE_EXTENSION = '.trtclayout.json'

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour of the form #rrggbb')
const int = z.number().int()
const renderMode = z.enum(['crop', 'fit', 'fitBlack', 'stretch', 'smart'])
const image = z.object({ name: z.string(), url: z.string().optional(), dataRef: z.string().optional() })
const roomIdType = z.enum(['number', 'string'])
const userRef = z.object({ userId: z.string(), roomId: z.string(), roomIdType, streamType: z.enum(['camera', 'screen']) })
const rect = { x: int, y: int, width: int.min(0), height: int.min(0) }
const audioUser = z.object({ userId: z.string(), roomId: z.string(), roomIdType })

// Typed as the model so the schema cannot drift from LayoutDoc unnoticed.
export const layoutDocSchema: z.ZodType<LayoutDoc> = z.object({
  version: z.literal(DOC_VERSION),
  name: z.string(),
  canvas: z.object({
    width: int.min(1),
    height: int.min(1),
    preset: z.enum(['1920x1080', '1280x720', '720x1280', '1080x1920', 'custom']),
    backgroundColor: color,
    backgroundImage: image.nullable(),
    backgroundRenderMode: renderMode.nullable(),
  }),
  mode: z.enum(['custom', 'floating', 'grid', 'screenShare']),
  template: z.object({ bigScreenUser: userRef.nullable(), renderMode, showAudioOnly: z.boolean(), bigOnRight: z.boolean(), defaultPlaceholder: image.nullable() }),
  tiles: z.array(
    z.object({
      id: z.string().min(1),
      ...rect,
      z: int,
      renderMode,
      crop: z.object({ x: int, y: int, w: int, h: int }).nullable(),
      placeholder: image.nullable(),
      placeholderFit: z.enum(['crop', 'scaleBackground', 'scaleBlack', 'proportional']).nullable(),
      binding: z.discriminatedUnion('kind', [z.object({ kind: z.literal('slot') }), userRef.extend({ kind: z.literal('user') })]),
      label: z.string(),
      locked: z.boolean(),
      alpha: int.min(0).max(255).nullable(),
    }),
  ),
  watermarks: z.array(
    z.discriminatedUnion('kind', [
      z.object({ id: z.string().min(1), kind: z.literal('image'), image, z: int, ...rect }),
      z.object({ id: z.string().min(1), kind: z.literal('text'), text: z.string(), fontSize: int.min(1), fontColor: color, backgroundColor: color.nullable(), ...rect }),
    ]),
  ),
  audio: z.object({ subscribe: z.array(audioUser).nullable(), unsubscribe: z.array(audioUser).nullable() }),
  sei: z.object({
    layoutVolume: z.object({ appData: z.string(), payloadType: int, interval: int, followIdr: z.boolean() }).nullable(),
    passThrough: z.object({ payloadType: int, uuid: z.string().nullable(), content: z.string(), interval: int, followIdr: z.boolean() }).nullable(),
  }),
})

const v1Schema = z.object({
  name: z.string().optional(),
  canvas: z.object({ width: int.min(1), height: int.min(1), background: int.min(0).max(0xffffff).optional() }),
  tiles: z.array(
    z.object({
      id: z.string().min(1),
      x: int,
      y: int,
      width: int.min(0),
      height: int.min(0),
      zOrder: int.optional(),
      renderMode: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
      userId: z.string().optional(),
      roomId: z.string().optional(),
      label: z.string().optional(),
    }),
  ),
})

const V1_RENDER: readonly RenderMode[] = ['crop', 'fit', 'fitBlack']
const hexOf = (n: number): string => `#${n.toString(16).padStart(6, '0')}`

function migrate1to2(v1: z.output<typeof v1Schema>): LayoutDoc {
  const doc = createDoc(presetOf(v1.canvas.width, v1.canvas.height), v1.name ?? '', v1.canvas)
  if (v1.canvas.background !== undefined) doc.canvas.backgroundColor = hexOf(v1.canvas.background)
  doc.tiles = v1.tiles.map((t): Tile => {
    const tile = makeTile(t.id, t, t.zOrder ?? 0)
    tile.renderMode = V1_RENDER[t.renderMode ?? 0] ?? 'crop'
    tile.label = t.label ?? t.userId ?? ''
    if (t.userId) {
      const roomId = t.roomId ?? ''
      // v1 did not record the room type; a room of digits in range was a numeric room.
      const numeric = roomId === '' || (/^[1-9]\d{0,9}$/.test(roomId) && Number(roomId) <= 4294967295)
      tile.binding = { kind: 'user', userId: t.userId, roomId, roomIdType: numeric ? 'number' : 'string', streamType: 'camera' }
    }
    return tile
  })
  return doc
}

export function serialize(doc: LayoutDoc): string {
  return `${JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, doc }, null, 2)}\n`
}

function damaged(e: z.ZodError, what: string): Result<never> {
  const where = e.issues[0]?.path.join('.') || 'doc'
  return err('file.invalid', 'err.layout.damaged', { where }, { message: `${what} is damaged: ${describeIssues(e)}.` })
}

function describeIssues(e: z.ZodError): string {
  return e.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(top)'}: ${i.message}`)
    .join('; ')
}

export function parseLayoutFile(text: string): Result<LayoutDoc> {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return err('file.invalid', 'err.layout.notJson')
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return err('file.invalid', 'err.layout.notObject')
  const env = raw as Record<string, unknown>
  if (env.format !== FILE_FORMAT) return err('file.invalid', 'err.layout.notOurs', { format: FILE_FORMAT })
  const version = env.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return err('file.invalid', 'err.layout.noVersion')
  if (version > FILE_VERSION) return err('file.invalid', 'err.layout.newer', { version, max: FILE_VERSION })
  if (version === 1) {
    const v1 = v1Schema.safeParse(env.doc)
    if (!v1.success) return damaged(v1.error, 'The version 1 layout file')
    return checked(migrate1to2(v1.data))
  }
  return checked(env.doc)
}

function checked(doc: unknown): Result<LayoutDoc> {
  const parsed = layoutDocSchema.safeParse(doc)
  if (!parsed.success) return damaged(parsed.error, 'The layout file')
  const ids = new Set<string>()
  for (const t of parsed.data.tiles) {
    if (ids.has(t.id)) return err('file.invalid', 'err.layout.duplicateTile', { id: t.id })
    ids.add(t.id)
  }
  return ok(parsed.data)
}
