import { describe, expect, it } from 'vitest'
import { actions, type ActionName } from '../../../../shared/trtc/actions'
import { actionNames } from '../../../../shared/trtc/actionNames'
import { defaultParams, defaultRegion, describeForm, fieldText, fieldTexts, readField, readParamsJson, withField, type FieldSpec } from './form'

const field = (action: ActionName, name: string): FieldSpec => {
  const f = describeForm(action).fields.find((x) => x.name === name)
  if (!f) throw new Error(`${action} has no ${name}`)
  return f
}

describe('describeForm', () => {
  it('gives every action one field per top-level parameter, required ones first', () => {
    for (const action of actionNames) {
      const form = describeForm(action)
      expect(form.fields.length, action).toBeGreaterThan(0)
      const firstOptional = form.fields.findIndex((f) => !f.required)
      if (firstOptional >= 0) expect(form.fields.slice(firstOptional).every((f) => !f.required), action).toBe(true)
      expect(form.mutating).toBe(actions[action].mutating)
      expect(form.regions).toBe(actions[action].regions)
    }
  })

  it('picks the control and the limits from the schema', () => {
    // PageSize 1–100 (L11176); the unstated bounds of z.int() are not shown.
    expect(field('DescribeRoomInfo', 'PageSize')).toEqual({ name: 'PageSize', required: false, kind: 'integer', min: 1, max: 100 })
    expect(field('DescribeRoomInfo', 'SdkAppId')).toEqual({ name: 'SdkAppId', required: true, kind: 'integer', min: 1 })
    // RoomId: a string room or a number, typed as text.
    expect(field('DescribeRoomInfo', 'RoomId')).toMatchObject({ kind: 'text', required: false, minLength: 1 })
    // IsMute 0–3 (L1180–L1184), a union of literals, becomes a choice.
    expect(field('SetUserBlocked', 'IsMute')).toEqual({ name: 'IsMute', required: true, kind: 'choice', values: [0, 1, 2, 3] })
    expect(field('SetUserBlocked', 'RoomId')).toMatchObject({ kind: 'integer', min: 1, max: 4294967295 })
    expect(field('SetUserBlocked', 'UserId')).toMatchObject({ kind: 'text', pattern: '^[A-Za-z0-9_-]+$' })
    expect(field('DescribeTRTCMarketScaleData', 'Period')).toMatchObject({ kind: 'choice', values: ['d', 'h'] })
    expect(field('RemoveUser', 'UserIds')).toMatchObject({ kind: 'list', item: 'text', minItems: 1, maxItems: 10 })
    expect(field('DescribeCallDetailInfo', 'DataType')).toMatchObject({ kind: 'list', item: 'choice' })
    expect(field('StartStreamIngest', 'AutoPush')).toMatchObject({ kind: 'boolean', required: false })
    expect(field('StartStreamIngest', 'StreamUrl')).toMatchObject({ kind: 'text', format: 'uri' })
    expect(field('StartStreamIngest', 'RepeatNum')).toMatchObject({ kind: 'integer', min: -1, max: 1000 })
    expect(field('CreateCloudRecording', 'RecordParams')).toMatchObject({ kind: 'json', required: true })
    expect(field('StartPublishCdnStream', 'PublishCdnParams')).toMatchObject({ kind: 'json', maxItems: 10 })
    expect(field('StartAIConversation', 'LLMConfig')).toMatchObject({ kind: 'text', multiline: true })
    expect(field('ControlAIConversation', 'Command')).toMatchObject({ kind: 'choice', values: ['ServerPushText'] })
    expect(field('DescribeTrtcRoomUsage', 'SdkAppid')).toMatchObject({ kind: 'integer', required: true })
  })
})

