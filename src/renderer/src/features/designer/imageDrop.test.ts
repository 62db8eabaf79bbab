import { describe, expect, it } from 'vitest'
import { applyCommand } from '../../../../shared/layout/commands'
import { createDoc, type LayoutDoc } from '../../../../shared/layout/model'
import { checkImage, decodeUser, encodeUser, isLayoutFile, MAX_IMAGE_BYTES, placeUser, previewSrc, userDropProblem } from './imageDrop'
import { distinctUsers } from './roomUsersStore'

const alice = { userId: 'alice', roomId: '1001', roomIdType: 'number' as const }
const bob = { userId: 'bob', roomId: '1001', roomIdType: 'number' as const }

function twoTiles(): LayoutDoc {
  let d = createDoc('1920x1080')
  d = applyCommand(d, { type: 'addTile', rect: { x: 0, y: 0, width: 960, height: 540 } })
  d = applyCommand(d, { type: 'addTile', rect: { x: 960, y: 0, width: 960, height: 540 } })
  return d
}

describe('user payload', () => {
  it('round-trips and refuses anything malformed', () => {
    expect(decodeUser(encodeUser(alice))).toEqual(alice)
    expect(decodeUser('not json')).toBeNull()
    expect(decodeUser(JSON.stringify({ userId: '', roomId: '1', roomIdType: 'number' }))).toBeNull()
    expect(decodeUser(JSON.stringify({ userId: 'a', roomId: '1', roomIdType: 'numeric' }))).toBeNull()
    expect(decodeUser(JSON.stringify({ userId: 'a', roomId: 7, roomIdType: 'number' }))).toBeNull()
    expect(decodeUser('null')).toBeNull()
  })
})

describe('placeUser', () => {
  it('binds the tile under the drop, as one bindUser command', () => {
    const d = twoTiles()
    const r = placeUser(d, 'mcu', alice, { tileId: 't2', at: { x: 1200, y: 100 } })
    expect(r).toMatchObject({ ok: true, tileId: 't2', cmd: { type: 'bindUser', id: 't2' } })
    if (!r.ok) throw new Error('refused')
    const after = applyCommand(d, r.cmd)
    expect(after.tiles[1]?.binding).toEqual({ kind: 'user', ...alice, streamType: 'camera' })
  })

  it('adds a quarter-size tile centred on an empty drop point, kept on the canvas', () => {
    const d = createDoc('1920x1080')
    const r = placeUser(d, 'mcu', alice, { at: { x: 1900, y: 20 } })
    if (!r.ok) throw new Error('refused')
    const after = applyCommand(d, r.cmd)
    expect(after.tiles).toHaveLength(1)
    expect(after.tiles[0]).toMatchObject({ x: 1440, y: 0, width: 480, height: 270, label: 'alice', binding: { kind: 'user', userId: 'alice' } })
  })

  it('makes the user the big screen of a template', () => {
    const d = applyCommand(createDoc('1920x1080'), { type: 'setMode', mode: 'screenShare' })
    const r = placeUser(d, 'mcu', bob, { at: { x: 10, y: 10 } })
    if (!r.ok) throw new Error('refused')
    expect(applyCommand(d, r.cmd).template.bigScreenUser).toEqual({ ...bob, streamType: 'camera' })
  })

  it('refuses a locked tile, a user already shown, and a second room in a recording', () => {
    let d = twoTiles()
    d = applyCommand(d, { type: 'lock', ids: ['t1'] })
    expect(placeUser(d, 'mcu', alice, { tileId: 't1' })).toEqual({ ok: false, problem: { kind: 'locked', tileId: 't1' } })
    d = applyCommand(d, { type: 'bindUser', id: 't2', user: { ...alice, streamType: 'camera' } })
    expect(userDropProblem(d, 'mcu', alice)).toEqual({ kind: 'placed', tileId: 't2' })
    // Re-dropping on the tile that already shows the user is no problem.
    expect(userDropProblem(d, 'mcu', alice, 't2')).toBeNull()
    // The same user ID in another room is another user for the relay, but not for a recording.
    expect(userDropProblem(d, 'mcu', { ...alice, roomId: '2002' })).toBeNull()
    expect(userDropProblem(d, 'recording', { ...alice, roomId: '2002' })).toEqual({ kind: 'placed', tileId: 't2' })
    expect(userDropProblem(d, 'recording', { ...bob, roomId: '2002' })).toEqual({ kind: 'otherRoom', room: '1001' })
    expect(userDropProblem(d, 'mcu', { ...bob, roomId: '2002' })).toBeNull()
  })
})

describe('image files', () => {
  it('takes PNG and JPEG up to 5 MB, and leaves layout files to the file opener', () => {
    expect(checkImage({ name: 'a.png', type: 'image/png', size: 10 })).toBeNull()
    expect(checkImage({ name: 'a.jpg', type: 'image/jpeg', size: MAX_IMAGE_BYTES })).toBeNull()
    expect(checkImage({ name: 'a.JPEG', type: '', size: 10 })).toBeNull()
    expect(checkImage({ name: 'a.gif', type: 'image/gif', size: 10 })).toBe('type')
    expect(checkImage({ name: 'a.txt', type: 'text/plain', size: 10 })).toBe('type')
    expect(checkImage({ name: 'a.png', type: 'image/png', size: MAX_IMAGE_BYTES + 1 })).toBe('size')
    expect(checkImage({ name: 'a.png', type: 'image/png', size: 0 })).toBe('empty')
    expect(isLayoutFile({ name: 'show.trtclayout.json', type: '' })).toBe(true)
    expect(isLayoutFile({ name: 'req', type: 'application/json' })).toBe(true)
    expect(isLayoutFile({ name: 'a.png', type: 'image/png' })).toBe(false)
  })

  it('draws only data: image previews (the page may not load remote images)', () => {
    expect(previewSrc({ name: 'a', dataRef: 'data:image/webp;base64,AAAA' })).toBe('data:image/webp;base64,AAAA')
    expect(previewSrc({ name: 'a', url: 'https://x/a.png' })).toBeNull()
    expect(previewSrc({ name: 'a', dataRef: 'javascript:alert(1)' })).toBeNull()
    expect(previewSrc(null)).toBeNull()
  })
})

describe('distinctUsers', () => {
  it('keeps one row per user, those in the room first', () => {
    const row = (userId: string, joinTs: number, finished: boolean) => ({ userId, joinTs, leaveTs: finished ? joinTs + 10 : 0, finished, deviceType: '', sdkVersion: '', clientIp: '' })
    const out = distinctUsers([row('b', 1, true), row('a', 2, true), row('b', 5, false), row('c', 3, false), row('a', 4, true)])
    expect(out.map((u) => [u.userId, u.finished, u.joinTs])).toEqual([
      ['b', false, 5],
      ['c', false, 3],
      ['a', true, 4],
    ])
  })
})
