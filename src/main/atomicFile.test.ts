// Atomic writes leave no temp file behind, whichever step fails; stale temp files of a killed
// process are removed at start, never those of a write in flight.
import type * as FsPromises from 'node:fs/promises'
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

const failing = vi.hoisted(() => ({ step: null as null | 'write' | 'sync' }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>()
  return {
    ...fs,
    open: async (...args: Parameters<typeof fs.open>) => {
      const fh = await fs.open(...args)
      if (failing.step === 'write') fh.writeFile = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))
      if (failing.step === 'sync') fh.sync = () => Promise.reject(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))
      return fh
    },
  }
})
const { removeStaleTempFiles, writeFileAtomic } = await import('./atomicFile')

const dirs: string[] = []
afterEach(async () => {
  failing.step = null
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'atomic-'))
  dirs.push(d)
  return d
}

describe('writeFileAtomic', () => {
  it.each(['write', 'sync'] as const)('removes its temp file when the %s fails, and keeps the old content', async (step) => {
    const dir = await tempDir()
    const file = join(dir, 'settings.json')
    await writeFileAtomic(file, 'old')
    failing.step = step
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow()
    expect(await readdir(dir)).toEqual(['settings.json'])
  })
})

describe('removeStaleTempFiles', () => {
  it('removes temp files older than the process, and nothing else', async () => {
    const dir = await tempDir()
    const start = Date.now()
    await writeFile(join(dir, '.profiles.json.0123456789ab.tmp'), 'x')
    await writeFile(join(dir, '.cues.json.ba9876543210.tmp'), 'y')
    await writeFile(join(dir, 'profiles.json'), '{}')
    await writeFile(join(dir, 'notes.tmp'), 'keep')
    const old = new Date(start - 60_000)
    await utimes(join(dir, '.profiles.json.0123456789ab.tmp'), old, old)
    await utimes(join(dir, 'notes.tmp'), old, old)
    expect(await removeStaleTempFiles(dir, start - 1000)).toBe(1)
    expect((await readdir(dir)).sort()).toEqual(['.cues.json.ba9876543210.tmp', 'notes.tmp', 'profiles.json'])
    expect(await removeStaleTempFiles(join(dir, 'missing'), start)).toBe(0)
  })
})
