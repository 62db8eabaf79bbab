// Building an Intl.DateTimeFormat costs far more than formatting with one; tables format two
// times per row on every scroll frame, so one formatter per locale and zone is kept.
const timeFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * `short` leaves out the year, for tables of the last 14 days (the most DescribeRoomInfo and
 * DescribeUserInfo reach back, 003_530a54cf0f8c0df7.txt L11165, L12290–L12293).
 */
export function formatTime(epochS: number, utc: boolean, locale: string, short = false): string {
  if (!epochS) return '—'
  const key = `${locale}|${utc ? 'utc' : 'local'}|${short ? 'short' : 'full'}`
  let f = timeFormats.get(key)
  if (!f) {
    // The month in words ("Dec 2, 2026" / "2026年12月2日"): 12/02 reads as 2 December or 12 February.
    f = new Intl.DateTimeFormat(locale, {
      ...(short ? {} : { year: 'numeric' as const }),
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
      timeZone: utc ? 'UTC' : undefined,
    })
    timeFormats.set(key, f)
  }
  return f.format(new Date(epochS * 1000))
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`
}

/** `YYYY-MM-DDTHH:MM` for a datetime-local input, in local time or UTC. */
export function toInputValue(epochS: number, utc: boolean): string {
  const d = new Date(epochS * 1000)
  const p = (n: number) => String(n).padStart(2, '0')
  return utc
    ? `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
    : `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`
}

export function fromInputValue(value: string, utc: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!m) return null
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number]
  const ms = utc ? Date.UTC(y, mo - 1, d, h, mi) : new Date(y, mo - 1, d, h, mi).getTime()
  return Math.floor(ms / 1000)
}

export function csvCell(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value)
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
