import { execFile } from 'node:child_process'
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSeiNalUnit } from '../shared/media/seiWriter'

const root = join(__dirname, '../..')
// The command as `npm run sei` runs it: built ahead (scripts/build-cli.mjs), run by Node.
const cli = join(root, 'out/cli/sei.cjs')
const fixtures = join(root, 'tests/fixtures/media')

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, timeout: 30_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',' || c === '\n') {
      row.push(field)
      field = ''
      if (c === '\n') {
        rows.push(row)
        row = []
      }
    } else field += c
  }
  return rows
}

const lines = (stdout: string): Array<Record<string, unknown>> =>
  stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>)

let server: Server
let base = ''
let scratch = ''

beforeAll(async () => {
  await new Promise<void>((resolve, reject) => execFile(process.execPath, [join(root, 'scripts/build-cli.mjs')], (e) => (e ? reject(e) : resolve())))
  scratch = mkdtempSync(join(tmpdir(), 'sei-cli-'))
  server = createServer((req, res) => {
    if (req.url === '/live/h265.flv') {
      res.writeHead(200, { 'content-type': 'video/x-flv' })
      createReadStream(join(fixtures, 'h265.flv')).pipe(res)
    } else if (req.url === '/moved') {
      res.writeHead(302, { location: '/live/h265.flv' })
      res.end()
    } else {
      res.writeHead(404)
      res.end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  rmSync(scratch, { recursive: true, force: true })
})

// Each case starts a Node process; on a busy machine that takes a second.
describe('sei CLI', { timeout: 60_000 }, () => {
  it('prints one JSON line per SEI message of a file, with uuid, text and decoded layout, and a summary', async () => {
    const { code, stdout, stderr } = await run(join(fixtures, 'h264.mp4'))
    expect(code).toBe(0)
    const out = lines(stdout)
    const layouts = out.filter((l) => l.payloadType === 100)
    expect(layouts).toHaveLength(20)
    expect(layouts[3]).toMatchObject({ ptsMs: 300, codec: 'h264', layout: { ts: 3, canvas: { w: 64, h: 64 }, regions: [{ uid: 'alice', volume: 21 }] } })
    expect(layouts[3]).not.toHaveProperty('uuid')
    const texts = out.filter((l) => l.uuid === '7472746364657368736569746573740a' && String(l.text).startsWith('picture'))
    expect(texts.map((l) => l.text)).toEqual(Array.from({ length: 20 }, (_, i) => `picture ${i}`))
    for (const l of out) expect(Object.keys(l).filter((k) => k === 'text' || k === 'base64')).toHaveLength(1)
    const summary = JSON.parse(stderr.trim().split('\n').pop() ?? '{}') as Record<string, unknown>
    expect(summary).toMatchObject({ container: 'mp4', codec: 'h264', messages: out.length, byType: { '100': 20, '200': 20 } })
    expect(summary.bytes).toBeGreaterThan(5000)
    // The moov box was read ahead, so the sample table is followed exactly.
    expect(summary.warnings).toEqual([])
  })

  it('reads a file whose moov follows an mdat with interleaved audio', async () => {
    const { code, stdout } = await run(join(fixtures, 'h264-audio-moovlast.mp4'))
    expect(code).toBe(0)
    const layouts = lines(stdout).filter((l) => l.payloadType === 100)
    expect(layouts.map((l) => l.ptsMs)).toEqual(Array.from({ length: 20 }, (_, i) => i * 100))
  })

  it('prints payloads that are not UTF-8 as base64', async () => {
    const nal = buildSeiNalUnit('h264', [{ payloadType: 150, payload: Uint8Array.of(0xff, 0xfe, 0x00, 0x80) }])
    const file = join(scratch, 'binary.h264')
    writeFileSync(file, Uint8Array.from([0, 0, 0, 1, ...nal, 0, 0, 0, 1, 0x65, 0x88, 0x84]))
    const { code, stdout } = await run(file)
    expect(code).toBe(0)
    expect(lines(stdout)).toEqual([{ ptsMs: 0, offset: 4, codec: 'h264', payloadType: 150, base64: Buffer.from([0xff, 0xfe, 0x00, 0x80]).toString('base64') }])
  })

  it('reads a stream over HTTP from a local server, following a redirect', async () => {
    const direct = await run(`${base}/live/h265.flv`)
    expect(direct.code).toBe(0)
    const out = lines(direct.stdout)
    expect(out.filter((l) => l.payloadType === 100)).toHaveLength(20)
    expect(out.every((l) => l.codec === 'h265')).toBe(true)
    const moved = await run(`${base}/moved`)
    expect(moved.stdout).toBe(direct.stdout)
  })

  it('exits with 2 and one clear line for a missing file, an HTTP error and input that is not media', async () => {
    const text = join(fixtures, 'make.sh')
    const [missing, http, notMedia] = await Promise.all([run(join(scratch, 'nope.flv')), run(`${base}/gone.flv`), run(text)])
    expect(missing.code).toBe(2)
    expect(missing.stderr.trim()).toBe(`sei: cannot read ${join(scratch, 'nope.flv')}: no such file`)
    expect(http.code).toBe(2)
    expect(http.stderr.trim()).toBe(`sei: cannot fetch ${base}/gone.flv: HTTP 404`)
    expect(notMedia.code).toBe(2)
    expect(notMedia.stderr.trim()).toBe(`sei: ${text} is not FLV, MP4, MPEG-TS or an H.264/H.265 stream`)
    expect(notMedia.stdout).toBe('')
  })

  it('--count prints only the summary; --format csv prints a header and one row per message', async () => {
    const file = join(fixtures, 'h264.mpegts')
    const json = await run(file)
    const counted = await run('--count', file)
    expect(counted.code).toBe(0)
    expect(counted.stdout).toBe('')
    expect(JSON.parse(counted.stderr.trim()).messages).toBe(lines(json.stdout).length)
    const csv = await run('--format', 'csv', file)
    expect(csv.code).toBe(0)
    const rows = parseCsv(csv.stdout)
    expect(rows[0]).toEqual(['pts_ms', 'offset', 'codec', 'payload_type', 'uuid', 'text', 'base64'])
    // Every row is the JSON line's fields, text with its commas, quotes and line breaks included.
    expect(rows.slice(1)).toEqual(lines(json.stdout).map((l) => [l.ptsMs, l.offset, l.codec, l.payloadType, l.uuid, l.text, l.base64].map((v) => (v === undefined ? '' : String(v)))))
    // A text with commas and quotes is one quoted field.
    const layout = lines(json.stdout).find((l) => typeof l.text === 'string' && (l.text as string).includes(','))!
    expect(csv.stdout).toContain(`"${(layout.text as string).replace(/"/g, '""')}"`)
  })

  it('says how to use it and exits 1 on an unknown option or format', async () => {
    for (const args of [['--bogus', 'x.flv'], ['--format', 'xml', 'x.flv'], []]) {
      const r = await run(...args)
      expect(r.code).toBe(1)
      expect(r.stderr.trim()).toBe('usage: sei [--count] [--format json|csv] <file or http(s) URL>')
    }
  })
})
