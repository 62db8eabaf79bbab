// What an image URL of a layout really is. The reference asks for PNG/JPG(/JPEG) images of at most
// 5 MB (003_530a54cf0f8c0df7.txt L15446–L15447, L15577–L15580, L15677–L15678, L16453–L16454); a file
// name says nothing of that, so main fetches the first bytes (a Range request) and reads the magic
// number and the size the server states. Results are kept for a few minutes per URL.
import { request } from 'undici'
import type { ImageProbe } from '../../shared/layout/validate'

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG = [0xff, 0xd8, 0xff]
const HEAD_BYTES = 16
const TIMEOUT_MS = 4000
const KEEP_MS = 5 * 60_000
const PARALLEL = 4

const startsWith = (b: Uint8Array, magic: readonly number[]): boolean => magic.every((v, i) => b[i] === v)

/** PNG or JPEG by magic number (PNG spec §5.2; JPEG SOI + marker), anything else is 'other'. */
export function imageKind(head: Uint8Array): 'png' | 'jpeg' | 'other' {
  if (startsWith(head, PNG)) return 'png'
  if (startsWith(head, JPEG)) return 'jpeg'
  return 'other'
}

/** The whole size from `Content-Range: bytes 0-15/12345`, else from Content-Length of a full answer. */
export function statedSize(status: number, headers: Record<string, string | string[] | undefined>): number | null {
  const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)
  const range = /\/(\d+)\s*$/.exec(one(headers['content-range']) ?? '')
  if (status === 206 && range) return Number(range[1])
  const length = one(headers['content-length'])
  return status === 200 && length && /^\d+$/.test(length) ? Number(length) : null
}

async function probeOne(url: string): Promise<ImageProbe> {
  try {
    const res = await request(url, { method: 'GET', headers: { range: `bytes=0-${HEAD_BYTES - 1}` }, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS, maxRedirections: 3 } as Parameters<typeof request>[1])
    if (res.statusCode !== 200 && res.statusCode !== 206) {
      await res.body.dump()
      return { kind: 'unreachable' }
    }
    const chunks: Buffer[] = []
    let got = 0
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      chunks.push(chunk)
      got += chunk.length
      if (got >= HEAD_BYTES) break
    }
    res.body.destroy()
    const head = new Uint8Array(Buffer.concat(chunks).subarray(0, HEAD_BYTES))
    return { kind: imageKind(head), bytes: statedSize(res.statusCode, res.headers) }
  } catch {
    return { kind: 'unreachable' }
  }
}

export function createImageProber(now: () => number = Date.now) {
  const cache = new Map<string, { at: number; probe: Promise<ImageProbe> }>()
  return {
    /** Probes of every URL, at most PARALLEL at a time; http(s) URLs only. */
    async probe(urls: readonly string[]): Promise<Record<string, ImageProbe>> {
      const out: Record<string, ImageProbe> = {}
      const todo = [...new Set(urls)].filter((u) => /^https?:\/\//.test(u))
      let next = 0
      const worker = async (): Promise<void> => {
        while (next < todo.length) {
          const url = todo[next++] as string
          let hit = cache.get(url)
          if (!hit || now() - hit.at > KEEP_MS) {
            hit = { at: now(), probe: probeOne(url) }
            cache.set(url, hit)
          }
          out[url] = await hit.probe
          // An unreachable URL is asked again next time rather than remembered.
          if (out[url].kind === 'unreachable') cache.delete(url)
        }
      }
      await Promise.all(Array.from({ length: Math.min(PARALLEL, todo.length) }, worker))
      return out
    },
  }
}

export type ImageProber = ReturnType<typeof createImageProber>
