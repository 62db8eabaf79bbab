// Appends one JSON line per entry to a log file. Lines are queued in order and flushed with
// appendFile; nothing is dropped if the app is busy.
import { appendFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Logger } from './ipc/dispatch'

function describe(detail: unknown): unknown {
  if (detail instanceof Error) return { name: detail.name, message: detail.message, stack: detail.stack }
  return detail
}

export function createFileLogger(path: string, echo: boolean): Logger & { flushed(): Promise<void> } {
  let queue: Promise<void> = mkdir(dirname(path), { recursive: true }).then(() => undefined)
  const write = (level: string, message: string, detail?: unknown) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, detail: describe(detail) }) + '\n'
    if (echo) process.stderr.write(line)
    queue = queue.then(() => appendFile(path, line)).catch((e: unknown) => {
      process.stderr.write(`log write failed: ${String(e)}\n${line}`)
    })
  }
  return {
    error: (m, d) => write('error', m, d),
    warn: (m, d) => write('warn', m, d),
    info: (m, d) => write('info', m, d),
    flushed: () => queue,
  }
}
