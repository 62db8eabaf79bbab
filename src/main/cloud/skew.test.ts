import { describe, expect, it } from 'vitest'
import { createSkewEstimator, parseHttpDate } from './skew'

const http = (ms: number) => new Date(ms).toUTCString()

describe('clock skew', () => {
  it('parses only IMF-fixdate headers', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37))
    expect(parseHttpDate('yesterday')).toBeNull()
    expect(parseHttpDate(undefined)).toBeNull()
  })

  it('estimates a 10-minute offset within the one-second resolution and ignores outliers', () => {
    let local = 1_700_000_000_123
    const est = createSkewEstimator({ now: () => local })
    expect(est.skewMs()).toBe(0)
    const offset = 600_000
    for (let i = 0; i < 9; i++) {
      const sent = local
      const server = sent + offset + 20 // stamped 20 ms after sending
      local += 40
      est.observe(http(server), sent, local)
      local += 777
    }
    // a proxy with a stale Date, and a garbage header
    est.observe(http(local - 3_600_000), local, local + 10)
    est.observe('nonsense', local, local + 10)
    expect(Math.abs(est.skewMs() - offset)).toBeLessThanOrEqual(520)
    expect(Math.abs(est.now() - (local + offset))).toBeLessThanOrEqual(520)
  })

  it('trusts the rejecting response alone after a reset', () => {
    const local = 1_700_000_000_000
    const est = createSkewEstimator({ now: () => local })
    for (let i = 0; i < 5; i++) est.observe(http(local), local, local + 5)
    expect(Math.abs(est.skewMs())).toBeLessThanOrEqual(505)
    expect(est.resetFrom(http(local - 600_000), local, local + 5)).toBe(true)
    expect(Math.abs(est.skewMs() + 600_000)).toBeLessThanOrEqual(1000)
    expect(est.resetFrom(undefined, local, local)).toBe(false)
  })
})
