// Template geometry: approximate previews of the dynamic templates (floating, grid, screen sharing)
// for N simulated users, and the starter layouts offered for custom mode.
//
// API: previewTemplate(mode, users, canvas, dialect, opts?) → TemplatePreview;
// starterLayout(id, canvas) → StarterTile[]; STARTERS; templateCapacity(dialect).
//
// The seed gives counts, not pixels, for the dynamic templates (inventory §6.3), so every preview
// is marked `approximate: true`. The one data point (SEI example, 003_530a54cf0f8c0df7.txt
// L2225–L2228: three users on 1080×960 → 540×480 cells, last row centred at x=270) is reproduced.
import { MAX_RECORDING_TILES } from './validate'
import type { LayoutMode, Rect } from './model'

export type Dialect = 'mcu' | 'recording'

export interface SimUser {
  id: string
  audioOnly: boolean
}

export interface PreviewTile extends Rect {
  userId: string
  z: number
  big: boolean
}

export interface TemplatePreview {
  tiles: PreviewTile[]
  /** True for every dynamic template: the seed states counts but no geometry. */
  approximate: boolean
  /** Users that get no window (audio-only under MCU defaults, or beyond the template's capacity). */
  hiddenUserIds: string[]
  /** Screen sharing with no big-screen user: the left area shows the canvas background (L15613–L15617). */
  emptyBigArea: Rect | null
}

export interface PreviewOptions {
  bigScreenUserId?: string | null
  /** MCU PureAudioHoldPlaceMode 1 (L15291–L15296). Recording always shows them. */
  showAudioOnly?: boolean
  /** Recording MaxResolutionUserAlign 1 (L15718–L15724). */
  bigOnRight?: boolean
}

/**
 * Most windows a template shows: MCU 1 + 15 (L2110–L2113, L2126–L2128) and grid 16 (L2118);
 * recording "Up to 25 videos" (L15609, L15625, L15631) but "When streams are mixed, up to 24 videos
 * are supported" (L16106–L16107) — the stricter holds, as for custom layouts (validate.ts).
 */
export function templateCapacity(dialect: Dialect): number {
  if (dialect === 'recording') return MAX_RECORDING_TILES
  return 16
}

interface Size {
  width: number
  height: number
}

export function previewTemplate(mode: Exclude<LayoutMode, 'custom'>, users: readonly SimUser[], canvas: Size, dialect: Dialect, opts: PreviewOptions = {}): TemplatePreview {
  // MCU dynamic templates leave audio-only users out unless PureAudioHoldPlaceMode is 1
  // (L2114–L2115, L2119–L2120, L15291–L15296); recording floating and screen sharing give them a
  // window (L15609–L15611, L15625–L15627), and grid is treated the same way.
  const showAudioOnly = dialect === 'recording' || opts.showAudioOnly === true
  const eligible = users.filter((u) => showAudioOnly || !u.audioOnly)
  const hiddenIds = users.filter((u) => u.audioOnly && !showAudioOnly).map((u) => u.id)
  const cap = templateCapacity(dialect)
  const shown = eligible.slice(0, cap)
  for (const u of eligible.slice(cap)) hiddenIds.push(u.id)
  const result = (tiles: PreviewTile[], emptyBigArea: Rect | null = null): TemplatePreview => ({ tiles, approximate: true, hiddenUserIds: hiddenIds, emptyBigArea })
  if (mode === 'grid') return result(gridCells(shown.length, canvas).map((r, i) => ({ ...r, userId: (shown[i] as SimUser).id, z: 0, big: false })))
  if (mode === 'floating') return result(floating(shown, canvas, dialect, opts.bigScreenUserId ?? null))
  return screenShare(shown, canvas, dialect, opts, result)
}

/** Equal cells, near-square grid, incomplete last row centred (the SEI example's one data point). */
export function gridCells(n: number, canvas: Size): Rect[] {
  if (n <= 0) return []
  const cols = Math.ceil(Math.sqrt(n))
  const rows = Math.ceil(n / cols)
  const w = Math.floor(canvas.width / cols)
  const h = Math.floor(canvas.height / rows)
  const out: Rect[] = []
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / cols)
    const inRow = row === rows - 1 ? n - row * cols : cols
    const left = Math.floor((canvas.width - inRow * w) / 2)
    out.push({ x: left + (i - row * cols) * w, y: row * h, width: w, height: h })
  }
  return out
}

function pickBig(shown: readonly SimUser[], bigId: string | null): SimUser | undefined {
  return (bigId !== null ? shown.find((u) => u.id === bigId) : undefined) ?? shown[0]
}

// Floating: the big video fills the canvas; the others float above it in rows from the bottom-left,
// left to right — MCU 4 per row, up to 4 rows (L2109–L2113); recording 4 per row up to 17 videos,
// else 5 (L15598–L15609).
function floating(shown: readonly SimUser[], canvas: Size, dialect: Dialect, bigId: string | null): PreviewTile[] {
  const big = pickBig(shown, bigId)
  if (!big) return []
  const tiles: PreviewTile[] = [{ x: 0, y: 0, width: canvas.width, height: canvas.height, userId: big.id, z: 0, big: true }]
  const small = shown.filter((u) => u !== big)
  const perRow = dialect === 'recording' && shown.length > 17 ? 5 : 4
  const w = Math.floor(canvas.width / (perRow + 1))
  const h = Math.floor((w * canvas.height) / canvas.width)
  small.forEach((u, i) => {
    const row = Math.floor(i / perRow)
    tiles.push({ x: (i % perRow) * w, y: canvas.height - (row + 1) * h, width: w, height: h, userId: u.id, z: 1, big: false })
  })
  return tiles
}

