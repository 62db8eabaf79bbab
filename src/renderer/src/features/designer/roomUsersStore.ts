// The designer's "Room users" panel: the active profile's apps, their rooms of the last 24 hours
// (rooms.fetch, DescribeRoomInfo allows at most 24 h per query — 003_530a54cf0f8c0df7.txt L11160)
// and the users of the picked room (rooms.users), ready to be dragged onto the canvas.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Api } from '../../../../shared/contract/client'
import type { RoomRow, UserRow } from '../../../../shared/contract/contract'
import type { AppError } from '../../../../shared/errors'

export const ROOMS_WINDOW_S = 24 * 3600

export interface RoomUsersState {
  sdkAppId: number | null
  rooms: RoomRow[]
  roomsLoading: boolean
  roomsError: AppError | null
  room: RoomRow | null
  users: UserRow[]
  usersLoading: boolean
  usersError: AppError | null
  appChosen(sdkAppId: number | null): Promise<void>
  roomChosen(commId: string | null): Promise<void>
  /** A room handed over from the Rooms view: pick it even if it is older than the list's window. */
  roomHandedOver(sdkAppId: number, room: RoomRow): Promise<void>
  refreshRequested(): Promise<void>
}

/** Users to offer: one row per user ID, those still in the room first. */
export function distinctUsers(users: readonly UserRow[]): UserRow[] {
  const byId = new Map<string, UserRow>()
  for (const u of users) {
    const prev = byId.get(u.userId)
    if (!prev || (prev.finished && !u.finished) || (prev.finished === u.finished && u.joinTs > prev.joinTs)) byId.set(u.userId, u)
  }
  return [...byId.values()].sort((a, b) => Number(a.finished) - Number(b.finished) || a.userId.localeCompare(b.userId))
}

export function createRoomUsersStore(deps: { api: Api; now: () => number }): StoreApi<RoomUsersState> {
  const { api } = deps
  const nowS = () => Math.floor(deps.now() / 1000)
  let seq = 0
  return createStore<RoomUsersState>((set, get) => {
    async function loadRooms(keep?: RoomRow) {
      const sdkAppId = get().sdkAppId
      if (sdkAppId === null) return
      const jobId = `designer-rooms-${++seq}`
      set({ roomsLoading: true, roomsError: null })
      const end = nowS()
      const r = await api['rooms.fetch']({ jobId, sdkAppId, startTime: end - ROOMS_WINDOW_S, endTime: end, background: false })
      if (get().sdkAppId !== sdkAppId || jobId !== `designer-rooms-${seq}`) return
      if (!r.ok) return set({ roomsLoading: false, roomsError: r.error })
      const rooms = [...r.value.rooms].sort((a, b) => Number(a.finished) - Number(b.finished) || b.createTime - a.createTime)
      if (keep && !rooms.some((x) => x.commId === keep.commId)) rooms.unshift(keep)
      set({ rooms, roomsLoading: false })
    }
    async function loadUsers(room: RoomRow) {
      const sdkAppId = get().sdkAppId
      if (sdkAppId === null) return
      set({ usersLoading: true, usersError: null })
      const end = room.finished && room.destroyTime > 0 ? room.destroyTime : nowS()
      const r = await api['rooms.users']({ sdkAppId, commId: room.commId, startTime: room.createTime, endTime: Math.max(end, room.createTime + 1) })
      if (get().room?.commId !== room.commId) return
      set(r.ok ? { users: distinctUsers(r.value), usersLoading: false } : { users: [], usersLoading: false, usersError: r.error })
    }
    return {
      sdkAppId: null,
      rooms: [],
      roomsLoading: false,
      roomsError: null,
      room: null,
      users: [],
      usersLoading: false,
      usersError: null,
      async appChosen(sdkAppId) {
        if (sdkAppId === get().sdkAppId && get().rooms.length > 0) return
        set({ sdkAppId, rooms: [], room: null, users: [], roomsError: null, usersError: null })
        await loadRooms()
      },
      async roomChosen(commId) {
        const room = get().rooms.find((r) => r.commId === commId) ?? null
        // Loading from the start, so the panel never says "no users" for a room it has not read yet.
        set({ room, users: [], usersError: null, usersLoading: room !== null })
        if (room) await loadUsers(room)
      },
      async roomHandedOver(sdkAppId, room) {
        const sameApp = sdkAppId === get().sdkAppId
        set({ sdkAppId, room, users: [], usersError: null, rooms: sameApp ? get().rooms : [room] })
        await Promise.all([loadUsers(room), loadRooms(room)])
      },
      async refreshRequested() {
        const room = get().room
        await Promise.all([loadRooms(room ?? undefined), room ? loadUsers(room) : Promise.resolve()])
      },
    }
  })
}
