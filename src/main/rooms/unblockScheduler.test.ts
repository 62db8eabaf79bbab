import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ScheduledUnblock } from '../../shared/contract/contract'
import { createUnblockScheduler, type Timers } from './unblockScheduler'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

/** A manual clock and timer queue: tests advance time explicitly. */
function fakeTime(start: number) {
  let now = start
  let pending: Array<{ at: number; fn: () => void; id: number }> = []
  let seq = 0
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const id = ++seq
      pending.push({ at: now + ms, fn, id })
      return id
    },
    clearTimeout: (id) => {
      pending = pending.filter((p) => p.id !== id)
    },
  }
  return {
    timers,
    now: () => now,
    /** Timers armed and not yet fired: the scheduler re-arms after its async save. */
    armed: () => pending.length,
    async advance(ms: number) {
      now += ms
      const due = pending.filter((p) => p.at <= now)
      pending = pending.filter((p) => p.at > now)
      for (const p of due) p.fn()
      await new Promise((r) => setTimeout(r, 20))
    },
  }
}

const silent = { error: () => undefined, warn: () => undefined, info: () => undefined }
const entry = (unblockAt: number): Omit<ScheduledUnblock, 'id'> => ({ profileId: 'p', sdkAppId: 1400000001, roomId: '42', roomIdType: 'number', userIds: ['u1', 'u2'], unblockAt })

describe('unblock scheduler', () => {
  it('unblocks when the time comes and persists what is pending', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trtc-unblock-'))
    dirs.push(dir)
    const path = join(dir, 'scheduled-unblocks.json')
    const t = fakeTime(1_000_000)
    const sent: ScheduledUnblock[] = []
    const s = await createUnblockScheduler({ path, now: t.now, log: silent, timers: t.timers, changed: () => undefined, unblock: async (e) => (sent.push(e), true) })
    await s.add(entry(1_000_000 + 60_000))
    expect(JSON.parse(await readFile(path, 'utf8'))).toHaveLength(1)
    await t.advance(59_000)
    expect(sent).toHaveLength(0)
    await t.advance(1_000)
    await vi.waitFor(async () => expect(JSON.parse(await readFile(path, 'utf8'))).toEqual([]))
    expect(sent.map((e) => e.userIds)).toEqual([['u1', 'u2']])
    expect(s.list()).toEqual([])
    await s.close()
  })

  it('survives a restart: a due unblock runs at start-up, a later one is re-armed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trtc-unblock-'))
    dirs.push(dir)
    const path = join(dir, 'scheduled-unblocks.json')
    const t = fakeTime(5_000_000)
    const first = await createUnblockScheduler({ path, now: t.now, log: silent, timers: t.timers, changed: () => undefined, unblock: async () => true })
    await first.add(entry(5_000_000 + 10_000))
    await first.add(entry(5_000_000 + 3_600_000))
    await first.close() // the app quits

    const later = fakeTime(5_000_000 + 20_000)
    const sent: number[] = []
    const second = await createUnblockScheduler({
      path,
      now: later.now,
      log: silent,
      timers: later.timers,
      changed: () => undefined,
      unblock: async (e) => (sent.push(e.unblockAt), true),
    })
    await later.advance(0)
    await vi.waitFor(() => expect(second.list()).toHaveLength(1))
    expect(sent).toEqual([5_000_000 + 10_000])
    await vi.waitFor(() => expect(later.armed()).toBe(1))
    await later.advance(3_600_000)
    await vi.waitFor(() => expect(sent).toHaveLength(2))
    await second.close()
  })

  it('retries a failed unblock later and can be cancelled', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trtc-unblock-'))
    dirs.push(dir)
    const t = fakeTime(0)
    let attempts = 0
    const s = await createUnblockScheduler({
      path: join(dir, 'u.json'),
      now: t.now,
      log: silent,
      timers: t.timers,
      retryMs: 30_000,
      changed: () => undefined,
      unblock: async () => ++attempts >= 2,
    })
    await s.add(entry(1_000))
    await t.advance(1_000)
    await vi.waitFor(() => expect(attempts).toBe(1))
    // The failed attempt is re-armed 30 s later once its retry time is saved.
    await vi.waitFor(() => expect(s.list()[0]?.unblockAt).toBe(31_000))
    await vi.waitFor(() => expect(t.armed()).toBe(1))
    await t.advance(30_000)
    await vi.waitFor(() => expect(s.list()).toHaveLength(0))
    expect(attempts).toBe(2)
    await s.add(entry(100_000))
    expect(await s.cancel(s.list()[0]!.id)).toEqual([])
    await t.advance(200_000)
    expect(attempts).toBe(2)
    await s.close()
  })
})