// Screen sharing: the big video on the left, the others in up to two columns of 8 on the right
// (L2123–L2128, L15613–L15624); recording puts videos beyond 17 in a bottom row, left to right, and
// mirrors with MaxResolutionUserAlign 1.
function screenShare(shown: readonly SimUser[], canvas: Size, dialect: Dialect, opts: PreviewOptions, result: (t: PreviewTile[], e?: Rect | null) => TemplatePreview): TemplatePreview {
  const bigId = opts.bigScreenUserId ?? null
  const big = bigId !== null ? shown.find((u) => u.id === bigId) : undefined
  const small = shown.filter((u) => u !== big)
  const inColumns = small.slice(0, 16)
  const bottom = dialect === 'recording' && shown.length > 17 ? small.slice(16) : []
  const cols = inColumns.length === 0 ? 0 : inColumns.length > 8 ? 2 : 1
  const w = Math.floor(canvas.width / 8)
  const bottomH = bottom.length > 0 ? Math.floor(canvas.height / 8) : 0
  const colH = canvas.height - bottomH
  const h = Math.floor(colH / 8)
  const bigRect: Rect = { x: 0, y: 0, width: canvas.width - cols * w, height: colH }
  const tiles: PreviewTile[] = []
  if (big) tiles.push({ ...bigRect, userId: big.id, z: 0, big: true })
  inColumns.forEach((u, i) => {
    const col = Math.floor(i / 8)
    tiles.push({ x: canvas.width - (cols - col) * w, y: (i % 8) * h, width: w, height: h, userId: u.id, z: 0, big: false })
  })
  const bw = bottom.length > 0 ? Math.floor(canvas.width / bottom.length) : 0
  bottom.forEach((u, i) => tiles.push({ x: i * Math.min(bw, w), y: colH, width: Math.min(bw, w), height: bottomH, userId: u.id, z: 0, big: false }))
  const mirror = dialect === 'recording' && opts.bigOnRight === true
  const place = <T extends Rect>(r: T): T => (mirror ? { ...r, x: canvas.width - r.x - r.width } : r)
  return result(tiles.map(place), big ? null : place(bigRect))
}

export type StarterId = '2x2' | '3x3' | 'pip' | 'sideBySide' | 'speakerStrip' | 'onePlusThree'
export const STARTERS: readonly { id: StarterId; label: string }[] = [
  { id: '2x2', label: '2 × 2 grid' },
  { id: '3x3', label: '3 × 3 grid' },
  { id: 'pip', label: 'Picture in picture' },
  { id: 'sideBySide', label: 'Side by side' },
  { id: 'speakerStrip', label: 'Speaker and strip' },
  { id: 'onePlusThree', label: 'One big and three' },
]

export interface StarterTile extends Rect {
  z: number
}

// Cells cover the canvas exactly: edges at floor(i·W/n), so no pixel is lost to rounding.
function split(total: number, n: number, i: number): [number, number] {
  const a = Math.floor((i * total) / n)
  return [a, Math.floor(((i + 1) * total) / n) - a]
}

function cells(canvas: Size, cols: number, rows: number, top = 0, height = canvas.height): StarterTile[] {
  const out: StarterTile[] = []
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const [x, width] = split(canvas.width, cols, c)
      const [y, h] = split(height, rows, r)
      out.push({ x, y: top + y, width, height: h, z: 0 })
    }
  return out
}

export function starterLayout(id: StarterId, canvas: Size): StarterTile[] {
  switch (id) {
    case '2x2':
      return cells(canvas, 2, 2)
    case '3x3':
      return cells(canvas, 3, 3)
    case 'sideBySide':
      return cells(canvas, 2, 1)
    case 'pip': {
      const w = Math.round(canvas.width / 4)
      const h = Math.round(canvas.height / 4)
      const m = Math.round(Math.min(canvas.width, canvas.height) * 0.03)
      return [
        { x: 0, y: 0, width: canvas.width, height: canvas.height, z: 0 },
        { x: canvas.width - w - m, y: canvas.height - h - m, width: w, height: h, z: 1 },
      ]
    }
    case 'onePlusThree': {
      // The speaker on the left two thirds, three others stacked on the right.
      const bigW = Math.round((canvas.width * 2) / 3)
      return [{ x: 0, y: 0, width: bigW, height: canvas.height, z: 0 }, ...cells({ width: canvas.width - bigW, height: canvas.height }, 1, 3).map((c) => ({ ...c, x: c.x + bigW }))]
    }
    case 'speakerStrip': {
      const stripH = Math.round(canvas.height / 4)
      return [{ x: 0, y: 0, width: canvas.width, height: canvas.height - stripH, z: 0 }, ...cells(canvas, 4, 1, canvas.height - stripH, stripH)]
    }
  }
}
