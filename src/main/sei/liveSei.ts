// Reads a live HTTP-FLV (or any supported container) stream in main with undici, parses its SEI
// as it arrives and pushes the messages to the window; reconnects with backoff until stopped. With
// `media`, the bytes go to the window too (one pull feeds both the SEI and the Program picture), in
// batches of at most MEDIA_BATCH_MS so the window stays off the network.
import { request } from 'undici'
import { createSeiReader } from '../../shared/media/seiReader'
import { toEntry, type SeiEntry } from '../../shared/media/seiEntry'
import type { Emit } from '../ipc/dispatch'
import type { Say } from '../../shared/errors'
import { sayEn } from '../../shared/messages/catalogue'

const BATCH_MS = 200
const MEDIA_BATCH_MS = 40
const MAX_BACKOFF_MS = 10_000

class StreamFailure extends Error {
  constructor(readonly say: Say) {
    super(sayEn(say.key, say.params))
  }
}

export function createLiveSei(deps: { emit: Emit; now: () => number }) {
  const sessions = new Map<string, AbortController>()
  let seq = 0

  async function run(id: string, url: string, abort: AbortController, media: boolean) {
    let attempt = 0
    let generation = 0
    while (!abort.signal.aborted) {
      deps.emit('sei.liveStatus', { id, state: attempt === 0 ? 'connecting' : 'reconnecting', bytes: 0 })
      let bytes = 0
      try {
        const res = await request(url, { signal: abort.signal, headersTimeout: 10_000, bodyTimeout: 15_000 })
        if (res.statusCode !== 200) {
          await res.body.dump()
          throw new StreamFailure({ key: 'err.stream.http', params: { status: res.statusCode } })
        }
        deps.emit('sei.liveStatus', { id, state: 'live', bytes: 0 })
        attempt = 0
        const reader = createSeiReader()
        let batch: SeiEntry[] = []
        let last = deps.now()
        generation++
        let pending: Uint8Array[] = []
        let lastMedia = deps.now()
        const flushMedia = () => {
          if (!media || pending.length === 0) return
          deps.emit('sei.liveMedia', { id, generation, chunk: pending.length === 1 ? pending[0]! : Buffer.concat(pending) })
          pending = []
          lastMedia = deps.now()
        }
        for await (const chunk of res.body) {
          bytes += (chunk as Uint8Array).length
          if (media) pending.push(new Uint8Array(chunk as Uint8Array))
          if (deps.now() - lastMedia >= MEDIA_BATCH_MS) flushMedia()
          for (const m of reader.push(chunk as Uint8Array)) batch.push(toEntry(m))
          // With the picture on screen the overlay must be there before its frame: batch as tightly as the bytes.
          if (batch.length && deps.now() - last >= (media ? MEDIA_BATCH_MS : BATCH_MS)) {
            deps.emit('sei.liveEntries', { id, entries: batch, receivedAt: deps.now(), bytes })
            batch = []
            last = deps.now()
          }
        }
        flushMedia()
        if (batch.length) deps.emit('sei.liveEntries', { id, entries: batch, receivedAt: deps.now(), bytes })
        if (!abort.signal.aborted) throw new StreamFailure({ key: 'err.stream.ended' })
      } catch (e) {
        if (abort.signal.aborted) break
        attempt++
        const wait = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(attempt, 5))
        const reason: Say = e instanceof StreamFailure ? e.say : { key: 'err.stream.failed', params: { reason: (e as NodeJS.ErrnoException).code ?? (e as Error).name ?? 'Error' } }
        deps.emit('sei.liveStatus', { id, state: 'reconnecting', bytes, reason, retryInS: Math.round(wait / 1000) })
        await new Promise((r) => setTimeout(r, wait))
      }
    }
    deps.emit('sei.liveStatus', { id, state: 'stopped', bytes: 0 })
  }

  return {
    start(url: string, opts: { media?: boolean } = {}): string {
      const id = `live-${++seq}`
      const abort = new AbortController()
      sessions.set(id, abort)
      void run(id, url, abort, opts.media ?? false).finally(() => sessions.delete(id))
      return id
    },
    stop(id: string): boolean {
      const s = sessions.get(id)
      s?.abort()
      return s !== undefined
    },
    stopAll() {
      for (const s of sessions.values()) s.abort()
    },
  }
}

export type LiveSei = ReturnType<typeof createLiveSei>
