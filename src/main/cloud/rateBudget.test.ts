import { describe, expect, it } from 'vitest'
import { createRateBudget, type Timers } from './rateBudget'

// A manual clock: timers fire only when the test advances time.
function fakeClock() {
  let now = 1_000_000
  let seq = 0
  const due = new Map<number, { at: number; fn: () => void }>()
  const timers: Timers = {
    setTimeout(fn, ms) {
      const id = ++seq
      due.set(id, { at: now + ms, fn })
      return id
    },
    clearTimeout(h) {
      due.delete(h as number)
    },
  }
  const flush = () => new Promise<void>((r) => setImmediate(r))
  async function advance(ms: number) {
    await flush()
    const end = now + ms
    for (;;) {
      const next = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0]
      if (!next || next[1].at > end) break
      now = next[1].at
      due.delete(next[0])
      next[1].fn()
      await flush()
    }
    now = end
    await flush()
  }
  return { clock: { now: () => now }, timers, advance }
}

function recorder(budget: ReturnType<typeof createRateBudget>, clock: { now(): number }) {
  const log: { tag: string; at: number; ok: boolean }[] = []
  const go = (action: string, tag: string, priority: 'user' | 'background', signal?: AbortSignal) =>
    budget.acquire(action, priority, signal).then((r) => {
      log.push({ tag, at: clock.now(), ok: r.ok })
      if (r.ok) r.value() // answered at once
    })
  return { log, go }
}

describe('rate budget', () => {
  it('never grants more than the documented count in any window of the period', async () => {
    const f = fakeClock()
    const budget = createRateBudget({ clock: f.clock, timers: f.timers })
    const { log, go } = recorder(budget, f.clock)
    for (let i = 0; i < 50; i++) void go('DescribeRoomInfo', `r${i}`, 'background')
    await f.advance(3000)
    expect(log).toHaveLength(50)
    const times = log.map((e) => e.at)
    for (let i = 20; i < times.length; i++) expect(times[i]! - times[i - 20]!).toBeGreaterThanOrEqual(1000)
    expect(times[49]! - times[0]!).toBeLessThanOrEqual(49 * 51 + 1)
  })

  it('keeps the window bound when timers fire late, without accumulating their lateness', async () => {
    const f = fakeClock()
    const late: Timers = { setTimeout: (fn, ms) => f.timers.setTimeout(fn, ms + 12), clearTimeout: f.timers.clearTimeout }
    const budget = createRateBudget({ clock: f.clock, timers: late })
    const { log, go } = recorder(budget, f.clock)
    for (let i = 0; i < 60; i++) void go('DescribeRoomInfo', `r${i}`, 'background')
    await f.advance(5000)
    const times = log.map((e) => e.at)
    expect(times).toHaveLength(60)
    for (let i = 20; i < times.length; i++) expect(times[i]! - times[i - 20]!).toBeGreaterThanOrEqual(1000)
    // 12 ms late every time: spacing from ideal times recovers 10 ms of each delay
    expect(times[59]! - times[0]!).toBeLessThan(59 * (51 + 3))
  })

  it('holds the 21st call while earlier ones are unanswered, whatever the pacing allows', async () => {
    const f = fakeClock()
    const budget = createRateBudget({ clock: f.clock, timers: f.timers })
    const releases: (() => void)[] = []
    let granted = 0
    for (let i = 0; i < 25; i++)
      void budget.acquire('DescribeRoomInfo', 'background').then((r) => {
        granted++
        if (r.ok) releases.push(r.value)
      })
    await f.advance(3000) // pacing alone would have granted all 25 by now
    expect(granted).toBe(20)
    const answeredAt = f.clock.now()
    releases.slice(0, 3).forEach((r) => r())
    await f.advance(999)
    expect(granted).toBe(20)
    await f.advance(1)
    expect(granted).toBe(21)
    await f.advance(110)
    expect(granted).toBe(23)
    expect(f.clock.now() - answeredAt).toBe(1110)
  })

  it('serves a user call before every waiting background call', async () => {
    const f = fakeClock()
    const budget = createRateBudget({ clock: f.clock, timers: f.timers })
    const { log, go } = recorder(budget, f.clock)
    for (let i = 0; i < 5; i++) void go('DescribeUserInfo', `bg${i}`, 'background')
    await Promise.resolve()
    void go('DescribeUserInfo', 'kick', 'user')
    await f.advance(1000)
    expect(log.map((e) => e.tag)).toEqual(['bg0', 'kick', 'bg1', 'bg2', 'bg3', 'bg4'])
    expect(budget.waiting('DescribeUserInfo')).toEqual({ user: 0, background: 0 })
  })

  it('uses one bucket per action with its own limit', async () => {
    const f = fakeClock()
    const budget = createRateBudget({ clock: f.clock, timers: f.timers })
    const { log, go } = recorder(budget, f.clock)
    void go('DescribeTrtcRoomUsage', 'u1', 'background')
    void go('DescribeTrtcRoomUsage', 'u2', 'background')
    void go('DescribeRoomInfo', 'room', 'background')
    await f.advance(14_999)
    expect(log.map((e) => e.tag)).toEqual(['u1', 'room'])
    await f.advance(1000)
    expect(log.map((e) => e.tag)).toEqual(['u1', 'room', 'u2'])
    expect(log[2]!.at - log[0]!.at).toBeGreaterThanOrEqual(15_000)
    expect(budget.intervalMs('DescribeTrtcUsage')).toBeCloseTo(204, 5)
  })

  it('cancels a waiting call and holds back after a penalty', async () => {
    const f = fakeClock()
    const budget = createRateBudget({ clock: f.clock, timers: f.timers })
    const { log, go } = recorder(budget, f.clock)
    const ac = new AbortController()
    void go('DismissRoom', 'first', 'user')
    void go('DismissRoom', 'aborted', 'user', ac.signal)
    await Promise.resolve()
    ac.abort()
    await f.advance(10)
    expect(log.map((e) => [e.tag, e.ok])).toEqual([
      ['first', true],
      ['aborted', false],
    ])
    budget.penalize('DismissRoom', 2000)
    const t0 = f.clock.now()
    void go('DismissRoom', 'later', 'user')
    await f.advance(1999)
    expect(log).toHaveLength(2)
    await f.advance(1)
    expect(log[2]).toMatchObject({ tag: 'later', at: t0 + 2000 })
  })
})