describe('defaults', () => {
  const nowMs = Date.UTC(2025, 0, 15, 10, 30, 0)
  it('fills the SDKAppID as the action types it, and the last hour where times are seconds', () => {
    expect(defaultParams(describeForm('DescribeRoomInfo'), { sdkAppId: 1400000001, nowMs })).toEqual({ SdkAppId: 1400000001, StartTime: nowMs / 1000 - 3600, EndTime: nowMs / 1000 })
    // Dashboard actions type SdkAppId as a String (L4069).
    expect(defaultParams(describeForm('DescribeTRTCRealTimeScaleData'), { sdkAppId: 1400000001, nowMs })).toMatchObject({ SdkAppId: '1400000001' })
    expect(defaultParams(describeForm('DescribeTrtcUsage'), { sdkAppId: 7, nowMs })).toEqual({ SdkAppId: 7, StartTime: '2025-01-15', EndTime: '2025-01-15' })
    expect(defaultParams(describeForm('DescribeTrtcRoomUsage'), { sdkAppId: 7, nowMs })).toEqual({ SdkAppid: 7, StartTime: '2025-01-15 09:30', EndTime: '2025-01-15 10:30' })
    expect(defaultParams(describeForm('StopAIConversation'), { sdkAppId: 7, nowMs })).toEqual({})
    expect(defaultParams(describeForm('DismissRoom'), { sdkAppId: null, nowMs })).toEqual({})
  })
  it('the defaults of every action with times pass its time rules', () => {
    for (const action of actionNames) {
      const params = defaultParams(describeForm(action), { sdkAppId: 1400000001, nowMs: Date.now() })
      if (!('StartTime' in params)) continue
      const r = actions[action].request.safeParse(params)
      const timeIssues = r.success ? [] : r.error.issues.filter((i) => i.path[0] === 'StartTime' || i.path[0] === 'EndTime')
      expect(timeIssues, action).toEqual([])
    }
  })
  it('goes to the profile’s region when the action allows it, else to its first', () => {
    expect(defaultRegion(describeForm('SetUserBlocked'), 'ap-singapore')).toBe('ap-singapore')
    expect(defaultRegion(describeForm('SetUserBlocked'), 'ap-tokyo')).toBe('ap-beijing')
    expect(defaultRegion(describeForm('SetUserBlocked'), null)).toBe('ap-beijing')
    expect(defaultRegion(describeForm('DescribeTRTCRealTimeScaleData'), 'ap-guangzhou')).toBeNull()
  })
})

describe('text ↔ value', () => {
  it('reads numbers, choices, booleans, lists and JSON; leaves text it cannot read for the schema to refuse', () => {
    const pageSize = field('DescribeRoomInfo', 'PageSize')
    expect(readField(pageSize, ' 20 ')).toEqual({ value: 20 })
    expect(readField(pageSize, '2e1')).toEqual({ value: 20 })
    expect(readField(pageSize, '20a')).toEqual({ value: '20a' })
    expect(readField(pageSize, '')).toEqual({ value: undefined })
    expect(readField(field('SetUserBlocked', 'IsMute'), '2')).toEqual({ value: 2 })
    expect(readField(field('DescribeTRTCMarketScaleData', 'Period'), 'h')).toEqual({ value: 'h' })
    expect(readField(field('StartStreamIngest', 'AutoPush'), 'false')).toEqual({ value: false })
    expect(readField(field('RemoveUser', 'UserIds'), 'anna, ben\ncai  ')).toEqual({ value: ['anna', 'ben', 'cai'] })
    expect(readField(field('DescribeCallDetailInfo', 'DataType'), 'aLoss,bigvLoss')).toEqual({ value: ['aLoss', 'bigvLoss'] })
    expect(readField(field('CreateCloudRecording', 'RecordParams'), '{"RecordMode":2}')).toEqual({ value: { RecordMode: 2 } })
    expect(readField(field('CreateCloudRecording', 'RecordParams'), '{"RecordMode":')).toEqual({ bad: 'json' })
    // A required text with no minimum length may be sent empty (L7229–L7239); optional text is left out.
    expect(readField(field('DescribeAITranscription', 'TaskId'), '')).toEqual({ value: '' })
    expect(readField(field('DescribeRoomInfo', 'RoomId'), '')).toEqual({ value: undefined })
    expect(readField(field('DescribeRoomInfo', 'RoomId'), ' room 1 ')).toEqual({ value: ' room 1 ' })
  })
  it('shows values as the field’s text, and keeps the JSON view and the form in step', () => {
    const form = describeForm('RemoveUser')
    expect(fieldText(field('RemoveUser', 'UserIds'), ['a', 'b'])).toBe('a, b')
    expect(fieldText(field('CreateCloudRecording', 'RecordParams'), { RecordMode: 2 })).toBe('{\n  "RecordMode": 2\n}')
    expect(fieldText(field('DescribeRoomInfo', 'PageSize'), { odd: 1 })).toBe('{"odd":1}')
    const params = withField({ SdkAppId: 1, RoomId: 5 }, field('RemoveUser', 'UserIds'), readField(field('RemoveUser', 'UserIds'), 'x,y'))
    expect(params).toEqual({ SdkAppId: 1, RoomId: 5, UserIds: ['x', 'y'] })
    expect(withField(params, field('RemoveUser', 'RoomId'), { value: undefined })).toEqual({ SdkAppId: 1, UserIds: ['x', 'y'] })
    expect(fieldTexts(form, params)).toEqual({ SdkAppId: '1', RoomId: '5', UserIds: 'x, y' })
    expect(readParamsJson('{"SdkAppId": 1}')).toEqual({ params: { SdkAppId: 1 } })
    expect(readParamsJson('[1]')).toEqual({ bad: 'notObject' })
    expect(readParamsJson('{')).toEqual({ bad: 'json' })
  })
})
