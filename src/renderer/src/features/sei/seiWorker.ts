// Parses a local media file off the UI thread: streamed in chunks, so memory stays flat.
import { createSeiReader } from '../../../../shared/media/seiReader'
import { toEntry, type SeiEntry } from '../../../../shared/media/seiEntry'
import type { Warning } from '../../../../shared/media/seiSink'

export type WorkerRequest = { file: File }
export type WorkerReply =
  | { type: 'progress'; bytes: number; total: number; count: number }
  | { type: 'done'; entries: SeiEntry[]; warnings: Warning[]; container: string | null; codec: string | null; bytes: number }
  | { type: 'failed'; reason: string }

const post = (m: WorkerReply) => (self as unknown as Worker).postMessage(m)

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { file } = event.data
  const reader = createSeiReader()
  const entries: SeiEntry[] = []
  let bytes = 0
  let lastPost = 0
  try {
    const stream = file.stream().getReader()
    for (;;) {
      const { done, value } = await stream.read()
      if (done) break
      bytes += value.length
      for (const m of reader.push(value)) entries.push(toEntry(m))
      const now = performance.now()
      if (now - lastPost > 100) {
        lastPost = now
        post({ type: 'progress', bytes, total: file.size, count: entries.length })
      }
    }
    for (const m of reader.end()) entries.push(toEntry(m))
  } catch (e) {
    post({ type: 'failed', reason: e instanceof Error ? e.name : 'Error' })
    return
  }
  entries.sort((a, b) => a.ptsMs - b.ptsMs || a.offset - b.offset)
  post({ type: 'done', entries, warnings: reader.warnings.slice(0, 50), container: reader.container ?? null, codec: reader.codec ?? null, bytes })
}
