// Timed blocks: the unblock is a persisted promise. Pending unblocks live in a JSON file written
// atomically, so a restart (or a crash) re-arms them; one that fell due while the app was closed runs
// at start-up.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { ScheduledUnblock } from '../../shared/contract/contract'
import { readJsonFile, writeFileAtomic } from '../atomicFile'
import type { Logger } from '../ipc/dispatch'

const fileSchema = z.array(
  z.object({
    id: z.string(),
    profileId: z.string(),
    sdkAppId: z.number(),
    roomId: z.string(),
    roomIdType: z.enum(['number', 'string']),
    userIds: z.array(z.string()),
    unblockAt: z.number(),
  }),
)

export interface UnblockScheduler {
  add(entry: Omit<ScheduledUnblock, 'id'>): Promise<ScheduledUnblock>
  cancel(id: string): Promise<ScheduledUnblock[]>
  list(): ScheduledUnblock[]
  /** Stops the timer and waits for a run in progress to finish writing. */
  close(): Promise<void>
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

// setTimeout holds at most ~24.8 days; longer waits re-arm.
const MAX_WAIT_MS = 2 ** 31 - 1

export async function createUnblockScheduler(deps: {
  path: string
  now: () => number
  log: Logger
  /** Sends the unblock; true when it is done (or can never succeed), false to retry later. */
  unblock(entry: ScheduledUnblock): Promise<boolean>
  changed(list: ScheduledUnblock[]): void
  timers?: Timers
  retryMs?: number
}): Promise<UnblockScheduler> {
  const timers = deps.timers ?? defaultTimers
  let entries: ScheduledUnblock[] = []
  try {
    const parsed = fileSchema.safeParse(await readJsonFile(deps.path))
    if (parsed.success) entries = parsed.data
  } catch (e) {
    deps.log.warn(`Could not read scheduled unblocks from ${deps.path}`, e)
  }
  let timer: unknown = null
  let running: Promise<void> | null = null
  let closed = false

  const save = async () => {
    await writeFileAtomic(deps.path, JSON.stringify(entries, null, 2))
    deps.changed([...entries])
  }

  function arm() {
    if (timer !== null) timers.clearTimeout(timer)
    timer = null
    if (closed || entries.length === 0) return
    const next = Math.min(...entries.map((e) => e.unblockAt))
    timer = timers.setTimeout(() => void runDue(), Math.min(MAX_WAIT_MS, Math.max(0, next - deps.now())))
  }

  function runDue(): Promise<void> {
    if (running || closed) return running ?? Promise.resolve()
    running = runEntries().finally(() => {
      running = null
      arm()
    })
    return running
  }

  async function runEntries() {
    try {
      for (const entry of entries.filter((e) => e.unblockAt <= deps.now())) {
        const done = await deps.unblock(entry).catch((e: unknown) => {
          deps.log.error('Scheduled unblock failed', e)
          return false
        })
        if (done) entries = entries.filter((e) => e.id !== entry.id)
        else entry.unblockAt = deps.now() + (deps.retryMs ?? 30_000)
      }
      await save()
    } catch (e) {
      // The entries stay in memory and are written with the next change or run.
      deps.log.error(`Could not save scheduled unblocks to ${deps.path}`, e)
    }
  }

  arm()
  return {
    async add(entry) {
      const full = { ...entry, id: randomUUID() }
      entries = [...entries, full]
      await save()
      arm()
      return full
    },
    async cancel(id) {
      entries = entries.filter((e) => e.id !== id)
      await save()
      arm()
      return [...entries]
    },
    list: () => [...entries],
    async close() {
      closed = true
      if (timer !== null) timers.clearTimeout(timer)
      await running
    },
  }
}
