// The pointer tool driven by synthetic pointer sequences, as the canvas feeds it.
import { describe, expect, it } from 'vitest'
import { createDoc } from '../../../../shared/layout/model'
import { createDesignerStore, simUsers, type EditorPointer } from './designerStore'

const at = (x: number, y: number, extra: Partial<EditorPointer> = {}): EditorPointer => ({ x, y, button: 0, shift: false, alt: false, ...extra })

/** A store at zoom 1 with the canvas origin at viewport (0, 0), so viewport pixels are canvas pixels. */
function setup() {
  const store = createDesignerStore({ doc: createDoc('1280x720') })
  store.setState({ view: { zoom: 1, panX: 0, panY: 0 } })
  const s = () => store.getState()
  const add = (x: number, y: number, width: number, height: number) => {
    s().commandIssued({ type: 'addTile', rect: { x, y, width, height } })
    return s().selection[0] as string
  }
  const drag = (from: [number, number, Partial<EditorPointer>?], ...to: Array<[number, number, Partial<EditorPointer>?]>) => {
    s().pointerDown(at(from[0], from[1], from[2]))
    for (const [x, y, extra] of to) s().pointerMoved(at(x, y, extra))
    s().pointerUp()
  }
  return { store, s, add, drag }
}

describe('designer pointer tool', () => {
  it('moves a tile with one undo entry for the whole drag', () => {
    const { s, add, drag } = setup()
    const id = add(100, 100, 200, 100)
    const depth = s().history.past.length
    drag([150, 150], [160, 157], [190, 170], [213, 181])
    const t = s().history.present.tiles.find((x) => x.id === id)
    expect(t).toMatchObject({ x: 163, y: 131 })
    expect(s().history.past.length).toBe(depth + 1)
    s().undoRequested()
    expect(s().history.present.tiles[0]).toMatchObject({ x: 100, y: 100 })
    s().redoRequested()
    expect(s().history.present.tiles[0]).toMatchObject({ x: 163, y: 131 })
  })

  it('snaps a moved tile to another tile and the canvas centre, shows guides, and Alt turns snapping off', () => {
    const { s, add, drag } = setup()
    add(0, 0, 300, 200)
    const b = add(600, 400, 100, 100)
    // Left edge 4 px right of the first tile's right edge: snaps to x = 300 with a vertical guide.
    s().pointerDown(at(650, 450))
    s().pointerMoved(at(650 - 296, 450 - 150))
    expect(s().history.present.tiles.find((t) => t.id === b)).toMatchObject({ x: 300, y: 250 })
    expect(s().guides.some((g) => g.axis === 'x' && g.pos === 300)).toBe(true)
    // Same place with Alt held: the raw position.
    s().pointerMoved(at(650 - 296, 450 - 150, { alt: true }))
    expect(s().history.present.tiles.find((t) => t.id === b)).toMatchObject({ x: 304, y: 250 })
    expect(s().guides).toEqual([])
    s().pointerUp()
    drag([350, 300], [350 + 289, 300 + 62])
    // Centre 3 px off the canvas centre → centred.
    expect(s().history.present.tiles.find((t) => t.id === b)).toMatchObject({ x: 590, y: 310 })
  })

  it('resizes from a handle with the dragged edge snapping to a neighbour', () => {
    const { s, add } = setup()
    add(0, 0, 400, 300)
    const b = add(500, 100, 200, 200)
    s().selectionChanged([b])
    s().pointerDown(at(500, 200, { handle: 'w' }))
    s().pointerMoved(at(405, 230))
    s().pointerUp()
    expect(s().history.present.tiles.find((t) => t.id === b)).toMatchObject({ x: 400, y: 100, width: 300, height: 200 })
    const depth = s().history.past.length
    s().undoRequested()
    expect(s().history.past.length).toBe(depth - 1)
    expect(s().history.present.tiles.find((t) => t.id === b)).toMatchObject({ x: 500, width: 200 })
  })

  it('keeps the aspect ratio while resizing when a ratio is locked', () => {
    const { s, add } = setup()
    const a = add(100, 100, 320, 180)
    s().aspectLockChanged('16:9')
    s().pointerDown(at(420, 280, { handle: 'se' }))
    s().pointerMoved(at(580, 300))
    s().pointerUp()
    const t = s().history.present.tiles.find((x) => x.id === a)
    expect(t).toMatchObject({ width: 480, height: 270 })
  })

  it('selects with a marquee drawn in any direction and adds with Shift', () => {
    const { s, add, drag } = setup()
    const a = add(0, 0, 100, 100)
    const b = add(200, 0, 100, 100)
    const c = add(400, 400, 100, 100)
    s().selectionChanged([])
    drag([350, 150], [50, 50])
    expect([...s().selection].sort()).toEqual([a, b].sort())
    expect(s().marquee).toBeNull()
    drag([600, 600, { shift: true }], [450, 450, { shift: true }])
    expect([...s().selection].sort()).toEqual([a, b, c].sort())
    // A marquee changes no document: no undo entry.
    expect(s().history.past.length).toBe(3)
  })

  it('moves a multi-selection together, leaves locked tiles, and shift-click toggles', () => {
    const { s, add, drag } = setup()
    const a = add(0, 0, 100, 100)
    const b = add(300, 0, 100, 100)
    s().pointerDown(at(50, 50))
    s().pointerUp()
    s().pointerDown(at(350, 50, { shift: true }))
    s().pointerUp()
    expect(s().selection).toEqual([a, b])
    drag([50, 50], [50, 250])
    expect(s().history.present.tiles.map((t) => t.y)).toEqual([200, 200])
    s().lockToggled()
    drag([50, 250], [50, 350])
    expect(s().history.present.tiles.map((t) => t.y)).toEqual([200, 200])
  })

  it('pans with the middle button, zooms around the pointer, and cancels a gesture', () => {
    const { s, add } = setup()
    const a = add(100, 100, 100, 100)
    s().pointerDown(at(10, 10, { button: 1 }))
    s().pointerMoved(at(60, 30))
    s().pointerUp()
    expect(s().view).toMatchObject({ panX: 50, panY: 20 })
    s().wheelZoomed(2, { x: 250, y: 220 })
    // Canvas point (200, 200) was under the pointer and stays there.
    expect(s().view).toEqual({ zoom: 2, panX: -150, panY: -180 })
    s().pointerDown(at(-150 + 150 * 2, -180 + 150 * 2))
    s().pointerMoved(at(400, 400))
    s().gestureCancelled()
    expect(s().history.present.tiles.find((t) => t.id === a)).toMatchObject({ x: 100, y: 100 })
  })

  it('nudges, duplicates, deletes and reorders through single undo entries, and tracks unsaved changes', () => {
    const { s, add } = setup()
    expect(s().history.present).toBe(s().savedDoc)
    const a = add(100, 100, 100, 100)
    s().docSaved()
    s().nudged(10, 0)
    s().nudged(1, 0)
    expect(s().history.present.tiles[0]).toMatchObject({ x: 111 })
    expect(s().history.present).not.toBe(s().savedDoc)
    s().undoRequested()
    s().undoRequested()
    expect(s().history.present).toBe(s().savedDoc)
    s().duplicateRequested()
    const copy = s().selection[0] as string
    expect(copy).not.toBe(a)
    expect(s().history.present.tiles.find((t) => t.id === copy)).toMatchObject({ x: 120, y: 120 })
    s().selectionChanged([a])
    s().reorderRequested('bringToFront')
    const za = s().history.present.tiles.find((t) => t.id === a)?.z ?? -1
    expect(za).toBeGreaterThan(s().history.present.tiles.find((t) => t.id === copy)?.z ?? 99)
    s().deleteRequested()
    expect(s().history.present.tiles.map((t) => t.id)).toEqual([copy])
    expect(s().selection).toEqual([])
  })

  it('makes simulated users with the last ones audio-only', () => {
    expect(simUsers(3, 1)).toEqual([
      { id: 'user1', audioOnly: false },
      { id: 'user2', audioOnly: false },
      { id: 'user3', audioOnly: true },
    ])
  })

  it('tracks the file: a save marks the saved document clean, a recovered one stays unsaved, opening drops a pending offer', () => {
    const { s, add } = setup()
    const file = { id: 'f1', name: 'show.trtclayout.json', path: '/layouts/show.trtclayout.json' }
    add(0, 0, 100, 100)
    const sent = s().history.present
    // An edit lands while the save is under way: it stays unsaved.
    s().nudged(5, 0)
    s().docSaved(file, sent)
    expect(s().file).toEqual(file)
    expect(s().savedDoc).toBe(sent)
    expect(s().history.present).not.toBe(s().savedDoc)
    s().undoRequested()
    expect(s().history.present).toBe(s().savedDoc)

    s().recoveryOffered({ savedAt: 1, docName: 'Draft', file: null })
    s().docRecovered(createDoc('720x1280', 'Draft'), file)
    expect(s().recovery).toBeNull()
    expect(s().history.present.name).toBe('Draft')
    expect(s().history.present).not.toBe(s().savedDoc)
    expect(s().file).toEqual(file)

    s().recoveryOffered({ savedAt: 1, docName: 'Draft', file: null })
    s().docOpened(createDoc('1920x1080'), null)
    expect(s().recovery).toBeNull()
    expect(s().file).toBeNull()
    expect(s().history.present).toBe(s().savedDoc)
  })
})

describe('viewport', () => {
  it('fits the canvas again when the window grows, unless the user zoomed or panned', () => {
    const store = createDesignerStore({ doc: createDoc('1920x1080') })
    store.getState().viewportResized(640, 400)
    const small = store.getState().view.zoom
    store.getState().viewportResized(1600, 900)
    const big = store.getState().view.zoom
    expect(big).toBeGreaterThan(small * 2)
    // A zoom of the user's own is kept through a resize.
    store.getState().zoomStepped(1)
    const mine = store.getState().view
    store.getState().viewportResized(1000, 600)
    expect(store.getState().view).toEqual(mine)
    // Fit brings it back, and resizes follow again.
    store.getState().fitRequested()
    store.getState().viewportResized(1600, 900)
    expect(store.getState().view.zoom).toBeCloseTo(big, 6)
  })
})
