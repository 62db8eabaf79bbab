// Compares what a mixed stream says in its volume-layout SEI (003_530a54cf0f8c0df7.txt L2215–L2244)
// with the layout it was meant to follow: users whose picture sits where no tile is, tiles reserved
// for a user who is absent from the SEI, and tiles at the wrong position or size.
// Only custom layouts have exact geometry; for templates the comparison says so and checks nothing.
import type { VolumeLayout } from '../media/volumeLayout'
import type { LayoutDoc, Rect } from './model'

export type RegionVerdict =
  | { uid: string; status: 'match'; tileId: string }
  | { uid: string; status: 'moved'; tileId: string; expected: Rect }
  | { uid: string; status: 'unexpected' }

export interface SeiComparison {
  comparable: boolean
  regions: RegionVerdict[]
  /** Tiles reserved for a user (named) whose user is not in the SEI. */
  missing: Array<{ tileId: string; userId: string; rect: Rect }>
  /** The design's tiles scaled to the SEI canvas. */
  scaledTiles: Array<{ tileId: string; rect: Rect; userId: string | null }>
}

/** Pixels of tolerance, on the SEI canvas, for rounding by the mixer. */
const TOLERANCE = 2

const near = (a: Rect, b: Rect) =>
  Math.abs(a.x - b.x) <= TOLERANCE && Math.abs(a.y - b.y) <= TOLERANCE && Math.abs(a.width - b.width) <= TOLERANCE && Math.abs(a.height - b.height) <= TOLERANCE

export function compareSei(doc: LayoutDoc, sei: VolumeLayout): SeiComparison {
  // The SEI canvas is the VideoEncode size (L2230–L2231); a design made at another size is scaled.
  const sx = doc.canvas.width > 0 ? sei.canvas.w / doc.canvas.width : 1
  const sy = doc.canvas.height > 0 ? sei.canvas.h / doc.canvas.height : 1
  const scaledTiles = doc.tiles.map((t) => ({
    tileId: t.id,
    rect: { x: Math.round(t.x * sx), y: Math.round(t.y * sy), width: Math.round(t.width * sx), height: Math.round(t.height * sy) },
    userId: t.binding.kind === 'user' ? t.binding.userId : null,
  }))
  if (doc.mode !== 'custom') return { comparable: false, regions: [], missing: [], scaledTiles }

  const taken = new Set<string>()
  const regions: RegionVerdict[] = sei.regions.map((r) => {
    const rect = { x: r.x, y: r.y, width: r.w, height: r.h }
    const named = scaledTiles.find((t) => t.userId === r.uid)
    if (named) {
      taken.add(named.tileId)
      return near(named.rect, rect) ? { uid: r.uid, status: 'match', tileId: named.tileId } : { uid: r.uid, status: 'moved', tileId: named.tileId, expected: named.rect }
    }
    // Unnamed tiles are filled in room-entry order (L2132–L2142): any free slot at this place counts.
    const slot = scaledTiles.find((t) => t.userId === null && !taken.has(t.tileId) && near(t.rect, rect))
    if (slot) {
      taken.add(slot.tileId)
      return { uid: r.uid, status: 'match', tileId: slot.tileId }
    }
    return { uid: r.uid, status: 'unexpected' }
  })
  const present = new Set(sei.regions.map((r) => r.uid))
  const missing = scaledTiles.filter((t) => t.userId !== null && !present.has(t.userId)).map((t) => ({ tileId: t.tileId, userId: t.userId!, rect: t.rect }))
  return { comparable: true, regions, missing, scaledTiles }
}
