// Estimates how far the local clock is from Tencent Cloud's, from the `Date` header of every
// response, so requests are signed with the server's idea of now: a timestamp more than five
// minutes off fails with AuthFailure.SignatureExpire (003_530a54cf0f8c0df7.txt L7918–L7923, L8404–L8405).
//
// `Date` has one-second resolution and was stamped somewhere between our send and our receipt, so
// one sample says: offset ∈ [D − received, D + 1000 − sent]. We take the middle of that interval
// and the median over recent samples, which ignores a stray slow response or a proxy's stale Date.

/** Past this, the UI warns: signing still works, but the clock is wrong for everything else. */
export const SKEW_WARNING_MS = 60_000

export interface SkewEstimator {
  /** Record one response. Ignored when the header does not parse. */
  observe(dateHeader: string | undefined, sentAt: number, receivedAt: number): void
  /** Forget older samples and trust this response alone (after SignatureExpire: the clock moved). */
  resetFrom(dateHeader: string | undefined, sentAt: number, receivedAt: number): boolean
  /** Server time minus local time, in milliseconds (0 until a sample exists). */
  skewMs(): number
  /** Local clock corrected by the estimate. */
  now(): number
}

// RFC 9110 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/

export function parseHttpDate(header: string | undefined): number | null {
  if (!header || !IMF_FIXDATE.test(header.trim())) return null
  const ms = Date.parse(header)
  return Number.isFinite(ms) ? ms : null
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

export function createSkewEstimator(clock: { now(): number }, maxSamples = 15): SkewEstimator {
  let samples: number[] = []

  function sample(dateHeader: string | undefined, sentAt: number, receivedAt: number): number | null {
    const server = parseHttpDate(dateHeader)
    if (server === null || receivedAt < sentAt) return null
    const low = server - receivedAt
    const high = server + 1000 - sentAt
    return (low + high) / 2
  }

  return {
    observe(dateHeader, sentAt, receivedAt) {
      const s = sample(dateHeader, sentAt, receivedAt)
      if (s === null) return
      samples.push(s)
      if (samples.length > maxSamples) samples = samples.slice(-maxSamples)
    },
    resetFrom(dateHeader, sentAt, receivedAt) {
      const s = sample(dateHeader, sentAt, receivedAt)
      if (s === null) return false
      samples = [s]
      return true
    },
    skewMs() {
      return samples.length === 0 ? 0 : Math.round(median(samples))
    },
    now() {
      return clock.now() + (samples.length === 0 ? 0 : Math.round(median(samples)))
    },
  }
}
