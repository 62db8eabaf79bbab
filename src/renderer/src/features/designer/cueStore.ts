// The cue list: ordered layouts that hotkeys 1–9 take to the running task. Kept in main's userData
// (cues.load / cues.save); every change is saved at once. Which cue a task runs is recorded only
// after the cloud confirmed the take.
import { createStore, type StoreApi } from 'zustand/vanilla'
import { MAX_CUES, type Cue } from '../../../../shared/contract/contract'
import type { AppError, Result } from '../../../../shared/errors'
import type { LayoutDoc } from '../../../../shared/layout/model'

export interface CuePort {
  load(): Promise<Result<Cue[]>>
  save(cues: Cue[]): Promise<Result<Cue[]>>
}

export interface CueState {
  cues: Cue[]
  loaded: boolean
  /** The last load or save failure, for the panel to show. */
  error: AppError | null
  /** Task key ("mix:<id>" or "recording:<id>") → the cue it runs, once a take was confirmed. */
  live: Record<string, string>
  /** Hotkeys 1–9 take cues only while armed: an explicit, visible choice, off at start. */
  armed: boolean
  armedChanged(armed: boolean): void
  load(): Promise<void>
  added(doc: LayoutDoc, name?: string): Promise<void>
  renamed(id: string, name: string): Promise<void>
  moved(id: string, delta: -1 | 1): Promise<void>
  removed(id: string): Promise<void>
  taken(taskKey: string, cueId: string | null): void
}

/** What taking `next` to a task that runs `current` changes, tile by tile (shared/layout/diff.ts). */
export type { LayoutDiff } from '../../../../shared/layout/diff'
export { diffLayouts as layoutDiff, isEmptyDiff as sameLayout } from '../../../../shared/layout/diff'

// ---- pure list operations ----

export function nextCueId(cues: readonly Cue[]): string {
  let n = cues.length + 1
  while (cues.some((c) => c.id === `cue-${n}`)) n++
  return `cue-${n}`
}

export function addCue(cues: readonly Cue[], doc: LayoutDoc, name?: string): Cue[] {
  if (cues.length >= MAX_CUES) return [...cues]
  const label = (name ?? doc.name).trim().slice(0, 80) || `Cue ${cues.length + 1}`
  return [...cues, { id: nextCueId(cues), name: label, doc }]
}

export function renameCue(cues: readonly Cue[], id: string, name: string): Cue[] {
  const label = name.trim().slice(0, 80)
  if (!label) return [...cues]
  return cues.map((c) => (c.id === id ? { ...c, name: label } : c))
}

export function moveCue(cues: readonly Cue[], id: string, delta: -1 | 1): Cue[] {
  const i = cues.findIndex((c) => c.id === id)
  const j = i + delta
  if (i < 0 || j < 0 || j >= cues.length) return [...cues]
  const out = [...cues]
  ;[out[i], out[j]] = [out[j]!, out[i]!]
  return out
}

export const removeCue = (cues: readonly Cue[], id: string): Cue[] => cues.filter((c) => c.id !== id)

/** The cue a digit key takes: "1" is the first cue, "9" the ninth. */
export function cueForKey(cues: readonly Cue[], key: string): Cue | null {
  if (!/^[1-9]$/.test(key)) return null
  return cues[Number(key) - 1] ?? null
}

export function createCueStore(port: CuePort): StoreApi<CueState> {
  const store = createStore<CueState>()((set, get) => {
    // Show the change at once and save it; a failed save puts the saved list back and says why.
    async function change(next: Cue[]): Promise<void> {
      const before = get().cues
      set({ cues: next, error: null })
      const r = await port.save(next)
      if (!r.ok) set({ cues: before, error: r.error })
    }
    return {
      cues: [],
      loaded: false,
      error: null,
      live: {},
      armed: false,
      async load() {
        const r = await port.load()
        set(r.ok ? { cues: r.value, loaded: true, error: null } : { loaded: true, error: r.error })
      },
      added: (doc, name) => change(addCue(get().cues, doc, name)),
      renamed: (id, name) => change(renameCue(get().cues, id, name)),
      moved: (id, delta) => change(moveCue(get().cues, id, delta)),
      async removed(id) {
        await change(removeCue(get().cues, id))
        const live = Object.fromEntries(Object.entries(get().live).filter(([, c]) => c !== id))
        set({ live })
      },
      armedChanged(armed) {
        set({ armed })
      },
      taken(taskKey, cueId) {
        const live = { ...get().live }
        if (cueId === null) delete live[taskKey]
        else live[taskKey] = cueId
        set({ live })
      },
    }
  })
  return store
}
