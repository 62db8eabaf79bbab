import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { actionNames } from '../../../../shared/trtc/actionNames'
import { describeForm } from './form'
import { checkParams, ruleText } from './issues'
import { en } from './messages'

const nowS = Math.floor(Date.now() / 1000)
const check = (action: Parameters<typeof describeForm>[0], params: Record<string, unknown>, region: string | null = null, badJson: string[] = []) =>
  checkParams(describeForm(action), params, { nowS, region, badJson }).map((i) => ({ field: i.field, sub: i.sub, key: i.text.key, params: i.text.params, detail: i.text.detail }))

describe('checkParams', () => {
  it('words zod’s issue codes with their numbers, never its English', () => {
    const issues = check('DescribeRoomInfo', { SdkAppId: 'x', StartTime: 1.5, PageSize: 500, PageNumber: -1, Extra: 1 })
    expect(issues).toEqual([
      { field: 'SdkAppId', sub: '', key: 'console.issue.expect.number', params: undefined, detail: undefined },
      { field: 'StartTime', sub: '', key: 'console.issue.expect.int', params: undefined, detail: undefined },
      { field: 'EndTime', sub: '', key: 'console.issue.required', params: undefined, detail: undefined },
      { field: 'PageNumber', sub: '', key: 'console.issue.min', params: { minimum: 0 }, detail: undefined },
      { field: 'PageSize', sub: '', key: 'console.issue.max', params: { maximum: 100 }, detail: undefined },
      { field: 'Extra', sub: '', key: 'console.issue.unknownKeys', params: { keys: 'Extra' }, detail: undefined },
    ])
  })

  it('words unions of literals, enums, text lengths, list sizes, formats and patterns', () => {
    expect(check('SetUserBlocked', { SdkAppId: 1, RoomId: 1, UserId: 'a b', IsMute: 7 })).toEqual([
      { field: 'UserId', sub: '', key: 'console.rule.idChars', params: undefined, detail: undefined },
      { field: 'IsMute', sub: '', key: 'console.issue.values', params: { values: '0, 1, 2, 3' }, detail: undefined },
    ])
    expect(check('DescribeRecordingUsage', { StartTime: '2025-01-01', EndTime: '2025-01-02', MixType: 'both' }).map((i) => [i.key, i.params])).toEqual([['console.issue.values', { values: 'single, multi' }]])
    expect(check('RemoveUser', { SdkAppId: 1, RoomId: 1, UserIds: [] }).map((i) => [i.key, i.params])).toEqual([['console.issue.minItems', { minimum: 1 }]])
    // A list's item is named by what it holds.
    expect(check('RemoveUser', { SdkAppId: 1, RoomId: 1, UserIds: ['anna', 'guest#li'] }).map((i) => [i.field, i.sub, i.key])).toEqual([['UserIds', 'guest#li', 'console.rule.idChars']])
    expect(check('RemoveUser', { SdkAppId: 1, RoomId: 1, UserIds: Array.from({ length: 11 }, (_, i) => `u${i}`) }).map((i) => [i.key, i.params])).toEqual([['console.issue.maxItems', { maximum: 10 }]])
    expect(check('DescribeTRTCRealTimeScaleData', { SdkAppId: '1', StartTime: nowS - 60, EndTime: nowS, RoomId: '' }).map((i) => i.key)).toEqual(['console.issue.empty'])
    expect(check('StartStreamIngest', { SdkAppId: 1, RoomId: '1', RoomIdType: 1, UserId: 'a', UserSig: 'x', StreamUrl: 'nope' }).map((i) => i.key)).toEqual(['console.issue.url'])
    expect(check('SetUserBlocked', { SdkAppId: 1, RoomId: 1, UserId: 'a' }).map((i) => [i.field, i.key])).toEqual([['IsMute', 'console.issue.required']])
    expect(check('SetUserBlocked', { SdkAppId: 1, RoomId: 1, UserId: 'a', IsMute: '' }).map((i) => [i.field, i.key])).toEqual([['IsMute', 'console.issue.values']])
  })

  it('words the schemas’ own rules, with the names as parameters', () => {
    expect(check('DescribeRoomInfo', { SdkAppId: 1, StartTime: nowS, EndTime: nowS - 10 })).toEqual([{ field: 'EndTime', sub: '', key: 'console.rule.endBeforeStart', params: undefined, detail: undefined }])
    expect(check('DescribeRoomInfo', { SdkAppId: 1, StartTime: nowS - 2 * 86400, EndTime: nowS }).map((i) => [i.key, i.params])).toEqual([['console.rule.spanHours', { hours: 24 }]])
    expect(check('DescribeCallDetailInfo', { CommId: '1_2_3', SdkAppId: 1, StartTime: nowS - 7200, EndTime: nowS, DataType: ['aLoss'] }).map((i) => [i.key, i.params])).toEqual([
      ['console.rule.spanHoursMetrics', { field: 'DataType', hours: 1 }],
    ])
    expect(check('DescribeAIConversation', {}).map((i) => [i.field, i.key, i.params])).toEqual([['TaskId', 'console.rule.taskOrSession', { task: 'TaskId', session: 'SessionId' }]])
    // A value inside a JSON text: the path below the parameter, and zod's words read back into codes.
    expect(check('UpdateAIConversation', { TaskId: 't', LLMConfig: '{"LLMType":"openai"}' }).map((i) => [i.field, i.sub, i.key])).toEqual([
      ['LLMConfig', 'Model', 'console.issue.required'],
      ['LLMConfig', 'APIKey', 'console.issue.required'],
      ['LLMConfig', 'APIUrl', 'console.issue.required'],
    ])
    expect(check('UpdateAIConversation', { TaskId: 't', LLMConfig: '{' }).map((i) => [i.field, i.key, i.params])).toEqual([['LLMConfig', 'console.rule.notJson', { name: 'LLMConfig' }]])
  })

  it('then the look-back and the region of validateRequest (L11160, L1159–L1162)', () => {
    expect(check('DescribeRoomInfo', { SdkAppId: 1, StartTime: nowS - 20 * 86400, EndTime: nowS - 20 * 86400 + 60 }).map((i) => [i.field, i.key, i.params])).toEqual([
      ['StartTime', 'err.request.tooOld', { action: 'DescribeRoomInfo', days: 14 }],
    ])
    expect(check('SetUserBlocked', { SdkAppId: 1, RoomId: 1, UserId: 'a', IsMute: 1 }, 'ap-tokyo').map((i) => [i.field, i.key])).toEqual([['region', 'err.request.region']])
    expect(check('SetUserBlocked', { SdkAppId: 1, RoomId: 1, UserId: 'a', IsMute: 1 }, 'ap-singapore')).toEqual([])
  })

  it('reports a field whose text is not JSON once, not again as missing', () => {
    expect(check('CreateCloudRecording', { SdkAppId: 1, RoomId: '1', UserId: 'rec', UserSig: 's', StorageParams: { CloudVod: {} } }, 'ap-guangzhou', ['RecordParams']).filter((i) => i.field === 'RecordParams')).toEqual([
      { field: 'RecordParams', sub: '', key: 'console.issue.json', params: undefined, detail: undefined },
    ])
  })

  it('never leaves zod’s English as the message of any action’s empty request', () => {
    for (const action of actionNames) {
      for (const i of check(action, {}, null)) expect(i.key in en || i.key.startsWith('err.'), `${action} ${i.key}`).toBe(true)
    }
  })
})

