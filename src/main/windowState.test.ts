import { describe, expect, it } from 'vitest'
import { defaultWindowState, restoreWindowState } from './windowState'

const display = { x: 0, y: 0, width: 1920, height: 1080 }

describe('restoreWindowState', () => {
  it('restores a saved position that is on a display', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: true }
    expect(restoreWindowState(saved, [display])).toEqual(saved)
  })
  it('drops a position left on a display that is gone, keeping the size', () => {
    expect(restoreWindowState({ x: 2500, y: 80, width: 1200, height: 800, maximized: false }, [display])).toEqual({
      x: undefined, y: undefined, width: 1200, height: 800, maximized: false,
    })
  })
  it('falls back to defaults for missing or corrupt state', () => {
    expect(restoreWindowState(undefined, [display])).toEqual(defaultWindowState)
    expect(restoreWindowState({ width: 'big' }, [display])).toEqual(defaultWindowState)
    expect(restoreWindowState({ width: 10, height: 10, maximized: false }, [display])).toEqual(defaultWindowState)
  })
})
