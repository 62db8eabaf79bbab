import { describe, expect, it } from 'vitest'
import type { Api } from '../../../../shared/contract/client'
import type { ConsoleCallRequest } from '../../../../shared/contract/contract'
import { appError, ok, type Result } from '../../../../shared/errors'
import { createConsoleStore, selectDraft } from './consoleStore'

const NOW = Date.UTC(2025, 0, 15, 10, 0, 0)

function setUp(answer: (r: ConsoleCallRequest) => Result<unknown>) {
  const sent: ConsoleCallRequest[] = []
  const api = {
    'console.call': async (r: ConsoleCallRequest) => {
      sent.push(r)
      return answer(r)
    },
  } as unknown as Api
  let now = NOW
  const store = createConsoleStore({ api, now: () => now, profile: { sdkAppId: 1400000001, region: 'ap-guangzhou' } })
  return { store, sent, tick: (ms: number) => (now += ms) }
}

const okAnswer = (r: ConsoleCallRequest) => ok({ action: r.action, region: r.region ?? null, requestId: 'req-1', durationMs: 12, response: { RequestId: 'req-1', Total: 0, RoomList: [] } })

describe('console store', () => {
  it('starts DescribeRoomInfo with the profile’s app, the last hour and its region, already valid', () => {
    const { store } = setUp(okAnswer)
    const d = selectDraft(store.getState())
    expect(store.getState().action).toBe('DescribeRoomInfo')
    expect(d.params).toEqual({ SdkAppId: 1400000001, StartTime: NOW / 1000 - 3600, EndTime: NOW / 1000 })
    expect(d.region).toBe('ap-guangzhou')
    expect(d.texts['SdkAppId']).toBe('1400000001')
    expect(d.issues).toEqual([])
  })

  it('keeps the form and the JSON view in step, and checks at every edit', () => {
    const { store } = setUp(okAnswer)
    store.getState().fieldEdited('PageSize', '500')
    let d = selectDraft(store.getState())
    expect(d.params['PageSize']).toBe(500)
    expect(JSON.parse(d.jsonText)).toMatchObject({ PageSize: 500 })
    expect(d.issues.map((i) => [i.field, i.text.key])).toEqual([['PageSize', 'console.issue.max']])
    store.getState().jsonEdited('{"SdkAppId": 7, "StartTime": 1736931600, "EndTime": 1736935200, "PageSize": 20}')
    d = selectDraft(store.getState())
    expect(d.texts).toMatchObject({ SdkAppId: '7', PageSize: '20', RoomId: '' })
    expect(d.issues).toEqual([])
    // JSON that does not read leaves the parameters as they were; back in the form, the JSON view shows them again.
    store.getState().modeChosen('json')
    store.getState().jsonEdited('{"SdkAppId": ')
    expect(selectDraft(store.getState())).toMatchObject({ jsonProblem: 'json', params: { SdkAppId: 7 } })
    store.getState().modeChosen('form')
    expect(JSON.parse(selectDraft(store.getState()).jsonText)).toMatchObject({ SdkAppId: 7 })
  })

  it('keeps each action’s request while another is chosen', () => {
    const { store } = setUp(okAnswer)
    store.getState().fieldEdited('PageSize', '30')
    store.getState().actionChosen('SetUserBlocked')
    expect(selectDraft(store.getState()).params).toEqual({ SdkAppId: 1400000001 })
    expect(selectDraft(store.getState()).issues.map((i) => i.field)).toEqual(['RoomId', 'UserId', 'IsMute'])
    store.getState().actionChosen('DescribeRoomInfo')
    expect(selectDraft(store.getState()).params['PageSize']).toBe(30)
  })

  it('sends the request with its region, shows the answer and keeps the call in the session’s list', async () => {
    const { store, sent } = setUp(okAnswer)
    await store.getState().sendRequested()
    expect(sent).toEqual([{ action: 'DescribeRoomInfo', params: selectDraft(store.getState()).params, region: 'ap-guangzhou' }])
    const shown = store.getState().shown!
    expect(shown.result.ok && shown.result.value.requestId).toBe('req-1')
    expect(store.getState().history).toHaveLength(1)
  })

  it('keeps a refusal with the time it took, and loads an earlier call back into the form', async () => {
    const { store, tick } = setUp(() => {
      tick(40)
      return { ok: false, error: appError('tencent.notFound', 'err.tc.FailedOperation.RoomNotExist', undefined, { tencentCode: 'FailedOperation.RoomNotExist', requestId: 'req-2' }) }
    })
    store.getState().actionChosen('DismissRoom')
    store.getState().fieldEdited('RoomId', '1234')
    await store.getState().sendRequested()
    const failed = store.getState().shown!
    expect(failed.result).toMatchObject({ ok: false, elapsedMs: 40, error: { tencentCode: 'FailedOperation.RoomNotExist' } })
    store.getState().actionChosen('DescribeRoomInfo')
    store.getState().callLoaded(failed.id)
    expect(store.getState().action).toBe('DismissRoom')
    expect(selectDraft(store.getState()).texts).toEqual({ SdkAppId: '1400000001', RoomId: '1234' })
    expect(selectDraft(store.getState()).region).toBe('ap-guangzhou')
  })

  it('starts over from a new profile’s app and region', () => {
    const { store } = setUp(okAnswer)
    store.getState().profileChanged({ sdkAppId: 1400000002, region: 'ap-singapore' })
    expect(selectDraft(store.getState())).toMatchObject({ params: { SdkAppId: 1400000002 }, region: 'ap-singapore' })
  })
})
