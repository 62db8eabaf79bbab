import { describe, expect, it } from 'vitest'
import { effectiveRegions, templateTiles, volumeAt } from './mixing'
import { createWorld, emptyOverlay, inRoomAt, roomActive, roomKey, roomsInRange, sessionsAt } from './world'

describe('dynamic layout templates', () => {
  it('reproduces the grid of the documented SEI example: three users on 1080×960', () => {
    // 003_530a54cf0f8c0df7.txt L2225–L2228: 540×480 tiles at (0,0), (540,0) and (270,480).
    const { small, big } = templateTiles(3, { w: 1080, h: 960 }, 3, false)
    expect(big).toBeUndefined()
    expect(small.map((t) => [t.x, t.y, t.w, t.h])).toEqual([
      [0, 0, 540, 480],
      [540, 0, 540, 480],
      [270, 480, 540, 480],
    ])
  })

  it('caps the grid at 16 screens and keeps every tile on the canvas', () => {
    const { small } = templateTiles(3, { w: 1280, h: 720 }, 20, false)
    expect(small).toHaveLength(16)
    for (const t of small) {
      expect(t.x + t.w).toBeLessThanOrEqual(1280)
      expect(t.y + t.h).toBeLessThanOrEqual(720)
    }
  })

  it('floats up to 15 small screens, 4 per row from the bottom left, over a full-canvas big screen', () => {
    const { big, small } = templateTiles(1, { w: 1280, h: 720 }, 20, true)
    expect(big).toEqual({ x: 0, y: 0, w: 1280, h: 720, zOrder: 0 })
    expect(small).toHaveLength(15)
    expect(small[0]!.y).toBeGreaterThan(small[4]!.y) // second row sits above the first
    expect(small.slice(0, 4).map((t) => t.y)).toEqual([small[0]!.y, small[0]!.y, small[0]!.y, small[0]!.y])
    expect(small.every((t) => t.zOrder > big!.zOrder && t.y >= 0)).toBe(true)
  })

  it('puts the shared screen on the left and up to two columns of 8 on the right', () => {
    const { big, small } = templateTiles(2, { w: 1200, h: 800 }, 10, true)
    expect(big).toMatchObject({ x: 0, y: 0, w: 1200 - 2 * 200, h: 800 })
    expect(new Set(small.map((t) => t.x))).toEqual(new Set([800, 1000]))
    expect(small.filter((t) => t.x === 800)).toHaveLength(8)
    expect(templateTiles(2, { w: 1200, h: 800 }, 3, false).big).toBeUndefined()
  })
})

describe('simulated volumes', () => {
  it('are deterministic, within 0–100, varying over time, and 0 for muted audio', () => {
    const w = createWorld('vol')
    const series = Array.from({ length: 40 }, (_, i) => volumeAt(w, 'alice', true, i * 500))
    expect(series).toEqual(Array.from({ length: 40 }, (_, i) => volumeAt(createWorld('vol'), 'alice', true, i * 500)))
    expect(series.every((v) => v >= 0 && v <= 100)).toBe(true)
    expect(new Set(series).size).toBeGreaterThan(5)
    expect(volumeAt(w, 'alice', false, 1000)).toBe(0)
  })
})

describe('effective regions follow moderation', () => {
  it('drops a user whose video is blocked and silences one whose audio is blocked', () => {
    const world = createWorld('regions')
    const app = world.apps[0]!
    const overlay = emptyOverlay()
    const t = Math.floor(Date.UTC(2026, 5, 1, 10, 0, 0) / 1000)
    const candidates = roomsInRange(world, app, t, t, t, overlay).filter((r) => !r.isString && roomActive(r, overlay, t))
    const found = candidates
      .map((room) => ({ room, anchors: sessionsAt(world, room, overlay, t).filter((s) => inRoomAt(s, t) && s.role === 'anchor' && s.hasVideo) }))
      .find((x) => x.anchors.length >= 2)!
    const task = {
      taskId: 't',
      sdkAppId: app.sdkAppId,
      roomId: found.room.roomId,
      roomIdType: 0 as const,
      robotUserId: 'robot',
      maxIdleTime: 30,
      withTranscoding: true,
      hasVideo: true,
      canvas: { w: 1280, h: 720 },
      mode: 3 as const,
      pureAudioHoldPlace: false,
      customTiles: [],
      subscribeAudio: null,
      unsubscribeAudio: null,
      cdnUrls: [],
      sequenceNumber: 0,
      startedAt: t,
    }
    const uids = (ms: number) => effectiveRegions(world, task, { overlay }, ms).map((r) => r.uid)
    const [a, b] = found.anchors as [(typeof found.anchors)[0], (typeof found.anchors)[0]]
    expect(uids(t * 1000)).toEqual(expect.arrayContaining([a.userId, b.userId]))
    const key = roomKey(app.sdkAppId, found.room.roomId, false)
    overlay.blocked.set(key, new Map([[a.userId, [{ at: t + 1, isMute: 3 as const }]], [b.userId, [{ at: t + 1, isMute: 2 as const }]]]))
    expect(uids((t + 2) * 1000)).not.toContain(a.userId)
    for (let ms = (t + 2) * 1000; ms < (t + 12) * 1000; ms += 500) {
      const rb = effectiveRegions(world, task, { overlay }, ms).find((r) => r.uid === b.userId)
      expect(rb?.volume).toBe(0)
    }
  })
})
