import { describe, expect, it } from 'vitest'
import { describeEvent, eventDefinitions, findEvent, sendsVideo } from './eventIds'

const ev = (eventId: number, paramOne = -1, paramTwo = -1) => ({ eventId, paramOne, paramTwo })

describe('event table', () => {
  it('holds every row of the SDK and WebRTC tables once', () => {
    // 83 SDK rows (L16494–L16725) and 27 WebRTC rows (L16740–L16803).
    expect(eventDefinitions.filter((d) => d.source === 'sdk')).toHaveLength(83)
    expect(eventDefinitions.filter((d) => d.source === 'webrtc')).toHaveLength(27)
    const keys = eventDefinitions.map((d) => `${d.eventId}/${d.paramOne}/${d.paramTwo}`)
    expect(new Set(keys).size).toBe(keys.length)
    const lines = eventDefinitions.map((d) => d.line)
    expect(new Set(lines).size).toBe(lines.length)
    for (const d of eventDefinitions) {
      expect(d.line).toBeGreaterThanOrEqual(16483)
      expect(d.line).toBeLessThanOrEqual(16803)
      expect(d.zh).not.toBe('')
      // Placeholders appear in both languages alike.
      expect(d.zh.match(/\{\d\}/g) ?? []).toEqual(d.en.match(/\{\d\}/g) ?? [])
    }
  })

  it('orders rows as the reference does', () => {
    const sdk = eventDefinitions.filter((d) => d.source === 'sdk').map((d) => d.line)
    expect(sdk).toEqual([...sdk].sort((a, b) => a - b))
  })
})

describe('describeEvent', () => {
  it('gives the reference text and its translation for rows selected by ParamOne', () => {
    expect(describeEvent(ev(1003, 1), 'en')).toBe('The user is using Wi-Fi network')
    expect(describeEvent(ev(1003, 1), 'zh-CN')).toBe('用户正在使用 Wi-Fi 网络')
    expect(describeEvent(ev(7001, 2), 'en')).toBe('Kicked out')
    expect(describeEvent(ev(7001, 2), 'zh-CN')).toBe('被踢出房间')
    expect(describeEvent(ev(3003, 11), 'en')).toBe('Audio codec: opus')
  })

  it('treats -1 in the table as an unused parameter', () => {
    expect(describeEvent(ev(5001), 'en')).toBe('Started entering room')
    expect(describeEvent(ev(5001, 0, 7), 'en')).toBe('Started entering room')
    expect(describeEvent(ev(32793), 'en')).toBe('Connected media transmission channel successfully')
    expect(describeEvent(ev(32793), 'zh-CN')).toBe('媒体传输通道连接成功')
  })

  it('fills in resolution, frame rate, bitrate and failed frame counts', () => {
    expect(describeEvent(ev(4003, 1280, 720), 'en')).toBe('Video resolution has been switched to 1280×720')
    expect(describeEvent(ev(4007, 640, 360), 'zh-CN')).toBe('用户将视频分辨率切换为 640×360')
    expect(describeEvent(ev(4008, 15), 'en')).toBe('The user switched video frame rate to 15 fps')
    expect(describeEvent(ev(4009, 1200), 'en')).toBe('The user switched video bitrate to 1200')
    expect(describeEvent(ev(4013, 7, 0), 'en')).toBe('(Software) decoding failed: 7 frames in 3 s')
    expect(describeEvent(ev(4013, 7, 1), 'zh-CN')).toBe('（硬件）解码失败：3 秒内 7 帧')
  })

  it('uses both parameters of the QoS event', () => {
    expect(describeEvent(ev(6001, 101, 3), 'en')).toBe('(Qos: cloud control mode - smoothness preferred) voice chat room')
    expect(describeEvent(ev(6001, 2, 1), 'en')).toBe('(Qos: local mode - definition preferred) live streaming')
    expect(describeEvent(ev(6001, 102, 2), 'zh-CN')).toBe('（QoS：云端控制模式 - 清晰优先）语音通话')
    expect(findEvent(ev(6001, 102, 1))?.line).toBe(16708)
  })

  it('says when an ID or a parameter is not in the table, with the raw numbers', () => {
    expect(describeEvent(ev(9999, 3, 4), 'en')).toBe('Unknown event 9999 (parameters 3, 4)')
    expect(describeEvent(ev(9999, 3, 4), 'zh-CN')).toBe('未知事件 9999（参数 3、4）')
    expect(describeEvent(ev(1003, 9), 'en')).toBe('Event 1003 with parameters 9, -1, which the event table does not list')
    expect(describeEvent(ev(6001, 1, 9), 'zh-CN')).toBe('事件 6001：参数 1、9 不在事件对照表中')
    expect(findEvent(ev(1003, 9))).toBeUndefined()
  })

  it('classifies events for display', () => {
    expect(findEvent(ev(5003, 0))).toMatchObject({ category: 'room', severity: 'error', source: 'sdk' })
    expect(findEvent(ev(32792))).toMatchObject({ category: 'network', severity: 'error', source: 'webrtc' })
    expect(findEvent(ev(4008, 24))).toMatchObject({ category: 'video', severity: 'info' })
  })
})

describe('sendsVideo', () => {
  const at = (timeMs: number, eventId: number, paramOne = -1) => ({ timeMs, ...ev(eventId, paramOne) })
  it('follows the latest video upstream event of the SDK or WebRTC table, in time order', () => {
    expect(sendsVideo([at(1000, 5001), at(1300, 4006, 0)])).toBe(true)
    expect(sendsVideo([at(1300, 4006, 0), at(9000, 4006, 1)])).toBe(false)
    // Listed out of order: time decides.
    expect(sendsVideo([at(9000, 4006, 1), at(1300, 4006, 0)])).toBe(false)
    expect(sendsVideo([at(1300, 32768), at(5000, 32770), at(8000, 32768)])).toBe(true)
  })
  it('is false when the events never say (an audience member, audio only)', () => {
    expect(sendsVideo([])).toBe(false)
    expect(sendsVideo([at(1000, 5001), at(1100, 3001, 0), at(1200, 32769)])).toBe(false)
    expect(sendsVideo([at(1000, 4006, 7)])).toBe(false)
  })
})
