import { describe, expect, it } from 'vitest'
import { MAX_CUES, type Cue } from '../../../../shared/contract/contract'
import { err, ok, type Result } from '../../../../shared/errors'
import { applyCommand } from '../../../../shared/layout/commands'
import { createDoc } from '../../../../shared/layout/model'
import { addCue, createCueStore, cueForKey, moveCue, renameCue, type CuePort } from './cueStore'

const grid = applyCommand(createDoc('1280x720', 'Grid'), { type: 'applyTemplate', starter: '2x2' })
const solo = createDoc('1920x1080', 'Solo')

function memoryPort(failSave = false): CuePort & { saved: Cue[][] } {
  const saved: Cue[][] = []
  return {
    saved,
    load: async () => ok(saved.at(-1) ?? []),
    save: async (cues): Promise<Result<Cue[]>> => {
      if (failSave) return err('file.unreadable', 'err.file.cuesUnwritable', { reason: 'ENOSPC' })
      saved.push(cues)
      return ok(cues)
    },
  }
}

describe('cue list operations', () => {
  it('adds with unique ids, renames, reorders and maps digit keys', () => {
    let cues = addCue([], grid)
    cues = addCue(cues, solo, '  Close-up  ')
    expect(cues.map((c) => [c.id, c.name])).toEqual([['cue-1', 'Grid'], ['cue-2', 'Close-up']])
    cues = addCue(cues.slice(1), grid)
    expect(new Set(cues.map((c) => c.id)).size).toBe(2)
    expect(renameCue(cues, cues[0]!.id, '   ')).toEqual(cues)
    expect(renameCue(cues, cues[0]!.id, 'Wide')[0]!.name).toBe('Wide')
    const moved = moveCue(cues, cues[1]!.id, -1)
    expect(moved.map((c) => c.id)).toEqual([cues[1]!.id, cues[0]!.id])
    expect(moveCue(cues, cues[0]!.id, -1)).toEqual(cues)
    expect(cueForKey(moved, '1')).toBe(moved[0])
    expect(cueForKey(moved, '3')).toBeNull()
    expect(cueForKey(moved, '0')).toBeNull()
    expect(cueForKey(moved, 'a')).toBeNull()
  })

  it('stops at the cue limit', () => {
    let cues: Cue[] = []
    for (let i = 0; i < MAX_CUES + 3; i++) cues = addCue(cues, solo)
    expect(cues).toHaveLength(MAX_CUES)
  })
})

describe('cue store', () => {
  it('saves every change and loads it back; a live cue is set only when told', async () => {
    const port = memoryPort()
    const store = createCueStore(port)
    await store.getState().load()
    await store.getState().added(grid)
    await store.getState().added(solo)
    await store.getState().moved('cue-2', -1)
    await store.getState().renamed('cue-1', 'Four up')
    expect(port.saved.at(-1)!.map((c) => c.name)).toEqual(['Solo', 'Four up'])
    store.getState().taken('recording:rec-1', 'cue-2')
    expect(store.getState().live).toEqual({ 'recording:rec-1': 'cue-2' })
    await store.getState().removed('cue-2')
    expect(store.getState().live).toEqual({})
    const again = createCueStore(port)
    await again.getState().load()
    expect(again.getState().cues.map((c) => c.name)).toEqual(['Four up'])
  })

  it('keeps the saved list and reports a failed save', async () => {
    const store = createCueStore(memoryPort(true))
    await store.getState().added(grid)
    expect(store.getState().cues).toEqual([])
    expect(store.getState().error?.say).toEqual({ key: 'err.file.cuesUnwritable', params: { reason: 'ENOSPC' } })
  })
})
