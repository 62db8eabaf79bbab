// One rate budget per app, shared by every caller of the TRTC API: a token bucket per action with
// the documented limits (src/shared/trtc/actions.ts: 20/s, 5/s for the usage APIs, one call per
// 15 s for DescribeTrtcRoomUsage — 003_530a54cf0f8c0df7.txt L1137, L13767, L14692).
//
// Two rules decide when a call may go:
// 1. Pacing. The bucket holds ONE token (no burst) and refills every perMs/count × (1 + margin). A
//    full bucket of `count` tokens plus the refill would let 2 × count requests reach the server
//    within one second. Grants are spaced from their ideal times, not from when a late timer fired,
//    so timer lateness does not add up; catching up is bounded by `slack`.
// 2. Window. The server counts ARRIVALS, which we never see, but a request has arrived at the latest
//    when its answer is back. So a grant waits until fewer than `count` earlier calls are either
//    still in flight or answered within the last perMs. That holds whether the server counts per
//    calendar second or over a sliding window, however late a cold connection delivers a request.
//    Callers release each grant when the exchange is over.
//
// Priority: waiting 'user' calls are granted before any waiting 'background' call of the same
// action, so a kick never queues behind dashboard polling.
import { err, ok, type Result } from '../../shared/errors'
import { rateLimitOf } from '../../shared/trtc/actions'
import type { RateLimit } from '../../shared/trtc/actions'

export type Priority = 'user' | 'background'

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** Call when the request's answer is back (or the request failed or never left). */
export type Release = () => void

export interface RateBudgetDeps {
  clock: { now(): number }
  timers?: Timers
  limitOf?: (action: string) => RateLimit
  /** Fraction added to every pacing interval; default 0.02. */
  margin?: number
}

interface Waiter {
  resolve(r: Result<Release>): void
  detach(): void
}

interface Bucket {
  intervalMs: number
  slackMs: number
  limit: RateLimit
  nextFreeAt: number
  /** Per granted call: when its answer came back, or null while in flight. */
  recent: (number | null)[]
  user: Waiter[]
  background: Waiter[]
  timer: unknown
}

export interface RateBudget {
  /** Resolves when the call may be sent; `cancelled` if the signal aborts first. */
  acquire(action: string, priority: Priority, signal?: AbortSignal): Promise<Result<Release>>
  /** After RequestLimitExceeded: nothing more for this action for `ms`. */
  penalize(action: string, ms: number): void
  waiting(action: string): { user: number; background: number }
  intervalMs(action: string): number
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

export function createRateBudget(deps: RateBudgetDeps): RateBudget {
  const timers = deps.timers ?? defaultTimers
  const limitOf = deps.limitOf ?? rateLimitOf
  const margin = deps.margin ?? 0.02
  const buckets = new Map<string, Bucket>()

  function bucket(action: string): Bucket {
    let b = buckets.get(action)
    if (!b) {
      const limit = limitOf(action)
      const intervalMs = (limit.perMs / limit.count) * (1 + margin)
      b = { intervalMs, slackMs: (limit.perMs * margin) / 2, limit, nextFreeAt: -Infinity, recent: [], user: [], background: [], timer: undefined }
      buckets.set(action, b)
    }
    return b
  }

  /** Earliest time the window rule allows another grant; +Infinity while it waits on answers. */
  function windowOpensAt(b: Bucket, now: number): number {
    b.recent = b.recent.filter((done) => done === null || done > now - b.limit.perMs)
    if (b.recent.length < b.limit.count) return now
    const answered = b.recent.filter((d): d is number => d !== null).sort((x, y) => x - y)
    // Enough answered calls must age out of the window to make room for one more; calls still in
    // flight never do until they are released.
    const mustAge = b.recent.length - b.limit.count + 1
    if (mustAge > answered.length) return Infinity
    return answered[mustAge - 1]! + b.limit.perMs
  }

  function pump(b: Bucket): void {
    const now = deps.clock.now()
    if (now >= b.nextFreeAt && windowOpensAt(b, now) <= now) {
      const next = b.user.shift() ?? b.background.shift()
      if (next) {
        b.nextFreeAt = Math.max(b.nextFreeAt, now - b.slackMs) + b.intervalMs
        b.recent.push(null)
        next.detach()
        next.resolve(ok(release(b)))
      }
    }
    schedule(b)
  }

  // In-flight entries are interchangeable: releasing marks any one of them answered.
  function release(b: Bucket): Release {
    let released = false
    return () => {
      if (released) return
      released = true
      const i = b.recent.indexOf(null)
      if (i >= 0) b.recent[i] = deps.clock.now()
      if (b.timer !== undefined) {
        timers.clearTimeout(b.timer)
        b.timer = undefined
      }
      pump(b)
    }
  }

  function schedule(b: Bucket): void {
    if (b.timer !== undefined) return
    if (b.user.length + b.background.length === 0) return
    const now = deps.clock.now()
    const at = Math.max(b.nextFreeAt, windowOpensAt(b, now))
    if (at === Infinity) return // a release will pump
    b.timer = timers.setTimeout(() => {
      b.timer = undefined
      pump(b)
    }, Math.max(0, at - now))
  }

  return {
    acquire(action, priority, signal) {
      if (signal?.aborted) return Promise.resolve(err('cancelled', 'err.code.cancelled'))
      const b = bucket(action)
      return new Promise<Result<Release>>((resolve) => {
        const queue = priority === 'user' ? b.user : b.background
        const onAbort = () => {
          const i = queue.indexOf(waiter)
          if (i >= 0) queue.splice(i, 1)
          resolve(err('cancelled', 'err.code.cancelled'))
        }
        const waiter: Waiter = { resolve, detach: () => signal?.removeEventListener('abort', onAbort) }
        signal?.addEventListener('abort', onAbort, { once: true })
        queue.push(waiter)
        pump(b)
      })
    },
    penalize(action, ms) {
      const b = bucket(action)
      b.nextFreeAt = Math.max(b.nextFreeAt, deps.clock.now() + ms)
      if (b.timer !== undefined) {
        timers.clearTimeout(b.timer)
        b.timer = undefined
      }
      schedule(b)
    },
    waiting(action) {
      const b = bucket(action)
      return { user: b.user.length, background: b.background.length }
    },
    intervalMs(action) {
      return bucket(action).intervalMs
    },
  }
}
