// The volume-layout SEI that cloud mixing writes into its output stream: a fixed JSON document
// (003_530a54cf0f8c0df7.txt L2222–L2244). Sent with PayloadType 100 by default, 100–254 allowed,
// or type 5 with a caller UUID (McuLayoutVolume / McuPassThrough, 003_530a54cf0f8c0df7.txt L15312–L15358).

export interface VolumeLayoutRegion {
  uid: string
  zorder: number
  /** 0–100, louder is larger (003_530a54cf0f8c0df7.txt L2240). */
  volume: number
  x: number
  y: number
  w: number
  h: number
}

export interface VolumeLayout {
  app_data: string
  /** The mix output's VideoEncode width and height (003_530a54cf0f8c0df7.txt L2228). */
  canvas: { w: number; h: number }
  regions: VolumeLayoutRegion[]
  ver: string
  /** Server second-level timestamp of the SEI (003_530a54cf0f8c0df7.txt L2242). */
  ts: number
}

const utf8 = new TextEncoder()

export function volumeLayoutPayload(layout: VolumeLayout): Uint8Array {
  return utf8.encode(JSON.stringify(layout))
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v)
}

/**
 * Reads the documented JSON. Extra fields are ignored (the service may add some); wrong types make
 * the document unusable, so no layout is returned and the warnings say why. Regions that fall
 * outside the canvas are kept with a warning: the numbers are what the stream says.
 */
export function decodeVolumeLayout(text: string): { layout?: VolumeLayout; warnings: string[] } {
  const warnings: string[] = []
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return { warnings: ['volume layout: not JSON'] }
  }
  if (!isRecord(doc)) return { warnings: ['volume layout: not a JSON object'] }
  const canvas = doc['canvas']
  if (!isRecord(canvas) || !finite(canvas['w']) || !finite(canvas['h'])) {
    return { warnings: ['volume layout: canvas.w and canvas.h must be finite numbers'] }
  }
  if (!Array.isArray(doc['regions'])) return { warnings: ['volume layout: regions must be an array'] }
  const appData = doc['app_data'] ?? ''
  const ver = doc['ver'] ?? ''
  if (typeof appData !== 'string') return { warnings: ['volume layout: app_data must be a string'] }
  if (typeof ver !== 'string') return { warnings: ['volume layout: ver must be a string'] }
  if (!finite(doc['ts'])) return { warnings: ['volume layout: ts must be a finite number'] }
  const cw = canvas['w']
  const ch = canvas['h']
  const regions: VolumeLayoutRegion[] = []
  for (const [i, r] of doc['regions'].entries()) {
    if (!isRecord(r)) return { warnings: [`volume layout: regions[${i}] is not an object`] }
    if (typeof r['uid'] !== 'string') return { warnings: [`volume layout: regions[${i}].uid must be a string`] }
    const nums = ['zorder', 'volume', 'x', 'y', 'w', 'h'] as const
    const bad = nums.find((k) => !finite(r[k]))
    if (bad) return { warnings: [`volume layout: regions[${i}].${bad} must be a finite number`] }
    const region: VolumeLayoutRegion = {
      uid: r['uid'],
      zorder: r['zorder'] as number,
      volume: r['volume'] as number,
      x: r['x'] as number,
      y: r['y'] as number,
      w: r['w'] as number,
      h: r['h'] as number,
    }
    if (region.volume < 0 || region.volume > 100) {
      return { warnings: [`volume layout: regions[${i}].volume ${region.volume} is outside 0–100`] }
    }
    if (region.x < 0 || region.y < 0 || region.w < 0 || region.h < 0 || region.x + region.w > cw || region.y + region.h > ch) {
      warnings.push(`volume layout: region ${region.uid} (${region.x},${region.y} ${region.w}x${region.h}) lies outside the ${cw}x${ch} canvas`)
    }
    regions.push(region)
  }
  return { layout: { app_data: appData, canvas: { w: cw, h: ch }, regions, ver, ts: doc['ts'] }, warnings }
}
