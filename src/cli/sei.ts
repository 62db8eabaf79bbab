// sei [--count] [--format json|csv] <file or http(s) URL>: prints every SEI message of a stream on
// stdout (a JSON line each, or CSV rows) and a summary on stderr; --count prints only the summary.
// A thin shell over the pure reader in src/shared/media: it moves bytes and writes once per chunk.
// Built ahead to out/cli/sei.cjs (scripts/build-cli.mjs). Exit codes: 0 read (warnings are in the
// summary), 2 unreadable input, 1 usage.

import { closeSync, openSync, readSync } from 'node:fs'
import { open as openFile, stat } from 'node:fs/promises'
import { createSeiReader, type SeiMessage, type SeiReader } from '../shared/media/seiReader'
import { warningText } from '../shared/media/seiSink'
import { toEntry } from '../shared/media/seiEntry'

// 256 KiB reads: on SEI-dense input a bigger chunk keeps more messages alive at once, and they outlive
// the young generation (4 MiB: 2.3× the time and 2× the memory on the 64×64 fixture's tags).
const chunkBytes = 256 << 10
/** Sniffing needs a few hundred bytes; past this an unrecognised input is not going to become media. */
const giveUpBytes = 64 << 10

class InputError extends Error {}

/** One line of output: the message as the previewer sees it (text or base64, and its layout). */
export function messageLine(m: SeiMessage): string {
  return JSON.stringify(toEntry(m))
}

/** An http(s) stream's chunks as they arrive. */
async function* fetched(input: string): AsyncIterable<Uint8Array> {
  // undici only for URLs: loading it costs more than reading a small file.
  const { Agent, interceptors, request } = await import('undici')
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
}

/**
 * A local file pushed into the reader; returns the bytes read. One buffer, refilled: the reader
 * keeps no reference to a chunk once push() returns, so a gigabyte costs no more memory than a
 * megabyte. Synchronous reads in a plain loop: a command has nothing else to do meanwhile; a
 * thread-pool round trip per read, or an async iterator's per chunk, would leave it idle. Every
 * byte is read: positioned reads of only each frame's headers and SEI would cost a system call per
 * frame, more than reading 40 KB frames whole.
 */
async function readLocal(input: string, reader: SeiReader, emit: (found: SeiMessage[]) => Promise<void> | undefined, shown: { update(bytes: number): void }): Promise<number> {
  let fd: number | undefined
  let bytes = 0
  try {
    fd = openSync(input, 'r')
    const buffer = new Uint8Array(chunkBytes)
    for (let n = readSync(fd, buffer, 0, chunkBytes, null); n > 0; n = readSync(fd, buffer, 0, chunkBytes, null)) {
      bytes += n
      const writing = emit(reader.push(buffer.subarray(0, n)))
      if (writing) await writing
      shown.update(bytes)
      if (reader.container === undefined && bytes >= giveUpBytes) break
    }
    return bytes
  } catch (e) {
    if (!(e instanceof Error && 'syscall' in e)) throw e
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : e.message
    throw new InputError(`cannot read ${input}: ${why}`)
  } finally {
    if (fd !== undefined) closeSync(fd)
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

const usage = 'usage: sei [--count] [--format json|csv] <file or http(s) URL>'

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function csvField(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export const csvHeader = 'pts_ms,offset,codec,payload_type,uuid,text,base64'

/** One CSV row: the message as the previewer sees it, text or base64 in its own column. */
export function messageRow(m: SeiMessage): string {
  const e = toEntry(m)
  return [e.ptsMs, e.offset, e.codec, e.payloadType, e.uuid, e.text, e.base64].map(csvField).join(',')
}

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve))
}

interface Options {
  input: string
  count: boolean
  format: 'json' | 'csv'
}

function parseArgs(args: string[]): Options | null {
  let input: string | undefined
  let count = false
  let format: 'json' | 'csv' = 'json'
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--count') count = true
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = a === '--format' ? args[++i] : a.slice('--format='.length)
      if (v !== 'json' && v !== 'csv') return null
      format = v
    } else if (a.startsWith('-') || input !== undefined) return null
    else input = a
  }
  return input ? { input, count, format } : null
}

/** On a terminal, big files show how far the reading got, at most five times a second. */
function progress(total: number): { update(bytes: number): void; done(): void } {
  if (!process.stderr.isTTY || total < 100e6) return { update() {}, done() {} }
  const started = performance.now()
  let last = 0
  return {
    update(bytes) {
      const now = performance.now()
      if (now - last < 200) return
      last = now
      const rate = bytes / 1e6 / ((now - started) / 1000)
      process.stderr.write(`\r${((100 * bytes) / total).toFixed(0).padStart(3)} % · ${(bytes / 1e9).toFixed(2)} of ${(total / 1e9).toFixed(2)} GB · ${rate.toFixed(0)} MB/s `)
    },
    done() {
      if (last > 0) process.stderr.write('\r\x1b[K')
    },
  }
}

export async function main(args: string[]): Promise<number> {
  const options = parseArgs(args)
  if (!options || args.includes('-h') || args.includes('--help')) {
    console.error(usage)
    return 1
  }
  const { input, count, format } = options
  const started = performance.now()
  const isUrl = /^https?:\/\//i.test(input)
  const mp4Moov = isUrl ? undefined : await moovAfterMdat(input)
  const total = isUrl ? 0 : await stat(input).then((s) => s.size, () => 0)
  const reader = createSeiReader(mp4Moov ? { container: 'mp4', mp4Moov } : {})
  const byType: Record<string, number> = {}
  let messages = 0
  let bytes = 0
  let firstPtsMs: number | null = null
  let lastPtsMs: number | null = null
  const line = format === 'csv' ? messageRow : messageLine
  if (format === 'csv' && !count) await write(csvHeader + '\n')
  // One write per chunk's messages: a line per write would cost more than the parsing.
  // Awaited only when there is something to write.
  const emit = (found: SeiMessage[]): Promise<void> | undefined => {
    if (found.length === 0) return
    messages += found.length
    firstPtsMs ??= found[0]!.ptsMs
    lastPtsMs = found[found.length - 1]!.ptsMs
    for (const m of found) byType[m.payloadType] = (byType[m.payloadType] ?? 0) + 1
    if (count) return
    let text = ''
    for (const m of found) text += line(m) + '\n'
    return write(text)
  }
  const shown = progress(total)
  try {
    if (isUrl) {
      for await (const chunk of fetched(input)) {
        bytes += chunk.length
        await emit(reader.push(chunk))
        shown.update(bytes)
        if (reader.container === undefined && bytes >= giveUpBytes) break
      }
    } else bytes = await readLocal(input, reader, emit, shown)
    await emit(reader.end())
  } catch (e) {
    if (e instanceof InputError) {
      shown.done()
      console.error(`sei: ${e.message}`)
      return 2
    }
    throw e
  }
  shown.done()
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
    /** The most memory the process held (resident set). */
    peakMemoryMB: Math.round(process.resourceUsage().maxRSS / 1024),
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
