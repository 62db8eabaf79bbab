// Call quality series (DescribeCallDetailInfo) and per-user events (DescribeUserEvent).
import type { QualityRequest, QualitySeries, UserEvent, UserEventsRequest } from '../../shared/contract/contract'
import { err, ok, type Result } from '../../shared/errors'
import { callQualityMetrics, type DescribeCallDetailInfoResponse, type DescribeUserEventResponse } from '../../shared/trtc/roomsQuality'
import type { CloudAccess } from './cloudAccess'
import type { RoomInsightsService } from './roomsService'

// "If DataType is not null, the end time and start time cannot be more than one hour apart"
// (003_530a54cf0f8c0df7.txt L11920–L11926).
export const QUALITY_WINDOW_S = 3600
// "If DataType is not null, the length of the array UserIds and the value of PageSize cannot
// exceed 6." (003_530a54cf0f8c0df7.txt L11966–L11971)
export const QUALITY_USERS_PER_CALL = 6
const QUALITY_PAGE_SIZE = 6
// A user who rejoins has one UserList entry per session, so a chunk of six users can span pages;
// this only stops a server that never reports the last page.
const MAX_PAGES = 50

const seriesKey = (userId: string, peerId: string, dataType: string): string => `${userId}\u0000${peerId}\u0000${dataType}`

export function createInsightsService(deps: { cloud: CloudAccess }): RoomInsightsService {
  async function quality(req: QualityRequest): Promise<Result<QualitySeries[]>> {
    if (req.endTime < req.startTime) return err('request.invalid', 'err.request.endBeforeStart')
    const unknown = req.dataTypes.find((t) => !(callQualityMetrics as readonly string[]).includes(t))
    if (unknown !== undefined) return err('request.invalid', 'err.insights.unknownMetric', { metric: unknown })
    const handle = await deps.cloud.current()
    if (!handle.ok) return handle
    const { client, region } = handle.value

    const userIds = [...new Set(req.userIds)]
    const dataTypes = [...new Set(req.dataTypes)]
    const chunks: string[][] = []
    for (let i = 0; i < userIds.length; i += QUALITY_USERS_PER_CALL) chunks.push(userIds.slice(i, i + QUALITY_USERS_PER_CALL))

    // Per series, time → value: windows share their boundary second and a user's sessions may
    // overlap, so the same sample can arrive twice; the later answer wins.
    const collected = new Map<string, { userId: string; peerId: string; dataType: string; points: Map<number, number> }>()
    // Calls go one after another: the shared rate budget paces them against the action's limit.
    for (let from = req.startTime; ; from += QUALITY_WINDOW_S) {
      const to = Math.min(req.endTime, from + QUALITY_WINDOW_S)
      for (const chunk of chunks) {
        for (let page = 0; page < MAX_PAGES; page++) {
          const r = await client.call<DescribeCallDetailInfoResponse>(
            'DescribeCallDetailInfo',
            { CommId: req.commId, SdkAppId: req.sdkAppId, StartTime: from, EndTime: to, UserIds: chunk, DataType: dataTypes, PageNumber: page, PageSize: QUALITY_PAGE_SIZE },
            { region, priority: 'user', mutating: false },
          )
          if (!r.ok) return r
          for (const d of r.value.Data ?? []) {
            // "An empty string indicates that the data is upstream data." (003_530a54cf0f8c0df7.txt L15759–L15781)
            const peerId = d.PeerId ?? ''
            const key = seriesKey(d.UserId, peerId, d.DataType)
            let s = collected.get(key)
            if (!s) {
              s = { userId: d.UserId, peerId, dataType: d.DataType, points: new Map() }
              collected.set(key, s)
            }
            for (const p of d.Content) if (Number.isFinite(p.Time) && Number.isFinite(p.Value)) s.points.set(p.Time, p.Value)
          }
          const listed = r.value.UserList?.length ?? 0
          if (listed < QUALITY_PAGE_SIZE || (page + 1) * QUALITY_PAGE_SIZE >= r.value.Total) break
        }
      }
      if (to >= req.endTime) break
    }

    const userOrder = new Map(userIds.map((u, i) => [u, i]))
    const typeOrder = new Map<string, number>(callQualityMetrics.map((t, i) => [t, i]))
    const series: QualitySeries[] = [...collected.values()].map((s) => ({
      userId: s.userId,
      peerId: s.peerId === '' ? null : s.peerId,
      dataType: s.dataType,
      points: [...s.points].sort((a, b) => a[0] - b[0]),
    }))
    return ok(
      series.sort(
        (a, b) =>
          (userOrder.get(a.userId) ?? Infinity) - (userOrder.get(b.userId) ?? Infinity) ||
          a.userId.localeCompare(b.userId) ||
          (typeOrder.get(a.dataType) ?? Infinity) - (typeOrder.get(b.dataType) ?? Infinity) ||
          (a.peerId ?? '').localeCompare(b.peerId ?? ''),
      ),
    )
  }

  async function events(req: UserEventsRequest): Promise<Result<UserEvent[]>> {
    if (req.endTime < req.startTime) return err('request.invalid', 'err.request.endBeforeStart')
    const handle = await deps.cloud.current()
    if (!handle.ok) return handle
    const { client, region } = handle.value
    // No span or page limit is documented for DescribeUserEvent beyond the 14-day look-back
    // (003_530a54cf0f8c0df7.txt L11551–L11561), which the client checks before sending.
    const r = await client.call<DescribeUserEventResponse>(
      'DescribeUserEvent',
      { CommId: req.commId, SdkAppId: req.sdkAppId, RoomId: req.roomId, UserId: req.userId, StartTime: req.startTime, EndTime: req.endTime },
      { region, priority: 'user', mutating: false },
    )
    if (!r.ok) return r
    const out: UserEvent[] = []
    for (const list of r.value.Data ?? []) {
      for (const e of list.Content ?? []) {
        // EventMessage.Time is Unix milliseconds (003_530a54cf0f8c0df7.txt L15058–L15085).
        out.push({ timeMs: e.Time, eventId: e.EventId, paramOne: e.ParamOne, paramTwo: e.ParamTwo, type: e.Type, peerId: list.PeerId })
      }
    }
    // A stable sort keeps the server's order for events logged in the same millisecond.
    return ok(out.sort((a, b) => a.timeMs - b.timeMs))
  }

  return { quality, events }
}
