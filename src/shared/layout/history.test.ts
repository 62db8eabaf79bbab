import { describe, expect, it } from 'vitest'
import { beginGesture, cancelGesture, canRedo, canUndo, commit, createHistory, endGesture, redo, undo, updateGesture } from './history'
import { createDoc, makeTile } from './model'
import { snapRect } from './snap'

const start = { ...createDoc('1280x720'), tiles: [makeTile('t1', { x: 0, y: 0, width: 200, height: 100 })] }

describe('history', () => {
  it('records a whole drag as one undo entry', () => {
    let h = beginGesture(createHistory(start))
    for (let i = 1; i <= 120; i++) h = updateGesture(h, { type: 'moveTiles', ids: ['t1'], dx: i * 3, dy: i })
    expect(h.past).toHaveLength(0)
    expect(h.present.tiles[0]).toMatchObject({ x: 360, y: 120 })
    h = endGesture(h)
    expect(h.past).toHaveLength(1)
    expect(h.gestureBase).toBeNull()
    h = undo(h)
    expect(h.present).toBe(start)
    expect(canRedo(h)).toBe(true)
    h = redo(h)
    expect(h.present.tiles[0]).toMatchObject({ x: 360, y: 120 })
  })

  it('applies each update to the document at pointer-down', () => {
    let h = beginGesture(createHistory(start))
    h = updateGesture(h, { type: 'moveTiles', ids: ['t1'], dx: 50, dy: 0 })
    h = updateGesture(h, { type: 'moveTiles', ids: ['t1'], dx: 10, dy: 0 })
    expect(h.present.tiles[0]?.x).toBe(10)
  })

  it('adds no entry for a gesture that ends where it began, and cancel restores', () => {
    let h = beginGesture(createHistory(start))
    h = updateGesture(h, { type: 'moveTiles', ids: ['t1'], dx: 40, dy: 0 })
    h = updateGesture(h, { type: 'moveTiles', ids: ['t1'], dx: 0, dy: 0 })
    h = endGesture(h)
    expect(h.past).toHaveLength(0)
    expect(canUndo(h)).toBe(false)
    h = beginGesture(h)
    h = updateGesture(h, { type: 'moveTiles', ids: ['t1'], dx: 40, dy: 0 })
    h = cancelGesture(h)
    expect(h.present).toBe(start)
    expect(h.past).toHaveLength(0)
  })

  it('commits discrete commands, drops no-ops and clears redo on a new edit', () => {
    let h = createHistory(start)
    h = commit(h, { type: 'setName', name: 'A' })
    h = commit(h, { type: 'setName', name: 'A' })
    expect(h.past).toHaveLength(1)
    h = commit(h, { type: 'setName', name: 'B' })
    h = undo(h)
    expect(h.present.name).toBe('A')
    h = commit(h, { type: 'setName', name: 'C' })
    expect(h.future).toHaveLength(0)
    expect(undo(undo(h)).present).toBe(start)
    expect(undo(createHistory(start)).present).toBe(start)
    expect(redo(createHistory(start)).present).toBe(start)
  })

  it('keeps at most maxDepth entries', () => {
    let h = createHistory(start, 5)
    for (let i = 0; i < 20; i++) h = commit(h, { type: 'setName', name: `n${i}` })
    expect(h.past).toHaveLength(5)
    for (let i = 0; i < 10; i++) h = undo(h)
    expect(h.present.name).toBe('n14')
  })

  it('settles an open gesture before undo or a commit', () => {
    let h = beginGesture(createHistory(start))
    h = updateGesture(h, { type: 'moveTiles', ids: ['t1'], dx: 5, dy: 5 })
    h = commit(h, { type: 'setName', name: 'after' })
    expect(h.past).toHaveLength(2)
    h = undo(h)
    expect(h.present.tiles[0]).toMatchObject({ x: 5, y: 5 })
  })
})

describe('a snapped drag driven by pointer events', () => {
  it('lands aligned with its neighbour and leaves one undo entry', () => {
    const doc = { ...createDoc('1280x720'), tiles: [makeTile('a', { x: 100, y: 100, width: 200, height: 100 }), makeTile('b', { x: 600, y: 400, width: 200, height: 100 })] }
    const down = { x: 150, y: 150 }
    const path = [
      { x: 160, y: 170 },
      { x: 300, y: 260 },
      { x: 540, y: 380 },
      { x: 647, y: 453 }, // a's left edge at 597: within 8 px of b's left edge 600
    ]
    let h = beginGesture(createHistory(doc))
    const start = h.present.tiles[0]!
    const others = h.present.tiles.slice(1)
    for (const p of path) {
      const moved = { ...start, x: start.x + p.x - down.x, y: start.y + p.y - down.y }
      const s = snapRect(moved, others, doc.canvas, { threshold: 8, enabled: true })
      h = updateGesture(h, { type: 'moveTiles', ids: ['a'], dx: s.rect.x - start.x, dy: s.rect.y - start.y })
    }
    h = endGesture(h)
    expect(h.present.tiles[0]).toMatchObject({ x: 600, y: 400 })
    expect(h.past).toEqual([doc])
    expect(undo(h).present).toBe(doc)
  })
})