describe('the request schemas’ messages', () => {
  // Every message the schemas of src/shared/trtc write as a literal is worded here; counts
  // (too_small/too_big with a message of their own) are worded from their code instead.
  const dir = join(__dirname, '../../../../shared/trtc')
  const counted = /^(At most \d+ (user IDs|alternative languages|CDN addresses|rooms)|Up to \d+ (watermarks|videos can be displayed)|AppData must be shorter than|Select at least one user|At most 10 users can be removed at once|(Room|Task) ID is empty)/
  const messages = new Set<string>()
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const src = readFileSync(join(dir, file), 'utf8')
    for (const m of src.matchAll(/(?:message: |\.regex\(\/.*?\/, |\.refine\([^\n]*?, |\.(?:min|max)\(\d+, )'([^']+)'/g)) messages.add(m[1]!)
  }
  it('are found in the schema files', () => expect(messages.size).toBeGreaterThan(30))
  for (const message of messages) {
    it(message, () => {
      if (counted.test(message)) return
      expect(ruleText(message), message).not.toBeNull()
    })
  }
  it('including the ones they build from a template', () => {
    for (const what of ['12 hours', '24 hours', '4 hours', '14 days', '15 days', '31 days', '60 days']) expect(ruleText(`The time range cannot exceed ${what}`)).not.toBeNull()
    expect(ruleText('The time range cannot exceed 1 hour when metrics are requested')?.key).toBe('console.rule.spanHoursMetrics')
    expect(ruleText('TTSConfig is not valid JSON')).toEqual({ key: 'console.rule.notJson', params: { name: 'TTSConfig' } })
  })
})
