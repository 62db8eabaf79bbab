// The moderation audit log under crashes: a child process appending entries is killed mid-stream
// over and over, and some kills leave a torn line (the in-flight write cut by a power cut); every
// entry the child acknowledged is still there, once, and no torn line swallows the next entry.
import { spawn } from 'node:child_process'
import { mkdtemp, appendFile, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'
import { createAuditLog } from './auditLog'

const KILLS = 100
let dir = ''
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined))

const entry = (n: number) => ({ time: new Date(0).toISOString(), profile: 'p', sdkAppId: 1, roomId: '1', roomIdType: 'number' as const, action: 'remove' as const, apiAction: 'RemoveUser', userIds: [`u${n}`], result: 'ok', message: `seq-${n}` })

describe('audit log', () => {
  it('terminates a torn last line instead of gluing the next entry to it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-'))
    const path = join(dir, 'a.jsonl')
    await writeFile(path, JSON.stringify(entry(1)) + '\n' + '{"time":"2026-12-0')
    const log = createAuditLog(path)
    await log.append(entry(2))
    await log.append(entry(3))
    const list = await log.list()
    expect(list.map((e) => e.message)).toEqual(['seq-1', '{"time":"2026-12-0', 'seq-2', 'seq-3'])
    expect(list[1]!.result).toBe('torn')
  })

  it(`keeps every acknowledged entry through ${KILLS} kills mid-append`, async () => {
    dir ||= await mkdtemp(join(tmpdir(), 'audit-'))
    const path = join(dir, 'killed.jsonl')
    // The real module, bundled once so each child is a plain `node` start.
    const child = join(dir, 'child.cjs')
    buildSync({
      stdin: {
        contents: `const { createAuditLog } = require(${JSON.stringify(join(__dirname, 'auditLog.ts'))});
const log = createAuditLog(process.argv[2]); let n = Number(process.argv[3]);
(async () => { for (;;) { const id = n++; await log.append({ time: '', profile: 'p', sdkAppId: 1, roomId: '1', roomIdType: 'number', action: 'remove', apiAction: 'RemoveUser', userIds: ['u'], result: 'ok', message: 'seq-' + id }); process.stdout.write('ack ' + id + '\\n') } })()`,
        resolveDir: __dirname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: child,
      logLevel: 'silent',
    })
    const acked = new Set<number>()
    let next = 0
    let torn = 0
    for (let k = 0; k < KILLS; k++) {
      const start = next
      await new Promise<void>((resolve) => {
        const p = spawn(process.execPath, [child, path, String(start)], { stdio: ['ignore', 'pipe', 'inherit'] })
        let out = ''
        let mine = 0
        p.stdout.on('data', (b: Buffer) => {
          out += b.toString()
          const lines = out.split('\n')
          out = lines.pop()!
          for (const l of lines)
            if (l.startsWith('ack ')) {
              acked.add(Number(l.slice(4)))
              mine++
            }
          // Kill after a few acknowledged appends, at a point that varies (often mid-append).
          if (mine >= 2 + (k % 5)) p.kill('SIGKILL')
        })
        p.on('exit', () => resolve())
      })
      next = start + 1_000_000
      // Half the kills stand for a power cut that tore the write in flight.
      if (k % 2 === 0) {
        await appendFile(path, `{"time":"","profile":"p","sdkAppId":1,"message":"torn-${k}`)
        torn++
      }
    }
    const entries = await createAuditLog(path).list()
    const seen = entries.filter((e) => e.result === 'ok').map((e) => Number(e.message!.slice(4)))
    for (const id of acked) expect(seen.filter((s) => s === id), `entry ${id}`).toHaveLength(1)
    expect(acked.size).toBeGreaterThanOrEqual(KILLS * 2)
    expect(entries.filter((e) => e.result === 'torn').length).toBeGreaterThanOrEqual(torn)
    // Every line of the file is either a whole entry or a torn fragment, one per line.
    const text = await readFile(path, 'utf8')
    expect(text.endsWith('\n') || text.includes('torn-')).toBe(true)
  }, 120_000)
})
