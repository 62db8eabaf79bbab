import { describe, expect, it } from 'vitest'
import { knownTencentCodes, mapTencentError } from './errors'

describe('mapTencentError', () => {
  it('gives each AuthFailure its own class and advice', () => {
    const expire = mapTencentError('AuthFailure.SignatureExpire', 'Signature expired.', 'r-1')
    expect(expire).toMatchObject({ code: 'tencent.signatureExpired', retryable: false, requestId: 'r-1', tencentCode: 'AuthFailure.SignatureExpire' })
    expect(expire.message).toMatch(/clock/)
    expect(mapTencentError('AuthFailure.SecretIdNotFound', undefined, 'r').message).toMatch(/deleted|mistyped/)
    expect(mapTencentError('AuthFailure.SignatureFailure', undefined, 'r').message).toMatch(/SecretKey/)
    expect(mapTencentError('AuthFailure.TokenFailure', undefined, 'r')).toMatchObject({ code: 'credentials.expired' })
    expect(mapTencentError('AuthFailure.InvalidSecretId', undefined, 'r').message).toMatch(/AKID/)
    expect(mapTencentError('AuthFailure.UnauthorizedOperation', undefined, 'r')).toMatchObject({ code: 'tencent.unauthorized' })
    const messages = new Set(
      ['SignatureExpire', 'SecretIdNotFound', 'SignatureFailure', 'TokenFailure', 'InvalidSecretId', 'UnauthorizedOperation'].map(
        (c) => mapTencentError(`AuthFailure.${c}`, undefined, undefined).message,
      ),
    )
    expect(messages.size).toBe(6)
  })

  it('marks only transient failures retryable', () => {
    expect(mapTencentError('RequestLimitExceeded', undefined, 'r')).toMatchObject({ code: 'tencent.rateLimited', retryable: true })
    expect(mapTencentError('RequestLimitExceeded.UinLimitExceeded', undefined, 'r')).toMatchObject({ code: 'tencent.rateLimited', retryable: true })
    expect(mapTencentError('InternalError', undefined, 'r')).toMatchObject({ code: 'tencent.internal', retryable: true })
    expect(mapTencentError('InternalError.DBError', undefined, 'r').retryable).toBe(true)
    expect(mapTencentError('InvalidParameter.RoomId', undefined, 'r')).toMatchObject({ code: 'tencent.invalidParameter', retryable: false })
    expect(mapTencentError('FailedOperation.RoomNotExist', undefined, 'r')).toMatchObject({ code: 'tencent.notFound', retryable: false })
    expect(mapTencentError('UnsupportedRegion', undefined, 'r')).toMatchObject({ code: 'tencent.unsupportedRegion' })
    expect(mapTencentError('MissingParameter.SdkAppId', undefined, 'r')).toMatchObject({ code: 'tencent.missingParameter' })
    expect(mapTencentError('UnauthorizedOperation.SdkAppId', undefined, 'r')).toMatchObject({ code: 'tencent.unauthorized' })
    expect(mapTencentError('InvalidParameter.StartTimeOversize', undefined, 'r')).toMatchObject({ code: 'tencent.editionRequired' })
  })

  it('falls back to the dotted prefix, then to unknown, and scrubs SecretIds from server text', () => {
    const sub = mapTencentError('InvalidParameterValue.NewThing', 'bad value for AKIDabcdefgh12345678wxyz', 'r')
    expect(sub.code).toBe('tencent.invalidParameter')
    expect(sub.message).toContain('AKID…wxyz')
    expect(sub.message).not.toContain('AKIDabcdefgh')
    const unknown = mapTencentError('Whatever.Odd', 'x', undefined)
    expect(unknown).toMatchObject({ code: 'tencent.unknown', retryable: false, tencentCode: 'Whatever.Odd' })
    expect(unknown.requestId).toBeUndefined()
    expect(unknown.say).toEqual({ key: 'err.tc.unknownCode', params: { tencentCode: 'Whatever.Odd' } })
    expect(unknown.cloudSays).toBe('x')
  })

  it('says every known code with its own catalogue entry, and passes the cloud’s words on separately', () => {
    for (const code of knownTencentCodes) expect(mapTencentError(code, undefined, 'r').say, code).toEqual({ key: `err.tc.${code}` })
    const sub = mapTencentError('InvalidParameter.Foo', 'PageSize too big', 'r')
    expect(sub.say).toEqual({ key: 'err.tc.InvalidParameter' })
    expect(sub.cloudSays).toBe('PageSize too big')
    expect(sub.message).toMatch(/Tencent Cloud says: PageSize too big$/)
  })
})
