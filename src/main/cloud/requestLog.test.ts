import { describe, expect, it } from 'vitest'
import { createRequestLog, redactAuthorization, redactPayload, secretIdHint, toTccli, type NewEntry } from './requestLog'

const entry = (action: string): NewEntry => ({
  time: 0,
  action,
  region: 'ap-guangzhou',
  host: 'trtc.tencentcloudapi.com',
  durationMs: 1,
  outcome: 'ok',
  requestId: 'r',
  tencentCode: null,
  retries: 0,
  mutating: false,
  secretIdHint: 'AKID…1a2b',
  canonicalRequest: '',
  stringToSign: '',
  authorization: '',
  payload: '{}',
})

describe('request log', () => {
  it('keeps the last 500 entries in order', () => {
    const log = createRequestLog()
    for (let i = 0; i < 612; i++) log.add(entry(`A${i}`))
    const all = log.entries()
    expect(all).toHaveLength(500)
    expect(all[0]!.action).toBe('A112')
    expect(all[499]!.action).toBe('A611')
    expect(all[499]!.id).toBe(612)
  })

  it('masks credentials in the Authorization header and in payload fields', () => {
    const auth = `TC3-HMAC-SHA256 Credential=AKIDabcdefghijklmnop1a2b/2024-01-01/trtc/tc3_request, SignedHeaders=content-type;host, Signature=${'f'.repeat(64)}`
    const red = redactAuthorization(auth)
    expect(red).toContain('Credential=AKID…1a2b/2024-01-01')
    expect(red).not.toMatch(/f{64}/)
    expect(secretIdHint('AKIDabcdefghijklmnop1a2b')).toBe('AKID…1a2b')
    const p = redactPayload({ UserSig: 'sig', StorageParams: { CloudStorage: { SecretKey: 'k', AccessKey: 'a', Bucket: 'b' } }, List: [{ UserSig: 'x' }] })
    expect(JSON.stringify(p)).not.toMatch(/"sig"|"k"|"a"|"x"/)
    expect(JSON.stringify(p)).toContain('"Bucket":"b"')
  })

  it('renders a tccli line with unfolded, quoted arguments', () => {
    const line = toTccli({
      action: 'RemoveUserByStrRoomId',
      region: 'ap-singapore',
      payload: JSON.stringify({ SdkAppId: 1400000001, RoomId: "it's room", UserIds: ['a', 'b'], Agent: { UserId: 'r' } }),
    })
    expect(line).toBe(
      "tccli trtc RemoveUserByStrRoomId --region ap-singapore --cli-unfold-argument --SdkAppId 1400000001 --RoomId 'it'\\''s room' --UserIds.0 a --UserIds.1 b --Agent.UserId r",
    )
    expect(toTccli({ action: 'DescribeTRTCMarketScaleData', region: null, payload: '{}' })).toBe('tccli trtc DescribeTRTCMarketScaleData --cli-unfold-argument')
  })
})
