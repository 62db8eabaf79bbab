// Every moderation action, appended as one JSON line and fsynced before the action's result is
// reported, so a crash never loses a line the user was shown.
import { open, readFile } from 'node:fs/promises'
import type { AuditEntry } from '../../shared/contract/contract'

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>
  list(): Promise<AuditEntry[]>
}

export function createAuditLog(path: string): AuditLog {
  let queue = Promise.resolve()
  return {
    append(entry) {
      const line = JSON.stringify(entry) + '\n'
      const write = async () => {
        const fh = await open(path, 'a', 0o600)
        try {
          await fh.appendFile(line)
          await fh.sync()
        } finally {
          await fh.close()
        }
      }
      const next = queue.then(write)
      queue = next.catch(() => undefined)
      return next
    },
    async list() {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw e
      }
      const entries: AuditEntry[] = []
      for (const line of text.split('\n')) {
        if (!line.trim()) continue
        try {
          entries.push(JSON.parse(line) as AuditEntry)
        } catch {
          // A torn last line from a crash mid-write is skipped; every complete line is kept.
        }
      }
      return entries
    },
  }
}
