// The previewer's state: where the messages came from, all of them, and which one is shown.
import { createStore, type StoreApi } from 'zustand/vanilla'
import { decodeVolumeLayout } from '../../../../shared/media/volumeLayout'
import type { SeiEntry } from '../../../../shared/media/seiEntry'
import type { Warning } from '../../../../shared/media/seiSink'
import type { MessageKey } from '../../i18n/i18n'
import type { WorkerReply } from './seiWorker'

/** Something to say, worded by the view. */
export interface Words {
  key: MessageKey
  params?: Record<string, string | number>
}

export type Source = 'paste' | 'file' | 'live'

export interface SeiState {
  source: Source
  text: string
  fileName: string | null
  videoUrl: string | null
  parsing: { bytes: number; total: number; count: number } | null
  entries: SeiEntry[]
  warnings: Warning[]
  error: Words | null
  container: string | null
  index: number
  sourceSelected(source: Source): void
  textChanged(text: string): void
  fileOpened(file: File): void
  entrySelected(index: number): void
  liveEntries(entries: SeiEntry[]): void
}

/** Chromium plays these itself, so the picture can run under the overlay. */
const playable = /\.(mp4|m4v|mov)$/i

export function createSeiStore(deps: { startWorker(): Worker; objectUrl(file: File): string; revokeUrl(url: string): void }): StoreApi<SeiState> {
  let worker: Worker | null = null
  return createStore<SeiState>((set, get) => ({
    source: 'paste',
    text: '',
    fileName: null,
    videoUrl: null,
    parsing: null,
    entries: [],
    warnings: [],
    error: null,
    container: null,
    index: 0,
    sourceSelected: (source) => set({ source }),
    textChanged(text) {
      if (!text.trim()) return set({ text, entries: [], warnings: [], error: null })
      const d = decodeVolumeLayout(text)
      set(
        d.layout
          ? { text, entries: [{ ptsMs: 0, offset: 0, codec: 'h264', payloadType: 100, text, layout: d.layout }], warnings: d.warnings, error: null, index: 0 }
          : { text, entries: [], warnings: [], error: d.warnings[0] ?? { key: 'warn.layout.notObject' } },
      )
    },
    fileOpened(file) {
      worker?.terminate()
      const old = get().videoUrl
      if (old) deps.revokeUrl(old)
      worker = deps.startWorker()
      set({
        source: 'file',
        fileName: file.name,
        videoUrl: playable.test(file.name) ? deps.objectUrl(file) : null,
        parsing: { bytes: 0, total: file.size, count: 0 },
        entries: [],
        warnings: [],
        error: null,
        index: 0,
        container: null,
      })
      const w = worker
      w.onmessage = (e: MessageEvent<WorkerReply>) => {
        if (w !== worker) return
        const m = e.data
        if (m.type === 'progress') set({ parsing: { bytes: m.bytes, total: m.total, count: m.count } })
        else if (m.type === 'failed') set({ parsing: null, error: { key: 'sei.err.unreadable', params: { reason: m.reason } } })
        else {
          const first = m.entries.findIndex((x) => x.layout)
          set({
            parsing: null,
            entries: m.entries,
            warnings: m.warnings,
            container: m.container,
            index: Math.max(0, first),
            error: m.container === null ? { key: 'warn.reader.unknownInput' } : null,
          })
          w.terminate()
        }
      }
      w.onerror = (e) => set({ parsing: null, error: { key: 'sei.err.stopped', params: { reason: e.message } } })
      w.postMessage({ file })
    },
    // Live: the newest message is always the one shown.
    liveEntries: (entries) => set({ entries, index: Math.max(0, entries.length - 1), error: null, warnings: [] }),
    entrySelected: (index) => set({ index: Math.max(0, Math.min(index, get().entries.length - 1)) }),
  }))
}
