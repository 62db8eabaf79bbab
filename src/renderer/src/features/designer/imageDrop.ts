// What can be dropped on the designer: a room user dragged from a users list (a custom MIME type
// carrying who it is) and image files for placeholders, the canvas background and watermarks.
//
// API: USER_MIME; DraggedUser; encodeUser(u); decodeUser(text); startUserDrag(event, u); carriesUser(types); carriesFiles(types);
// isLayoutFile(file); checkImage(file); MAX_IMAGE_BYTES; PREVIEW_MAX_PX; makePreview(file);
// previewSrc(ref); userDropProblem(doc, dialect, user, tileId?); placeUser(doc, dialect, user, target).
//
// Images: the cloud fetches every image by URL (WaterMarkUrl, BackgroundImageUrl, …), so a dropped
// file cannot be sent as it is. The document keeps both: `url` (what the compiler emits, typed in by
// the user once the file is hosted) and `dataRef`, a small preview of the file as a data: URL
// (longest side PREVIEW_MAX_PX, WebP), drawn on the canvas. The preview is tens of kilobytes, so it
// is saved with the layout and still shows after reopening; the full-size file never is.
import type { Command } from '../../../../shared/layout/commands'
import type { ImageRef, LayoutDoc, RoomIdType } from '../../../../shared/layout/model'
import type { Dialect } from '../../../../shared/layout/templates'

export const USER_MIME = 'application/x-trtc-user'

export interface DraggedUser {
  userId: string
  roomId: string
  roomIdType: RoomIdType
}

export function encodeUser(u: DraggedUser): string {
  return JSON.stringify({ userId: u.userId, roomId: u.roomId, roomIdType: u.roomIdType })
}

/** The dragged user, or null for anything that is not a well-formed payload. */
export function decodeUser(text: string): DraggedUser | null {
  try {
    const v = JSON.parse(text) as Partial<DraggedUser> | null
    if (!v || typeof v.userId !== 'string' || v.userId === '' || typeof v.roomId !== 'string') return null
    if (v.roomIdType !== 'number' && v.roomIdType !== 'string') return null
    return { userId: v.userId, roomId: v.roomId, roomIdType: v.roomIdType }
  } catch {
    return null
  }
}

/** Drag start for any users list: the user rides along under USER_MIME (and as plain text for other targets). */
export function startUserDrag(e: { dataTransfer: DataTransfer }, user: DraggedUser): void {
  e.dataTransfer.setData(USER_MIME, encodeUser(user))
  e.dataTransfer.setData('text/plain', user.userId)
  e.dataTransfer.effectAllowed = 'copy'
}

export const carriesUser = (types: readonly string[]): boolean => types.includes(USER_MIME)
export const carriesFiles = (types: readonly string[]): boolean => types.includes('Files')

/** Layout files and request JSON are imported (as one undoable edit), not taken as images. */
export function isLayoutFile(file: { name: string; type: string }): boolean {
  return /\.json$/i.test(file.name) || file.type === 'application/json'
}

/** Every image the cloud fetches may be at most 5 MB (003_530a54cf0f8c0df7.txt L15448–L15449, L15581, L15699, L16454). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024
/** PNG, JPG or JPEG (L15448, L16453). */
const IMAGE_TYPES = ['image/png', 'image/jpeg']
const IMAGE_NAME = /\.(png|jpe?g)$/i

export type ImageProblem = 'type' | 'size' | 'empty'

/** Why this file cannot be used as an image, or null when it can. */
export function checkImage(file: { name: string; type: string; size: number }): ImageProblem | null {
  if (!(IMAGE_TYPES.includes(file.type) || (file.type === '' && IMAGE_NAME.test(file.name)))) return 'type'
  if (file.size === 0) return 'empty'
  if (file.size > MAX_IMAGE_BYTES) return 'size'
  return null
}

export const PREVIEW_MAX_PX = 480

export interface Preview {
  /** data:image/… URL of the downscaled image. */
  dataUrl: string
  /** The original's pixel size. */
  width: number
  height: number
}

