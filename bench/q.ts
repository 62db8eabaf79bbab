import { closeSync, openSync, readFileSync, readSync, writeFileSync, existsSync, statSync } from 'node:fs'
import { createSeiReader } from '../src/shared/media/seiReader'
const fx = (n: string) => readFileSync(`tests/fixtures/media/${n}`)
function big(name: string, src: string, mb: number, skipHead = 0) {
  const path = `/tmp/media/${name}`
  if (existsSync(path)) return path
  const f = fx(src)
  const head = f.subarray(0, skipHead), body = f.subarray(skipHead)
  const n = Math.ceil((mb << 20) / body.length)
  const out = Buffer.alloc(head.length + n * body.length)
  head.copy(out, 0)
  for (let i = 0; i < n; i++) body.copy(out, head.length + i * body.length)
  writeFileSync(path, out)
  return path
}
function loop(path: string, parse: boolean) {
  const fd = openSync(path, 'r'); const buf = Buffer.allocUnsafe(4 << 20); const r = createSeiReader(); let n = 0, msgs = 0
  const t = performance.now()
  for (;;) { const k = readSync(fd, buf, 0, buf.length, null); if (k === 0) break; n += k; if (parse) msgs += r.push(buf.subarray(0, k)).length }
  if (parse) msgs += r.end().length
  closeSync(fd)
  const s = (performance.now() - t) / 1000
  return { mbps: n / 1e6 / s, msgs, warnings: parse ? r.warnings.length : 0 }
}
const files = [big('ts.ts', 'h264.mpegts', 400), big('ts265.ts', 'h265.mpegts', 200), big('flv.flv', 'h264-audio.flv', 400, 13), big('raw.h264', 'h264.h264', 200)]
for (const f of (process.argv[2] ? files.filter((x) => x.includes(process.argv[2]!)) : files)) {
  const res: string[] = []
  for (let i = 0; i < 3; i++) { const a = loop(f, false), b = loop(f, true); res.push(`${a.mbps.toFixed(0)}/${b.mbps.toFixed(0)} (${(b.mbps / a.mbps).toFixed(2)}) m=${b.msgs} w=${b.warnings}`) }
  console.log(f, statSync(f).size >> 20, 'MB', res.join(' | '))
}
