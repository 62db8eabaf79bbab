import { describe, expect, it } from 'vitest'
import { readMixVideo, readRecordingForm } from './GoLivePanel'

const form = { streamType: 0 as const, maxIdleTime: '30', mediaType: 0 as const, expireDays: '0', recordId: '', fps: '15', bitrateKbps: '1500', gop: '2' }

describe('recording form', () => {
  it('reads valid choices as options', () => {
    expect(readRecordingForm({ ...form, maxIdleTime: ' 86400 ', expireDays: '7', recordId: 'show_1 ' })).toEqual({
      ok: true,
      value: { streamType: 0, maxIdleTime: 86400, mediaType: 0, expireDays: 7, recordId: 'show_1', video: { fps: 15, bitrateKbps: 1500, gop: 2 } },
    })
    expect(readRecordingForm({ ...form, fps: '60', bitrateKbps: '8192', gop: '10' })).toMatchObject({ ok: true, value: { video: { fps: 60, bitrateKbps: 8192, gop: 10 } } })
    expect(readRecordingForm({ ...form, streamType: 1, mediaType: 2 })).toMatchObject({ ok: true })
  })

  it('names each problem before anything is sent', () => {
    expect(readRecordingForm({ ...form, maxIdleTime: '4' })).toEqual({ ok: false, problems: ['idle'] })
    expect(readRecordingForm({ ...form, maxIdleTime: '1.5' })).toEqual({ ok: false, problems: ['idle'] })
    expect(readRecordingForm({ ...form, expireDays: '-1' })).toEqual({ ok: false, problems: ['expire'] })
    expect(readRecordingForm({ ...form, recordId: 'a/b' })).toEqual({ ok: false, problems: ['prefix'] })
    expect(readRecordingForm({ ...form, recordId: 'x'.repeat(65) })).toEqual({ ok: false, problems: ['prefix'] })
    // AAC (2) and HLS+AAC (4) need audio only (TencentVod.MediaType, L16227–L16230).
    expect(readRecordingForm({ ...form, mediaType: 4 })).toEqual({ ok: false, problems: ['aac'] })
    // VideoParams: Fps 1–60, BitRate 64,000–8,192,000 bps (L16391–L16393).
    expect(readRecordingForm({ ...form, fps: '61' })).toEqual({ ok: false, problems: ['fps'] })
    expect(readRecordingForm({ ...form, bitrateKbps: '63' })).toEqual({ ok: false, problems: ['bitrate'] })
    expect(readRecordingForm({ ...form, bitrateKbps: '8193' })).toEqual({ ok: false, problems: ['bitrate'] })
    expect(readRecordingForm({ ...form, gop: '0' })).toEqual({ ok: false, problems: ['gop'] })
    expect(readRecordingForm({ ...form, maxIdleTime: '', mediaType: 2 })).toMatchObject({ ok: false, problems: expect.arrayContaining(['idle']) })
  })
})

describe('mix encoding', () => {
  it('reads the VideoEncode ranges of a mix (L16365–L16372)', () => {
    expect(readMixVideo({ fps: '30', bitrateKbps: '10000', gop: '5' })).toEqual({ ok: true, value: { fps: 30, bitrateKbps: 10000, gop: 5 } })
    expect(readMixVideo({ fps: '0', bitrateKbps: '1500', gop: '2' })).toEqual({ ok: false, problems: ['fps'] })
    expect(readMixVideo({ fps: '15', bitrateKbps: '10001', gop: '2' })).toEqual({ ok: false, problems: ['bitrate'] })
    expect(readMixVideo({ fps: '15', bitrateKbps: '1500', gop: '6' })).toEqual({ ok: false, problems: ['gop'] })
    expect(readMixVideo({ fps: 'x', bitrateKbps: '', gop: '2' })).toEqual({ ok: false, problems: ['fps', 'bitrate'] })
  })
})
