// sei <file or http(s) URL>: prints every SEI message of a stream as one JSON line on stdout and a
// summary on stderr. A thin shell over the pure reader in src/shared/media: it only moves bytes.
// Exit codes: 0 read (warnings are in the summary), 2 unreadable input, 1 usage.

import { createReadStream } from 'node:fs'
import { Agent, interceptors, request } from 'undici'
import { createSeiReader, type SeiMessage } from '../shared/media/seiReader'
import { decodeVolumeLayout } from '../shared/media/volumeLayout'

const chunkBytes = 4 << 20
/** Sniffing needs a few hundred bytes; past this an unrecognised input is not going to become media. */
const giveUpBytes = 64 << 10

class InputError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function messageLine(m: SeiMessage): string {
  const line: Record<string, unknown> = { ptsMs: m.ptsMs, offset: m.offset, codec: m.codec, payloadType: m.payloadType }
  if (m.uuid !== undefined) line.uuid = m.uuid
  let text: string | undefined
  try {
    text = utf8.decode(m.payload)
  } catch {
    text = undefined
  }
  if (text === undefined) line.base64 = Buffer.from(m.payload.buffer, m.payload.byteOffset, m.payload.byteLength).toString('base64')
  else {
    line.text = text
    if (text.trimStart().startsWith('{')) {
      const { layout } = decodeVolumeLayout(text)
      if (layout) line.layout = layout
    }
  }
  return JSON.stringify(line)
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
  const reader = createSeiReader()
  const byType: Record<string, number> = {}
  let messages = 0
  let bytes = 0
  const emit = async (found: SeiMessage[]) => {
    for (const m of found) {
      messages++
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
    durationMs: Math.round(performance.now() - started),
    warnings: reader.warnings,
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