/** Decodes the image and draws a copy no larger than PREVIEW_MAX_PX on its longest side. Rejects when the file does not decode. */
export async function makePreview(file: Blob): Promise<Preview> {
  const bitmap = await createImageBitmap(file)
  try {
    const scale = Math.min(1, PREVIEW_MAX_PX / Math.max(bitmap.width, bitmap.height))
    const w = Math.max(1, Math.round(bitmap.width * scale))
    const h = Math.max(1, Math.round(bitmap.height * scale))
    const canvas = document.createElement('canvas')
    canvas.width = w
    canvas.height = h
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2d context')
    ctx.drawImage(bitmap, 0, 0, w, h)
    // WebP keeps PNG transparency at a fraction of PNG's size; browsers without it give PNG.
    return { dataUrl: canvas.toDataURL('image/webp', 0.85), width: bitmap.width, height: bitmap.height }
  } finally {
    bitmap.close()
  }
}

/** The local preview to draw, when the image has one. */
export function previewSrc(ref: ImageRef | null | undefined): string | null {
  return ref?.dataRef && /^data:image\/(webp|png|jpeg);base64,/.test(ref.dataRef) ? ref.dataRef : null
}

export type UserDropProblem = { kind: 'otherRoom'; room: string } | { kind: 'placed'; tileId: string }

/**
 * Why a dropped user cannot be bound (to `tileId`, or to a new tile when undefined), or null.
 * The same user's camera cannot fill two positions (L2132–L2138), and a recording mixes only the
 * streams of its own room (CreateCloudRecording RoomId, L12845).
 */
export function userDropProblem(doc: LayoutDoc, dialect: Dialect, user: DraggedUser, tileId?: string): UserDropProblem | null {
  for (const t of doc.tiles) {
    if (t.id === tileId || t.binding.kind !== 'user') continue
    const b = t.binding
    if (b.userId === user.userId && b.streamType === 'camera' && (dialect === 'recording' || (b.roomId === user.roomId && b.roomIdType === user.roomIdType))) return { kind: 'placed', tileId: t.id }
  }
  if (dialect === 'recording' && user.roomId !== '') {
    const other = doc.tiles.find((t) => t.id !== tileId && t.binding.kind === 'user' && t.binding.roomId !== '' && t.binding.roomId !== user.roomId)
    if (other && other.binding.kind === 'user') return { kind: 'otherRoom', room: other.binding.roomId }
  }
  return null
}

export type PlaceResult = { ok: true; cmd: Command; tileId?: string } | { ok: false; problem: UserDropProblem | { kind: 'locked'; tileId: string } }

/**
 * The one command that puts a dropped user in the layout: templates take them as the big-screen
 * user; a custom layout binds the tile `target.tileId`, or adds a tile a quarter of the canvas in
 * size centred on `target.at` (the canvas centre when absent).
 */
export function placeUser(doc: LayoutDoc, dialect: Dialect, user: DraggedUser, target: { tileId?: string; at?: { x: number; y: number } }): PlaceResult {
  const ref = { ...user, streamType: 'camera' as const }
  if (doc.mode !== 'custom') return { ok: true, cmd: { type: 'setMode', mode: doc.mode, template: { bigScreenUser: ref } } }
  const tile = target.tileId !== undefined ? doc.tiles.find((t) => t.id === target.tileId) : undefined
  if (tile?.locked) return { ok: false, problem: { kind: 'locked', tileId: tile.id } }
  const problem = userDropProblem(doc, dialect, user, tile?.id)
  if (problem) return { ok: false, problem }
  if (tile) return { ok: true, cmd: { type: 'bindUser', id: tile.id, user: ref }, tileId: tile.id }
  const c = doc.canvas
  const at = target.at ?? { x: c.width / 2, y: c.height / 2 }
  const width = Math.round(c.width / 4)
  const height = Math.round(c.height / 4)
  return { ok: true, cmd: { type: 'addTile', rect: { x: at.x - width / 2, y: at.y - height / 2, width, height }, props: { binding: { kind: 'user', ...ref }, label: user.userId } } }
}
