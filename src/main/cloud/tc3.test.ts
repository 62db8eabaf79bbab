import { describe, expect, it } from 'vitest'
import { parseTc3Authorization, tc3Sign, utcDate } from './tc3'

// The worked example of 003_530a54cf0f8c0df7.txt L8195–L8501: SecretId is "AKID" + 32 "*", the
// SecretKey is literally 32 "*".
const golden = {
  secretId: 'AKID' + '*'.repeat(32),
  secretKey: '*'.repeat(32),
  service: 'cvm',
  host: 'cvm.tencentcloudapi.com',
  timestamp: 1551113065,
  payload: '{"Limit": 1, "Filters": [{"Values": ["unnamed"], "Name": "instance-name"}]}',
}

describe('tc3Sign', () => {
  it('reproduces every value of the reference worked example', () => {
    const s = tc3Sign(golden)
    expect(s.hashedPayload).toBe('99d58dfbc6745f6747f36bfca17dee5e6881dc0428a0a36f96199342bc5b4907') // L8356
    expect(s.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '99d58dfbc6745f6747f36bfca17dee5e6881dc0428a0a36f96199342bc5b4907',
    ) // L8346–L8356
    expect(s.credentialScope).toBe('2019-02-25/cvm/tc3_request') // L8413
    expect(s.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n2815843035062fffda5fd6f2a44ea8a34818b0dc46f024b8b3786976a3adda7a',
    ) // L8409–L8415
    expect(s.signature).toBe('a7b8551448762bd123d6f79e81815e31a92013640a6cef36a08ad4b292a4d2f2') // L8469–L8470
    expect(s.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKID********************************/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=a7b8551448762bd123d6f79e81815e31a92013640a6cef36a08ad4b292a4d2f2',
    ) // L8474–L8478
  })

  it('uses the UTC date, not the local one, at the day boundary (L8396–L8402)', () => {
    // 1551113065 is 2019-02-26 00:44:25 in UTC+8 but 2019-02-25 in UTC.
    expect(utcDate(1551113065)).toBe('2019-02-25')
    expect(utcDate(1551139199)).toBe('2019-02-25') // 23:59:59 UTC
    expect(utcDate(1551139200)).toBe('2019-02-26') // 00:00:00 UTC
    expect(tc3Sign({ ...golden, timestamp: 1551139200 }).credentialScope).toBe('2019-02-26/cvm/tc3_request')
  })

  it('signs a TRTC request with service trtc and changes with every input', () => {
    const trtc = { ...golden, service: 'trtc', host: 'trtc.tencentcloudapi.com', payload: '{"SdkAppId":1400000001}' }
    const s = tc3Sign(trtc)
    expect(s.credentialScope).toBe('2019-02-25/trtc/tc3_request')
    expect(s.canonicalRequest).toContain('host:trtc.tencentcloudapi.com\n')
    const variants = [
      tc3Sign({ ...trtc, payload: '{"SdkAppId":1400000002}' }),
      tc3Sign({ ...trtc, secretKey: 'x' + trtc.secretKey.slice(1) }),
      tc3Sign({ ...trtc, timestamp: trtc.timestamp + 1 }),
      tc3Sign({ ...trtc, host: 'trtc.ap-guangzhou.tencentcloudapi.com' }),
    ]
    for (const v of variants) expect(v.signature).not.toBe(s.signature)
  })

  it('round-trips its Authorization header through the parser and rejects malformed ones', () => {
    const p = parseTc3Authorization(tc3Sign(golden).authorization)
    expect(p).toEqual({
      secretId: golden.secretId,
      date: '2019-02-25',
      service: 'cvm',
      signedHeaders: ['content-type', 'host'],
      signature: 'a7b8551448762bd123d6f79e81815e31a92013640a6cef36a08ad4b292a4d2f2',
    })
    expect(parseTc3Authorization('Bearer abc')).toBeNull()
    expect(parseTc3Authorization('TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=host')).toBeNull()
  })
})
