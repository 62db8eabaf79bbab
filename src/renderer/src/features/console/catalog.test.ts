import { describe, expect, it } from 'vitest'
import { actionNames } from '../../../../shared/trtc/actionNames'
import { actions } from '../../../../shared/trtc/actions'
import { actionGroups, consequenceOf, filterActions, targetOf } from './catalog'
import { en } from './messages'

const label = (g: string) => en[`console.group.${g}` as keyof typeof en]

describe('the console’s actions', () => {
  it('lists each of the 39 actions in exactly one group', () => {
    const listed = actionGroups.flatMap((g) => g.actions)
    expect(listed).toHaveLength(39)
    expect([...listed].sort()).toEqual([...actionNames].sort())
  })
  it('filters by words of the name in any order and case, or by a group’s label', () => {
    expect(filterActions('', label)).toHaveLength(8)
    expect(filterActions('room dismiss', label)).toEqual([{ id: 'moderation', actions: ['DismissRoom', 'DismissRoomByStrRoomId'] }])
    expect(filterActions('USAGE room', label).flatMap((g) => g.actions)).toEqual(['DescribeTrtcRoomUsage'])
    expect(filterActions('recording', label).map((g) => [g.id, g.actions.length])).toEqual([['recording', 4], ['usage', 1]])
    expect(filterActions('nothing like it', label)).toEqual([])
  })
  it('knows what a call changes: reads nothing, removals and dismissals for good', () => {
    const of = (a: (typeof actionNames)[number]) => consequenceOf(a, actions[a].mutating)
    expect(of('DescribeRoomInfo')).toBe('read')
    expect(of('SetUserBlocked')).toBe('change')
    expect(of('RemoveUserByStrRoomId')).toBe('remove')
    expect(of('DismissRoom')).toBe('dismiss')
    expect(of('DeleteCloudRecording')).toBe('stop')
    expect(of('StopAITranscription')).toBe('stop')
    expect(of('StartStreamIngest')).toBe('change')
    expect(actionNames.filter((a) => of(a) === 'read').every((a) => a.startsWith('Describe'))).toBe(true)
  })
  it('names the target of a call from its parameters', () => {
    expect(targetOf({ SdkAppId: 1400000001, RoomId: 1234, UserId: 'anna', IsMute: 1 })).toEqual({ sdkAppId: '1400000001', room: '1234', users: 'anna' })
    expect(targetOf({ SdkAppId: 1, StrRoomId: 'finals', UserIds: ['a', 'b'] })).toEqual({ sdkAppId: '1', room: 'finals', users: 'a, b' })
    expect(targetOf({ SdkAppid: 7, TaskId: 't' })).toEqual({ sdkAppId: '7' })
  })
})
