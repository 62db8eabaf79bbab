// The post-event report of a room: who was there, how their calls went, and what moderators did.
// Pure: the view gathers the data, this turns it into a CSV and a printable HTML page.
import type { AuditEntry, QualitySeries, RoomRow, UserRow } from '../../../../shared/contract/contract'
import { csvCell } from './format'

export interface QualitySummary {
  userId: string
  dataType: string
  samples: number
  mean: number
  min: number
  max: number
}

export interface ReportInput {
  room: RoomRow
  sdkAppId: number
  profile: string
  users: UserRow[]
  quality: QualitySeries[]
  actions: AuditEntry[]
  generatedAt: number
}

/** Per user and metric, the mean, minimum and maximum of the samples (downstream peers merged). */
export function summarizeQuality(series: QualitySeries[]): QualitySummary[] {
  const acc = new Map<string, { userId: string; dataType: string; sum: number; n: number; min: number; max: number }>()
  for (const s of series) {
    const key = `${s.userId}\u0000${s.dataType}`
    const a = acc.get(key) ?? { userId: s.userId, dataType: s.dataType, sum: 0, n: 0, min: Infinity, max: -Infinity }
    for (const [, v] of s.points) {
      a.sum += v
      a.n++
      a.min = Math.min(a.min, v)
      a.max = Math.max(a.max, v)
    }
    acc.set(key, a)
  }
  return [...acc.values()]
    .filter((a) => a.n > 0)
    .map((a) => ({ userId: a.userId, dataType: a.dataType, samples: a.n, mean: Math.round((a.sum / a.n) * 100) / 100, min: a.min, max: a.max }))
    .sort((x, y) => x.userId.localeCompare(y.userId) || x.dataType.localeCompare(y.dataType))
}

const iso = (s: number) => (s > 0 ? new Date(s * 1000).toISOString() : '')

export function reportCsv(r: ReportInput): string {
  const rows: string[][] = [
    ['section', 'room', 'user', 'field', 'value', 'detail'],
    ['room', r.room.roomId, '', 'commId', r.room.commId, ''],
    ['room', r.room.roomId, '', 'created', iso(r.room.createTime), ''],
    ['room', r.room.roomId, '', 'destroyed', r.room.finished ? iso(r.room.destroyTime) : '', r.room.finished ? '' : 'still live'],
  ]
  for (const u of r.users) rows.push(['user', r.room.roomId, u.userId, 'session', `${iso(u.joinTs)}/${u.finished ? iso(u.leaveTs) : ''}`, `${u.deviceType} · SDK ${u.sdkVersion} · ${u.clientIp}`])
  for (const q of summarizeQuality(r.quality)) rows.push(['quality', r.room.roomId, q.userId, q.dataType, String(q.mean), `min ${q.min} max ${q.max} (${q.samples} samples)`])
  for (const a of r.actions) rows.push(['moderation', a.roomId, a.userIds.join(' '), a.apiAction, a.result, `${a.time} RequestId ${a.requestId ?? ''}`])
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function reportHtml(r: ReportInput, title: string): string {
  const table = (head: string[], body: string[][]) =>
    `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body
      .map((row) => `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`
  const quality = summarizeQuality(r.quality)
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font:13px system-ui,sans-serif;margin:32px;color:#1b1f27}h1{font-size:20px}h2{font-size:15px;margin-top:28px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #dde1e8;padding:4px 8px;text-align:left}th{background:#eef0f4}
.meta{color:#5d6675}@media print{body{margin:12mm}}</style></head><body>
<h1>${esc(title)}</h1>
<p class="meta">SDKAppID ${r.sdkAppId} · ${esc(r.profile)} · CommId ${esc(r.room.commId)} · ${esc(iso(r.room.createTime))} → ${esc(r.room.finished ? iso(r.room.destroyTime) : 'live')} · generated ${esc(new Date(r.generatedAt).toISOString())}</p>
<h2>Users (${r.users.length})</h2>
${table(['User', 'Joined', 'Left', 'Device', 'SDK', 'IP'], r.users.map((u) => [u.userId, iso(u.joinTs), u.finished ? iso(u.leaveTs) : 'in room', u.deviceType, u.sdkVersion, u.clientIp]))}
<h2>Call quality</h2>
${quality.length ? table(['User', 'Metric', 'Mean', 'Min', 'Max', 'Samples'], quality.map((q) => [q.userId, q.dataType, String(q.mean), String(q.min), String(q.max), String(q.samples)])) : '<p class="meta">No quality data.</p>'}
<h2>Moderation (${r.actions.length})</h2>
${r.actions.length ? table(['Time', 'Action', 'Users', 'Result', 'RequestId'], r.actions.map((a) => [a.time, a.apiAction + (a.isMute !== undefined ? ` (IsMute ${a.isMute})` : ''), a.userIds.join(', '), a.result, a.requestId ?? ''])) : '<p class="meta">No moderation actions.</p>'}
</body></html>`
}
