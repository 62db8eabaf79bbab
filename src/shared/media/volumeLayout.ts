// The volume-layout SEI payload: a fixed JSON structure (003_530a54cf0f8c0df7.txt L2215–L2244),
// carried with PayloadType 100 by default, range 100–254 (L15312–L15335).

import type { Warning } from './seiSink'

export interface VolumeLayoutRegion {
  uid: string
  zorder: number
  /** 0–100 (003_530a54cf0f8c0df7.txt L2240). */
  volume: number
  x: number
  y: number
  w: number
  h: number
}

export interface VolumeLayout {
  /** McuLayoutVolume.AppData, shorter than 4,096 characters (L15322–L15324). */
  app_data: string
  canvas: { w: number; h: number }
  regions: VolumeLayoutRegion[]
  /** "can be ignored" (L2244). */
  ver: string
  /** Server local time in seconds when the SEI was output (L2243). */
  ts: number
}

/** The SEI payload bytes: the layout as UTF-8 JSON (the reference does not name an encoding). */
export function volumeLayoutPayload(layout: VolumeLayout): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(layout))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/**
 * Reads a volume-layout JSON. Extra fields are tolerated (the reference may grow), but the
 * documented ones must have their documented types; a region that breaks a rule is dropped with a
 * warning so one bad entry does not hide the others.
 */
export function decodeVolumeLayout(text: string): { layout?: VolumeLayout; warnings: Warning[] } {
  const warnings: Warning[] = []
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { warnings: [{ key: 'warn.layout.notJson' }] }
  }
  if (!isRecord(parsed)) return { warnings: [{ key: 'warn.layout.notObject' }] }
  const canvas = parsed.canvas
  if (!isRecord(canvas) || !finite(canvas.w) || !finite(canvas.h) || canvas.w < 0 || canvas.h < 0) {
    return { warnings: [{ key: 'warn.layout.canvas' }] }
  }
  const canvasW = canvas.w
  const canvasH = canvas.h
  if (!Array.isArray(parsed.regions)) return { warnings: [{ key: 'warn.layout.regions' }] }
  const appData = parsed.app_data ?? ''
  if (typeof appData !== 'string') return { warnings: [{ key: 'warn.layout.appData' }] }
  const ver = parsed.ver ?? ''
  if (typeof ver !== 'string') warnings.push({ key: 'warn.layout.ver' })
  const ts = parsed.ts
  if (ts !== undefined && !finite(ts)) return { warnings: [{ key: 'warn.layout.ts' }] }
  const regions: VolumeLayoutRegion[] = []
  parsed.regions.forEach((r: unknown, i: number) => {
    if (!isRecord(r)) {
      warnings.push({ key: 'warn.layout.regionNotObject', params: { i } })
      return
    }
    if (typeof r.uid !== 'string') {
      warnings.push({ key: 'warn.layout.uid', params: { i } })
      return
    }
    for (const key of ['zorder', 'volume', 'x', 'y', 'w', 'h'] as const) {
      if (!finite(r[key])) {
        warnings.push({ key: 'warn.layout.field', params: { i, field: key } })
        return
      }
    }
    const region: VolumeLayoutRegion = {
      uid: r.uid,
      zorder: r.zorder as number,
      volume: r.volume as number,
      x: r.x as number,
      y: r.y as number,
      w: r.w as number,
      h: r.h as number,
    }
    if (region.volume < 0 || region.volume > 100) {
      warnings.push({ key: 'warn.layout.volume', params: { i, volume: region.volume } })
      return
    }
    if (region.w < 0 || region.h < 0) {
      warnings.push({ key: 'warn.layout.negative', params: { i } })
      return
    }
    if (region.x < 0 || region.y < 0 || region.x + region.w > canvasW || region.y + region.h > canvasH) {
      warnings.push({ key: 'warn.layout.outside', params: { i, uid: region.uid, w: canvasW, h: canvasH } })
    }
    regions.push(region)
  })
  return {
    layout: { app_data: appData, canvas: { w: canvasW, h: canvasH }, regions, ver: typeof ver === 'string' ? ver : '', ts: ts ?? 0 },
    warnings,
  }
}
