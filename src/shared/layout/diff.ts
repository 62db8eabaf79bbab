// What taking a layout to a running task changes, tile by tile: the document the operator will
// send (Preview) against the one the cloud last confirmed for the task (Program). Compared by
// value, never by key order or tile ID alone, so a layout that went out and came back through main
// is "the same", and two layouts made from one template line up.
import type { LayoutDoc, Tile } from './model'

export type TileChange = 'same' | 'moved' | 'changed' | 'added'

export interface LayoutDiff {
  /** Each Preview tile by ID: what Take does to it. */
  tiles: Record<string, TileChange>
  /** Program tiles Take removes. */
  removed: Tile[]
  added: number
  changed: number
  /** The canvas differs (an update cannot change it: L2256–L2258). */
  canvas: boolean
  /** Anything else that goes out with the layout: mode, template, watermarks, audio, SEI. */
  other: boolean
}

/** JSON with sorted keys: equal values give equal text. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(v)
}

/** What reaches the picture: everything but the tile's ID, name and editor lock. */
const content = ({ id: _i, label: _l, locked: _k, ...t }: Tile): string => stableJson(t)
const rest = ({ tiles: _t, canvas: _c, name: _n, version: _v, ...r }: LayoutDoc): string => stableJson(r)
const boundUser = (t: Tile): string | null => (t.binding.kind === 'user' ? `${t.binding.userId}\u0000${t.binding.streamType}` : null)

export function diffLayouts(onAir: LayoutDoc, next: LayoutDoc): LayoutDiff {
  const tiles: Record<string, TileChange> = {}
  const left = new Set(onAir.tiles)
  const pair = (t: Tile, match: (a: Tile) => boolean): Tile | undefined => {
    for (const a of left)
      if (match(a)) {
        left.delete(a)
        return a
      }
    return undefined
  }
  const pending: Tile[] = []
  // Same content wherever it is in the list.
  for (const t of next.tiles) {
    if (pair(t, (a) => content(a) === content(t))) tiles[t.id] = 'same'
    else pending.push(t)
  }
  // Only the placement differs: moved; anything else (binding, crop, placeholder …): changed.
  const verdict = (a: Tile, t: Tile): TileChange => (content(a) === content(t) ? 'same' : content({ ...a, ...pick(t) }) === content(t) ? 'moved' : 'changed')
  const unpaired: Tile[] = []
  // Then the same ID, then the same user, then the remaining tiles in order.
  for (const t of pending) {
    const user = boundUser(t)
    const a = pair(t, (x) => x.id === t.id) ?? (user ? pair(t, (x) => boundUser(x) === user) : undefined)
    if (a) tiles[t.id] = verdict(a, t)
    else unpaired.push(t)
  }
  for (const t of unpaired) {
    const a = pair(t, () => true)
    tiles[t.id] = a ? verdict(a, t) : 'added'
  }
  const values = Object.values(tiles)
  return {
    tiles,
    removed: [...left],
    added: values.filter((v) => v === 'added').length,
    changed: values.filter((v) => v === 'moved' || v === 'changed').length,
    canvas: onAir.canvas.width !== next.canvas.width || onAir.canvas.height !== next.canvas.height,
    other: rest(onAir) !== rest(next),
  }
}

/** The placement of `t`, to apply to another tile: a tile that only moved differs in nothing else. */
const pick = (t: Tile): Pick<Tile, 'x' | 'y' | 'width' | 'height' | 'z'> => ({ x: t.x, y: t.y, width: t.width, height: t.height, z: t.z })

export const isEmptyDiff = (d: LayoutDiff): boolean => !d.canvas && !d.other && d.added + d.removed.length + d.changed === 0
