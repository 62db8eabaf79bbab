import { describe, expect, it } from 'vitest'
import { applyCommand } from './commands'
import { diffLayouts, isEmptyDiff } from './diff'
import { createDoc, type LayoutDoc } from './model'

const starter = (s: '2x2' | 'onePlusThree' | 'pip'): LayoutDoc => applyCommand(createDoc('1280x720'), { type: 'applyTemplate', starter: s })
/** The same document after a trip through JSON with its keys in another order (as main hands it back). */

describe('diffLayouts', () => {
  it('is empty for the layout on air, whatever the key order or tile IDs', () => {
    const doc = starter('2x2')
    expect(isEmptyDiff(diffLayouts(doc, structuredClone(doc)))).toBe(true)
    const shuffled = { ...doc, tiles: doc.tiles.map((t) => Object.fromEntries(Object.entries(t).reverse()) as typeof t) }
    expect(isEmptyDiff(diffLayouts(doc, shuffled))).toBe(true)
    const renamedIds = { ...doc, tiles: doc.tiles.map((t, i) => ({ ...t, id: `other-${i}`, label: `Cam ${i}` })) }
    expect(isEmptyDiff(diffLayouts(doc, renamedIds))).toBe(true)
  })

  it('2×2 to 1 + 3: every tile moves, none added or removed', () => {
    const d = diffLayouts(starter('2x2'), starter('onePlusThree'))
    expect(d.added).toBe(0)
    expect(d.removed).toHaveLength(0)
    expect(d.changed).toBe(4)
    expect(Object.values(d.tiles).every((v) => v === 'moved')).toBe(true)
  })

  it('names added, removed, moved and rebound tiles', () => {
    const on = starter('2x2')
    const [a, b, c] = on.tiles
    const next: LayoutDoc = {
      ...on,
      tiles: [
        a!,
        { ...b!, x: b!.x - 10 },
        { ...c!, binding: { kind: 'user', userId: 'alice', roomId: '1', roomIdType: 'number', streamType: 'camera' } },
      ],
    }
    const d = diffLayouts(on, next)
    expect(d.tiles).toEqual({ [a!.id]: 'same', [b!.id]: 'moved', [c!.id]: 'changed' })
    expect(d.removed.map((t) => t.id)).toEqual([on.tiles[3]!.id])
    const more = diffLayouts(on, { ...on, tiles: [...on.tiles, { ...a!, id: 'extra', x: 5 }] })
    expect(more.added).toBe(1)
    expect(diffLayouts(on, { ...on, sei: { ...on.sei, layoutVolume: null } }).other).toBe(on.sei.layoutVolume !== null)
  })
})
