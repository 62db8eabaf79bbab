// sei <file or http(s) URL>: prints every SEI message of a stream as one JSON line on stdout and a
// summary on stderr. A thin shell over the pure reader in src/shared/media: it only moves bytes.
// Exit codes: 0 read (warnings are in the summary), 2 unreadable input, 1 usage.

import { createReadStream } from 'node:fs'
import { open as openFile } from 'node:fs/promises'
import { Agent, interceptors, request } from 'undici'
import { createSeiReader, type SeiMessage } from '../shared/media/seiReader'
import { warningText } from '../shared/media/seiSink'
import { toEntry } from '../shared/media/seiEntry'

const chunkBytes = 4 << 20
/** Sniffing needs a few hundred bytes; past this an unrecognised input is not going to become media. */
const giveUpBytes = 64 << 10

class InputError extends Error {}

/** One line of output: the message as the previewer sees it (text or base64, and its layout). */
export function messageLine(m: SeiMessage): string {
  return JSON.stringify(toEntry(m))
}

async function* open(input: string): AsyncIterable<Uint8Array> {
  if (/^https?:\/\//i.test(input)) {
    const dispatcher = new Agent().compose(interceptors.redirect({ maxRedirections: 5 }))
    try {
      let response: Awaited<ReturnType<typeof request>>
      try {
        response = await request(input, { dispatcher, headersTimeout: 15_000, bodyTimeout: 30_000 })
      } catch (e) {
        throw new InputError(`cannot fetch ${input}: ${e instanceof Error ? e.message : String(e)}`)
      }
      if (response.statusCode >= 300) {
        await response.body.dump()
        throw new InputError(`cannot fetch ${input}: HTTP ${response.statusCode}`)
      }
      try {
        for await (const chunk of response.body) yield chunk as Uint8Array
      } catch (e) {
        throw new InputError(`reading ${input} failed: ${e instanceof Error ? e.message : String(e)}`)
      }
    } finally {
      // An idle keep-alive socket would hold the process open after the last byte.
      await dispatcher.destroy()
    }
    return
  }
  const stream = createReadStream(input, { highWaterMark: chunkBytes })
  try {
    for await (const chunk of stream) yield chunk as Uint8Array
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : e instanceof Error ? e.message : String(e)
    throw new InputError(`cannot read ${input}: ${why}`)
  }
}

const maxMoovBytes = 64 << 20

/**
 * For a local MP4 whose moov follows mdat (ffmpeg's default), the moov payload, read by walking the
 * top-level box headers (ISO/IEC 14496-12 §4.2) so the reader can follow the sample table exactly.
 */
async function moovAfterMdat(path: string): Promise<Uint8Array | undefined> {
  let file: Awaited<ReturnType<typeof openFile>>
  try {
    file = await openFile(path, 'r')
  } catch {
    return undefined // the stream reports why
  }
  try {
    const size = (await file.stat()).size
    const header = new Uint8Array(16)
    let sawMdat = false
    for (let at = 0, boxes = 0; at + 8 <= size && boxes < 10_000; boxes++) {
      const { bytesRead } = await file.read(header, 0, 16, at)
      if (bytesRead < 8) return undefined
      const v = new DataView(header.buffer)
      const type = String.fromCharCode(...header.subarray(4, 8))
      if (!/^[\x20-\x7e]{4}$/.test(type)) return undefined
      let boxSize = v.getUint32(0)
      let headerSize = 8
      if (boxSize === 1) {
        if (bytesRead < 16) return undefined
        boxSize = v.getUint32(8) * 2 ** 32 + v.getUint32(12)
        headerSize = 16
      } else if (boxSize === 0) boxSize = size - at
      if (boxSize < headerSize) return undefined
      if (type === 'mdat') sawMdat = true
      if (type === 'moov') {
        if (!sawMdat || boxSize - headerSize > maxMoovBytes) return undefined
        const moov = new Uint8Array(boxSize - headerSize)
        const { bytesRead: got } = await file.read(moov, 0, moov.length, at + headerSize)
        return got === moov.length ? moov : undefined
      }
      at += boxSize
    }
    return undefined
  } finally {
    await file.close()
  }
}

async function write(line: string): Promise<void> {
  if (!process.stdout.write(line + '\n')) await new Promise<void>((resolve) => process.stdout.once('drain', resolve))
}

export async function main(args: string[]): Promise<number> {
  const input = args[0]
  if (!input || args.length > 1 || input === '-h' || input === '--help') {
    console.error('usage: sei <file or http(s) URL>')
    return 1
  }
  const started = performance.now()
  const isUrl = /^https?:\/\//i.test(input)
  const mp4Moov = isUrl ? undefined : await moovAfterMdat(input)
  const reader = createSeiReader(mp4Moov ? { container: 'mp4', mp4Moov } : {})
  const byType: Record<string, number> = {}
  let messages = 0
  let bytes = 0
  let firstPtsMs: number | null = null
  let lastPtsMs: number | null = null
  const emit = async (found: SeiMessage[]) => {
    for (const m of found) {
      messages++
      firstPtsMs ??= m.ptsMs
      lastPtsMs = m.ptsMs
      byType[m.payloadType] = (byType[m.payloadType] ?? 0) + 1
      await write(messageLine(m))
    }
  }
  try {
    for await (const chunk of open(input)) {
      bytes += chunk.length
      await emit(reader.push(chunk))
      if (reader.container === undefined && bytes >= giveUpBytes) break
    }
    await emit(reader.end())
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`sei: ${e.message}`)
      return 2
    }
    throw e
  }
  if (reader.container === undefined) {
    console.error(`sei: ${input} is not FLV, MP4, MPEG-TS or an H.264/H.265 stream${bytes === 0 ? ' (it is empty)' : ''}`)
    return 2
  }
  const summary = {
    container: reader.container,
    codec: reader.codec ?? null,
    messages,
    byType,
    bytes,
    /** Media time from the first message to the last. */
    spanMs: firstPtsMs !== null && lastPtsMs !== null ? lastPtsMs - firstPtsMs : 0,
    /** Time taken to read and parse. */
    durationMs: Math.round(performance.now() - started),
    warnings: reader.warnings.map(warningText),
  }
  console.error(JSON.stringify(summary))
  return 0
}

// A closed pipe (sei … | head) ends the run quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0)
  throw e
})

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    console.error(`sei: internal error: ${e instanceof Error ? e.message : String(e)}`)
    process.exitCode = 1
  },
)
