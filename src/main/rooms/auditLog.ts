// Every moderation action, appended as one JSON line and fsynced before the action's result is
// reported, so a crash never loses a line the user was shown. A line torn by a crash mid-write
// (power cut, full disk) is terminated before the next append, so it never swallows the next
// entry; the viewer lists it as torn.
import { open, readFile } from 'node:fs/promises'
import type { AuditEntry } from '../../shared/contract/contract'

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>
  list(): Promise<AuditEntry[]>
}

/** The entry shown for a line a crash cut off: what survived of it, for the record. */
export function tornEntry(line: string): AuditEntry {
  return { time: '', profile: '', sdkAppId: 0, roomId: '', roomIdType: 'string', action: 'remove', apiAction: '', userIds: [], result: 'torn', message: line.slice(0, 200) }
}

/**
 * Appends entries in order. A line that fails to write (full disk, permissions) is kept, written
 * before any newer line and retried on a timer, so a call the cloud carried out is never left
 * unrecorded. Resolves to null once written, else why it is still pending.
 */
export function createAuditRecorder(audit: AuditLog, retryMs = 5000): (entry: AuditEntry) => Promise<string | null> {
  const pending: AuditEntry[] = []
  let timer: NodeJS.Timeout | null = null
  const flush = async (): Promise<string | null> => {
    while (pending.length > 0) {
      try {
        await audit.append(pending[0]!)
        pending.shift()
      } catch (e) {
        if (!timer)
          timer = setTimeout(() => {
            timer = null
            void flush()
          }, retryMs)
        return e instanceof Error ? e.message : String(e)
      }
    }
    return null
  }
  return (entry) => {
    pending.push(entry)
    return flush()
  }
}

export function createAuditLog(path: string): AuditLog {
  let queue = Promise.resolve()
  let checkedTail = false
  return {
    append(entry) {
      const line = JSON.stringify(entry) + '\n'
      const write = async () => {
        const fh = await open(path, 'a+', 0o600)
        try {
          // Once per process: a file that does not end in a newline ends in a torn line.
          let prefix = ''
          if (!checkedTail) {
            const { size } = await fh.stat()
            if (size > 0) {
              const last = Buffer.alloc(1)
              await fh.read(last, 0, 1, size - 1)
              if (last[0] !== 0x0a) prefix = '\n'
            }
          }
          await fh.appendFile(prefix + line)
          await fh.sync()
          checkedTail = true
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
          entries.push(tornEntry(line))
        }
      }
      return entries
    },
  }
}
