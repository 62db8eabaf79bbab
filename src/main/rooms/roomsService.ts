// Rooms and their users, read from DescribeRoomInfo and DescribeUserInfo with every page fetched.
import type { QualityRequest, QualitySeries, RoomRow, RoomsFetchRequest, RoomsResult, UserEvent, UserEventsRequest, UserRow, UsersRequest } from '../../shared/contract/contract'
import { ok, type Result } from '../../shared/errors'
import type { DescribeRoomInfoResponse, DescribeUserInfoResponse, UserInformation } from '../../shared/trtc/roomsQuality'
import type { Priority } from '../cloud/rateBudget'
import type { Emit } from '../ipc/dispatch'
import type { CloudAccess, CloudHandle } from './cloudAccess'
import { guessRoomIdType } from './roomIds'

// "Value range: 1-100." (003_530a54cf0f8c0df7.txt L11176, L12318)
const PAGE_SIZE = 100
// A runaway guard: 24 h of rooms at 100 a page. Far above any real window.
const MAX_PAGES = 2000
const USER_WINDOW_S = 4 * 3600

/**
 * Every page of a room's users over [from, to] (at most four hours apart, L12295–L12298), all of
 * them or only `userIds` (1–100, L12302–L12309). Shared by the room's users table and the rooms
 * list's quality sweep, which asks at 'background' priority.
 */
export async function describeUserPages(
  h: Pick<CloudHandle, 'client' | 'region'>,
  req: { sdkAppId: number; commId: string; from: number; to: number; userIds?: string[] },
  priority: Priority,
  maxPages = MAX_PAGES,
): Promise<Result<UserInformation[]>> {
  const out: UserInformation[] = []
  for (let page = 0; page < maxPages; page++) {
    const r = await h.client.call<DescribeUserInfoResponse>(
      'DescribeUserInfo',
      { CommId: req.commId, SdkAppId: req.sdkAppId, StartTime: req.from, EndTime: req.to, PageNumber: page, PageSize: PAGE_SIZE, ...(req.userIds ? { UserIds: req.userIds } : {}) },
      { region: h.region, priority, mutating: false },
    )
    if (!r.ok) return r
    const list = r.value.UserList ?? []
    out.push(...list)
    if (list.length < PAGE_SIZE || (page + 1) * PAGE_SIZE >= r.value.Total) break
  }
  return ok(out)
}

export interface RoomsService {
  fetch(req: RoomsFetchRequest): Promise<Result<RoomsResult>>
  cancel(jobId: string): boolean
  users(req: UsersRequest): Promise<Result<UserRow[]>>
}

export interface RoomInsightsService {
  quality(req: QualityRequest): Promise<Result<QualitySeries[]>>
  events(req: UserEventsRequest): Promise<Result<UserEvent[]>>
}

export function createRoomsService(deps: { cloud: CloudAccess; emit: Emit; now: () => number }): RoomsService {
  const jobs = new Map<string, AbortController>()

  async function fetch(req: RoomsFetchRequest): Promise<Result<RoomsResult>> {
    const handle = await deps.cloud.current()
    if (!handle.ok) return handle
    const { client, region } = handle.value
    const abort = new AbortController()
    jobs.get(req.jobId)?.abort()
    jobs.set(req.jobId, abort)
    try {
      const rooms: RoomRow[] = []
      let total = 0
      for (let page = 0; page < MAX_PAGES; page++) {
        const r = await client.call<DescribeRoomInfoResponse>(
          'DescribeRoomInfo',
          {
            SdkAppId: req.sdkAppId,
            StartTime: req.startTime,
            EndTime: req.endTime,
            ...(req.roomId ? { RoomId: req.roomId } : {}),
            PageNumber: page,
            PageSize: PAGE_SIZE,
          },
          { region, priority: req.background ? 'background' : 'user', mutating: false, signal: abort.signal },
        )
        if (!r.ok) return r
        total = r.value.Total
        const list = r.value.RoomList ?? []
        for (const s of list) {
          rooms.push({
            commId: s.CommId,
            roomId: s.RoomString,
            roomIdType: guessRoomIdType(s.RoomString),
            createTime: s.CreateTime,
            destroyTime: s.DestroyTime,
            finished: s.IsFinished,
            creator: s.UserId,
          })
        }
        deps.emit('rooms.progress', { jobId: req.jobId, fetched: rooms.length, total: Math.max(total, rooms.length), pages: page + 1 })
        if (list.length < PAGE_SIZE || rooms.length >= total) break
      }
      return ok({ rooms, total: Math.max(total, rooms.length), fetchedAt: deps.now() })
    } finally {
      if (jobs.get(req.jobId) === abort) jobs.delete(req.jobId)
    }
  }

  async function users(req: UsersRequest): Promise<Result<UserRow[]>> {
    const handle = await deps.cloud.current()
    if (!handle.ok) return handle
    const rows = new Map<string, UserRow>()
    // "The end and start time cannot be more than four hours apart." (003_530a54cf0f8c0df7.txt L12298):
    // longer rooms are read in 4-hour windows and the sessions merged.
    for (let from = req.startTime; from < req.endTime; from += USER_WINDOW_S) {
      const r = await describeUserPages(handle.value, { sdkAppId: req.sdkAppId, commId: req.commId, from, to: Math.min(req.endTime, from + USER_WINDOW_S) }, 'user')
      if (!r.ok) return r
      for (const u of r.value) {
        rows.set(`${u.UserId}\u0000${u.JoinTs}`, {
          userId: u.UserId,
          joinTs: u.JoinTs,
          leaveTs: u.LeaveTs,
          finished: u.Finished,
          deviceType: u.DeviceType,
          sdkVersion: u.SdkVersion,
          clientIp: u.ClientIp,
        })
      }
    }
    return ok([...rows.values()].sort((a, b) => a.joinTs - b.joinTs || a.userId.localeCompare(b.userId)))
  }

  return {
    fetch,
    cancel(jobId) {
      const job = jobs.get(jobId)
      job?.abort()
      return job !== undefined
    },
    users,
  }
}
