// Reads a live HTTP-FLV (or any supported container) stream in main with undici, has its SEI
// parsed as it arrives in a worker thread (./seiWorker.ts) and pushes the messages to the window;
// reconnects with backoff until stopped. With `media`, the bytes go to the window too (one pull
// feeds both the SEI and the Program picture), in batches of at most MEDIA_BATCH_MS so the window
// stays off the network.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { request } from 'undici'
import type { SeiEntry } from '../../shared/media/seiEntry'
import type { FromSeiWorker, ToSeiWorker } from './seiWorker'
import type { Emit } from '../ipc/dispatch'
import type { Say } from '../../shared/errors'
import { sayEn } from '../../shared/messages/catalogue'

const BATCH_MS = 200
const MEDIA_BATCH_MS = 40
const MAX_BACKOFF_MS = 10_000

/** The parser's worker: the built file next to main's bundle, else the source through tsx (tests, `npm run web`). */
function startParser(): Worker {
  const built = join(__dirname, 'seiWorker.js')
  if (existsSync(built)) return new Worker(built)
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'seiWorker.ts'))})`, { eval: true })
}

/** Tells the parser the stream ended and waits (a second at most) for the messages it still held. */
function ended(parser: Worker): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      parser.off('message', onMessage)
      resolve()
    }
    const onMessage = (m: FromSeiWorker) => m.type === 'ended' && done()
    const timer = setTimeout(done, 1000)
    parser.on('message', onMessage)
    parser.postMessage({ type: 'end' } satisfies ToSeiWorker)
  })
}

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
    let parser: Worker | null = null
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
        // A new parser for each connection: a stream that keeps one busy is dropped with it.
        parser?.terminate()
        parser = startParser()
        let batch: SeiEntry[] = []
        let last = deps.now()
        const flushBatch = () => {
          if (batch.length) deps.emit('sei.liveEntries', { id, entries: batch, receivedAt: deps.now(), bytes })
          batch = []
          last = deps.now()
        }
        // With the picture on screen the overlay must be there before its frame: batch as tightly as the bytes.
        parser.on('message', (m: FromSeiWorker) => {
          if (m.type !== 'entries') return
          for (const e of m.entries) batch.push(e)
          if (deps.now() - last >= (media ? MEDIA_BATCH_MS : BATCH_MS)) flushBatch()
        })
        const send = (m: ToSeiWorker, transfer?: ArrayBuffer[]) => parser?.postMessage(m, transfer)
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
          // undici's chunks may share a pooled buffer: the parser gets its own copy, moved, not cloned.
          const own = new Uint8Array(chunk as Uint8Array)
          if (media) pending.push(own)
          if (deps.now() - lastMedia >= MEDIA_BATCH_MS) flushMedia()
          const forParser = media ? own.slice() : own
          send({ type: 'chunk', bytes: forParser.buffer }, [forParser.buffer])
        }
        flushMedia()
        await ended(parser)
        flushBatch()
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
    void parser?.terminate()
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
