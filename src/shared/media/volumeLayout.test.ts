import { describe, expect, it } from 'vitest'
import { decodeVolumeLayout, volumeLayoutPayload, type VolumeLayout } from './volumeLayout'
import { warningText } from './seiSink'

// 003_530a54cf0f8c0df7.txt L2225–L2228, verbatim.
const documented = `{ "app_data":"", "canvas":{ "w":1080, "h":960 }, "regions":[ { "uid":"65949987242835883c", "zorder":2, "volume":45,
"x":270, "y":480, "w":540, "h":480 }, { "uid":"659c9d8d242b328d31", "zorder":2, "volume":0, "x":0, "y":0, "w":540,
"h":480 }, { "uid":"64989a82272b308c", "zorder":2, "volume":91, "x":540, "y":0, "w":540, "h":480 } ], "ver":"1.0",
"ts":1648544726 }`

describe('decodeVolumeLayout', () => {
  it('reads the documented example', () => {
    const { layout, warnings } = decodeVolumeLayout(documented)
    expect(warnings).toEqual([])
    expect(layout?.canvas).toEqual({ w: 1080, h: 960 })
    expect(layout?.regions.map((r) => [r.uid, r.volume, r.x, r.y])).toEqual([
      ['65949987242835883c', 45, 270, 480],
      ['659c9d8d242b328d31', 0, 0, 0],
      ['64989a82272b308c', 91, 540, 0],
    ])
    expect(layout?.ts).toBe(1648544726)
  })

  it('round-trips what volumeLayoutPayload writes', () => {
    const layout: VolumeLayout = { app_data: 'x', canvas: { w: 10, h: 10 }, regions: [{ uid: 'u', zorder: 0, volume: 100, x: 0, y: 0, w: 10, h: 10 }], ver: '1.0', ts: 5 }
    expect(decodeVolumeLayout(new TextDecoder().decode(volumeLayoutPayload(layout)))).toEqual({ layout, warnings: [] })
  })

  it('tolerates extra fields', () => {
    const { layout, warnings } = decodeVolumeLayout('{"canvas":{"w":4,"h":4,"dpi":2},"regions":[{"uid":"a","zorder":0,"volume":1,"x":0,"y":0,"w":4,"h":4,"muted":false}],"extra":[1]}')
    expect(warnings).toEqual([])
    expect(layout?.regions).toHaveLength(1)
  })

  it('is strict about types and ranges, dropping only the bad regions', () => {
    const { layout, warnings } = decodeVolumeLayout(
      JSON.stringify({
        canvas: { w: 100, h: 100 },
        regions: [
          { uid: 7, zorder: 0, volume: 1, x: 0, y: 0, w: 1, h: 1 },
          { uid: 'b', zorder: 0, volume: 101, x: 0, y: 0, w: 1, h: 1 },
          { uid: 'c', zorder: '1', volume: 1, x: 0, y: 0, w: 1, h: 1 },
          { uid: 'd', zorder: 0, volume: 50, x: 90, y: 0, w: 20, h: 10 },
        ],
        ts: 1,
      }),
    )
    expect(layout?.regions.map((r) => r.uid)).toEqual(['d'])
    expect(warnings.map(warningText)).toEqual([
      'regions[0].uid must be a string; dropped',
      'regions[1].volume 101 is outside 0–100; dropped',
      'regions[2].zorder must be a finite number; dropped',
      'regions[3] (d) lies outside the 100x100 canvas',
    ])
  })

  it('refuses what is not a layout', () => {
    expect(decodeVolumeLayout('not json').layout).toBeUndefined()
    expect(decodeVolumeLayout('[1,2]').warnings.map(warningText)).toEqual(['not a JSON object'])
    expect(decodeVolumeLayout('{"canvas":{"w":"1","h":1},"regions":[]}').layout).toBeUndefined()
    expect(decodeVolumeLayout('{"canvas":{"w":1,"h":1}}').warnings.map(warningText)).toEqual(['regions must be an array'])
    expect(decodeVolumeLayout('{"canvas":{"w":1,"h":1},"regions":[],"ts":"now"}').layout).toBeUndefined()
  })
})
