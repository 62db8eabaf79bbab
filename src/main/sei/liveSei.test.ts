import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSeiReader } from '../../shared/media/seiReader'
import { toEntry, type SeiEntry } from '../../shared/media/seiEntry'
import { createLiveSei } from './liveSei'

const fixture = join(__dirname, '../../../tests/fixtures/media/h264.flv')

/** An HTTP server in another process (so its work is not on this event loop): the file, `times` times after its 13-byte header, then the end. */
function serve(file: string, times: number): Promise<{ url: string; child: ChildProcess }> {
  const code = `
    const bytes = require('fs').readFileSync(${JSON.stringify(file)})
    const body = bytes.subarray(13)
    require('http').createServer(async (req, res) => {
      res.writeHead(200, { 'content-type': 'video/x-flv' })
      res.write(bytes.subarray(0, 13))
      const block = Buffer.concat(Array(64).fill(body))
      for (let i = 0; i < ${times}; i += 64) if (!res.write(block)) await new Promise((r) => res.once('drain', r))
      res.end()
    }).listen(0, '127.0.0.1', function () { console.log(this.address().port) })`
  const child = spawn(process.execPath, ['-e', code])
  return new Promise((resolve) => child.stdout!.once('data', (d: Buffer) => resolve({ url: `http://127.0.0.1:${String(d).trim()}/live.flv`, child })))
}

let child: ChildProcess | null = null
afterEach(() => {
  child?.kill()
  child = null
})

function session(url: string) {
  const entries: SeiEntry[] = []
  const states: string[] = []
  const live = createLiveSei({
    emit: (event, payload) => {
      if (event === 'sei.liveEntries') entries.push(...(payload as { entries: SeiEntry[] }).entries)
      if (event === 'sei.liveStatus') states.push((payload as { state: string }).state)
    },
    now: () => Date.now(),
  })
  const id = live.start(url)
  return { live, id, entries, states }
}

describe('live SEI reader', () => {
  it('delivers exactly the messages of the stream, the last one included', async () => {
    const s = await serve(fixture, 1)
    child = s.child
    const bytes = new Uint8Array(readFileSync(fixture))
    const r = createSeiReader()
    const expected = [...r.push(bytes), ...r.end()].map(toEntry)
    const live = session(s.url)
    await expect.poll(() => live.states.includes('reconnecting'), { timeout: 10_000 }).toBe(true)
    live.live.stop(live.id)
    expect(live.entries.slice(0, expected.length)).toEqual(expected)
  })

  it('parses in a worker per connection and leaves none running once stopped', async () => {
    const s = await serve(fixture, 200)
    child = s.child
    const workers = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort' || r === 'Worker').length
    const idle = workers()
    const live = session(s.url)
    await expect.poll(() => live.entries.length, { timeout: 10_000 }).toBeGreaterThan(0)
    expect(workers()).toBeGreaterThan(idle)
    live.live.stop(live.id)
    await expect.poll(() => live.states.at(-1), { timeout: 10_000 }).toBe('stopped')
    await expect.poll(workers, { timeout: 5_000 }).toBeLessThanOrEqual(idle)
  })
})
