// An SEI message as the previewer shows it: its text (or base64) and, when it is one, the decoded
// volume layout. Pure, so the file worker, the live stream and tests share it.
import type { SeiMessage } from './seiReader'
import { decodeVolumeLayout, type VolumeLayout } from './volumeLayout'

export interface SeiEntry {
  ptsMs: number
  offset: number
  codec: 'h264' | 'h265'
  payloadType: number
  uuid?: string
  text?: string
  base64?: string
  layout?: VolumeLayout
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

export function toEntry(m: SeiMessage): SeiEntry {
  const e: SeiEntry = { ptsMs: m.ptsMs, offset: m.offset, codec: m.codec, payloadType: m.payloadType, ...(m.uuid ? { uuid: m.uuid } : {}) }
  let text: string | undefined
  try {
    text = utf8.decode(m.payload)
  } catch {
    e.base64 = toBase64(m.payload)
    return e
  }
  e.text = text
  // Trailing NULs are padding some encoders add after a C string; the JSON is what precedes them.
  const json = text.replace(/\0+$/, '')
  if (json.trimStart().startsWith('{')) {
    const decoded = decodeVolumeLayout(json)
    if (decoded.layout) e.layout = decoded.layout
  }
  return e
}

/** The last entry with a layout at or before `ptsMs` (entries sorted by ptsMs). */
export function layoutAt(entries: SeiEntry[], ptsMs: number): SeiEntry | undefined {
  let lo = 0
  let hi = entries.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (entries[mid]!.ptsMs <= ptsMs) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  for (let i = found; i >= 0; i--) if (entries[i]!.layout) return entries[i]
  return undefined
}

/** "Who talked when": one row per (time, uid) of every volume layout. */
export function volumeCsv(entries: SeiEntry[]): string {
  const rows = ['pts_ms,ts,uid,volume,x,y,w,h']
  for (const e of entries) {
    if (!e.layout) continue
    for (const r of e.layout.regions) {
      const uid = /[",\n]/.test(r.uid) ? `"${r.uid.replace(/"/g, '""')}"` : r.uid
      rows.push([e.ptsMs, e.layout.ts, uid, r.volume, r.x, r.y, r.w, r.h].join(','))
    }
  }
  return rows.join('\r\n') + '\r\n'
}
