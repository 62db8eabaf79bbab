// mpegts.js reads the Program stream from main, not from the network: main pulls the HTTP-FLV once
// (sei.liveStart with media) and pushes its bytes as sei.liveMedia events; this loader hands them
// to the demuxer. The CSP keeps connect-src closed to the stream's host.
import mpegts from 'mpegts.js'

type Feed = (chunk: Uint8Array) => void

interface Channel {
  queued: Uint8Array[]
  feed: Feed | null
}

const channels = new Map<string, Channel>()
const channel = (key: string): Channel => {
  let c = channels.get(key)
  if (!c) channels.set(key, (c = { queued: [], feed: null }))
  return c
}

/** The loader URL for one connection (generation) of a live session. */
export const liveKey = (sessionId: string, generation: number): string => `desk-live:${sessionId}:${generation}`

/** Bytes for a connection: handed on at once when its player is open, else kept until it opens. */
export function pushLive(key: string, chunk: Uint8Array): void {
  const c = channel(key)
  if (c.feed) c.feed(chunk)
  else c.queued.push(chunk)
}

export function dropLive(key: string): void {
  channels.delete(key)
}

// BaseLoader status values (mpegts.js src/io/loader.js LoaderStatus).
const BUFFERING = 2
const IDLE = 0

export class MainProcessLoader extends mpegts.BaseLoader {
  private key: string | null = null
  private received = 0

  constructor() {
    super('main-process-loader')
    this._needStash = true
  }

  override open(dataSource: { url: string }): void {
    this.key = dataSource.url
    this._status = BUFFERING
    const c = channel(this.key)
    const feed: Feed = (chunk) => {
      if (this._status !== BUFFERING) return
      const bytes = chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength) as ArrayBuffer
      const start = this.received
      this.received += chunk.byteLength
      this.onDataArrival(bytes, start, this.received)
    }
    c.feed = feed
    for (const q of c.queued.splice(0)) feed(q)
  }

  override abort(): void {
    if (this.key) {
      const c = channels.get(this.key)
      if (c) c.feed = null
    }
    this._status = IDLE
  }

  override destroy(): void {
    this.abort()
    super.destroy()
  }
}

/** The FLV timestamp (ms) of the first video tag in `head`, or null until one is complete. */
export function firstVideoTimestamp(head: Uint8Array): number | null {
  if (head.length < 13 || head[0] !== 0x46 || head[1] !== 0x4c || head[2] !== 0x56) return null
  let o = ((head[5]! << 24) | (head[6]! << 16) | (head[7]! << 8) | head[8]!) + 4
  while (o + 11 <= head.length) {
    const type = head[o]! & 0x1f
    const size = (head[o + 1]! << 16) | (head[o + 2]! << 8) | head[o + 3]!
    const ts = ((head[o + 7]! << 24) | (head[o + 4]! << 16) | (head[o + 5]! << 8) | head[o + 6]!) >>> 0
    if (type === 9) return ts
    o += 11 + size + 4
  }
  return null
}
