// Writes a file so that a crash leaves either the old or the new content, never a torn one:
// temp file in the same folder, fsync, rename, fsync the folder.
import { open, rename, readFile, readdir, mkdir, stat, unlink } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'
import { randomBytes } from 'node:crypto'

export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const dir = dirname(path)
  await mkdir(dir, { recursive: true })
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const fh = await open(tmp, 'w', mode)
    try {
      await fh.writeFile(data)
      await fh.sync()
    } finally {
      await fh.close()
    }
    await rename(tmp, path)
  } catch (e) {
    // Whatever failed (write, fsync, close or rename), the temp file goes.
    await unlink(tmp).catch(() => undefined)
    throw e
  }
  if (process.platform !== 'win32') {
    const dh = await open(dir, 'r')
    try {
      await dh.sync()
    } finally {
      await dh.close()
    }
  }
}

/** The parsed JSON content, or undefined when the file does not exist. Other failures throw. */
export async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}

/**
 * Removes `.name.xxxxxxxxxxxx.tmp` files that writeFileAtomic left behind in `dir` when a process was
 * killed mid-write: those older than `before` (this process's start), so a write in flight is never
 * touched. Returns how many were removed.
 */
export async function removeStaleTempFiles(dir: string, before: number): Promise<number> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw e
  }
  let removed = 0
  for (const name of names) {
    if (!/^\..+\.[0-9a-f]{12}\.tmp$/.test(name)) continue
    const file = join(dir, name)
    const info = await stat(file).catch(() => null)
    if (info && info.mtimeMs < before && (await unlink(file).then(() => true, () => false))) removed++
  }
  return removed
}
