// Call-quality (003_530a54cf0f8c0df7.txt L11103–L12762), dashboard (L4033–L5757) and usage
// (L13750–L14836) actions over the simulated world.
import type { SimContext } from './context'
import { codesOf, done, fail, Params, type Reply } from './params'
import {
  DATA_TYPES,
  dayScale,
  figure,
  findApp,
  findRoomByCommId,
  HISTORY_S,
  QUALITY_STEP_S,
  qualityValue,
  roomActive,
  roomEnd,
  roomsInRange,
  scaleAt,
  sessionEvents,
  sessionsAt,
  troubled,
  type AppInfo,
  type DataType,
  type SessionView,
} from './world'

const DAY = 86400

interface Window {
  start: number
  end: number
}

/** StartTime/EndTime of the call-quality APIs: last 14 days only (e.g. L11157–L11165). */
function readWindow(p: Params, ctx: SimContext, maxSpan: number): Window {
  const start = p.int('StartTime', { missing: 'MissingParameter.StartTs', invalid: 'InvalidParameter.StartTs' })
  const end = p.int('EndTime', { missing: 'MissingParameter.EndTs', invalid: 'InvalidParameter.EndTs' })
  if (p.failure) return { start, end }
  if (start < ctx.now - HISTORY_S) p.reject('InvalidParameter.StartTsOversize', 'Only data in the last 14 days can be queried.')
  else if (end < start) p.reject('InvalidParameter.EndTs', 'EndTime must not be earlier than StartTime.')
  else if (end - start > maxSpan) p.reject('InvalidParameter.QueryScaleOversize', `The query period exceeds ${maxSpan / 3600} hours.`)
  return { start, end }
}

function readApp(p: Params, ctx: SimContext, name = 'SdkAppId'): AppInfo | undefined {
  const id = p.int(name, { missing: 'MissingParameter.SdkAppId', invalid: 'InvalidParameter.SdkAppId' })
  if (p.failure) return undefined
  const app = findApp(ctx.world, id)
  if (!app) p.reject('InvalidParameter.SdkAppId', `SDKAppID ${id} does not belong to this account.`)
  return app
}

function readPage(p: Params, def: number, max: number): { number: number; size: number } {
  const number = p.optInt('PageNumber', { invalid: 'InvalidParameter.PageNumber' }) ?? 0
  const size = p.optInt('PageSize', { invalid: 'InvalidParameter.PageSize' }) ?? def
  if (!p.failure && number < 0) p.reject('InvalidParameter.PageNumber', 'PageNumber must be 0 or more.')
  if (!p.failure && size < 1) p.reject('InvalidParameter.PageSize', 'PageSize must be at least 1.')
  if (!p.failure && size > max) p.reject(max === 100 ? 'InvalidParameter.PageSizeOversize' : 'InvalidParameter.PageSize', `The value of PageSize exceeds ${max}.`)
  return { number, size }
}

export function describeRoomInfo(body: Record<string, unknown>, ctx: SimContext): Reply {
  const p = new Params(body, codesOf('DescribeRoomInfo'))
  const app = readApp(p, ctx)
  // "The end and start time cannot be more than 24 hours apart." (L11162–L11165)
  const w = readWindow(p, ctx, DAY)
  const roomId = p.optStr('RoomId')
  // "Up to 100 records … (10 are returned by default)" (L11107–L11109, L11169–L11176)
  const page = readPage(p, 10, 100)
  if (p.failure || !app) return fail(p.failure?.code ?? 'InternalError', p.failure?.message ?? '')
  const rooms = roomsInRange(ctx.world, app, w.start, w.end, ctx.now, ctx.overlay).filter((r) => roomId === undefined || r.roomId === roomId)
  const slice = rooms.slice(page.number * page.size, (page.number + 1) * page.size)
  return done({
    Total: rooms.length,
    RoomList: slice.map((r) => {
      const finished = !roomActive(r, ctx.overlay, ctx.now)
      return {
        CommId: r.commId,
        RoomString: r.roomId,
        CreateTime: r.createTime,
        DestroyTime: finished ? roomEnd(r, ctx.overlay) : 0,
        IsFinished: finished,
        UserId: r.creator,
      }
    }),
  })
}

function userInformation(s: SessionView, roomStr: string, now: number): Record<string, unknown> {
  const finished = s.leaveTs <= now
  return {
    RoomStr: roomStr,
    UserId: s.userId,
    JoinTs: s.joinTs,
    // "If the user is still in the room, the current time will be returned." (L16314–L16337)
    LeaveTs: finished ? s.leaveTs : now,
    DeviceType: s.deviceType,
    SdkVersion: s.sdkVersion,
    ClientIp: s.clientIp,
    Finished: finished,
  }
}

function usersFor(body: Record<string, unknown>, ctx: SimContext, withData: boolean): Reply {
  const p = new Params(body, codesOf(withData ? 'DescribeCallDetailInfo' : 'DescribeUserInfo'))
  const commId = p.str('CommId', { missing: 'MissingParameter.CommId' })
  const dataTypesRaw = withData ? p.strArray('DataType', { invalid: 'InvalidParameter' }) : undefined
  const hasData = dataTypesRaw !== undefined && dataTypesRaw.length > 0
  // With DataType at most one hour, otherwise four hours (L11920–L11926, L12295–L12298).
  const w = readWindow(p, ctx, hasData ? 3600 : 4 * 3600)
  const app = readApp(p, ctx)
  const userIds = p.strArray('UserIds', { invalid: 'InvalidParameter' })
  // Six by default; 100 per page, or 6 when DataType is given (L11964–L11971).
  const page = readPage(p, 6, hasData ? 6 : 100)
  if (!p.failure && hasData && userIds && userIds.length > 6) p.reject('InvalidParameter.UserIdsMorethanSix', 'The number of users exceeds 6.')
  let types: DataType[] = []
  if (!p.failure && hasData) {
    if (dataTypesRaw.includes('all')) types = [...DATA_TYPES]
    else {
      const unknown = dataTypesRaw.find((t) => !(DATA_TYPES as readonly string[]).includes(t))
      if (unknown) p.reject('InvalidParameter', `Unknown DataType "${unknown}".`)
      types = dataTypesRaw as DataType[]
    }
  }
  if (p.failure || !app) return fail(p.failure?.code ?? 'InternalError', p.failure?.message ?? '')
  const room = findRoomByCommId(ctx.world, commId)
  if (!room || room.sdkAppId !== app.sdkAppId || room.createTime > ctx.now) return done(withData ? { Total: 0, UserList: [], Data: [] } : { Total: 0, UserList: [] })
  const all = sessionsAt(ctx.world, room, ctx.overlay, Math.min(ctx.now, w.end)).filter((s) => s.leaveTs >= w.start)
  const matching = userIds && userIds.length > 0 ? all.filter((s) => userIds.includes(s.userId)) : all
  const slice = matching.slice(page.number * page.size, (page.number + 1) * page.size)
  const body2: Record<string, unknown> = { Total: matching.length, UserList: slice.map((s) => userInformation(s, room.roomId, ctx.now)) }
  if (withData) {
    const data: Record<string, unknown>[] = []
    for (const s of hasData ? slice : []) {
      const from = Math.max(w.start, s.joinTs)
      const to = Math.min(w.end, s.leaveTs, ctx.now)
      const peer = all.find((o) => o.userId !== s.userId && o.role === 'anchor' && o.hasVideo)
      for (const type of types) {
        const series = (downstream: boolean): Array<{ Time: number; Value: number }> => {
          const content: Array<{ Time: number; Value: number }> = []
          for (let t = from - (from % QUALITY_STEP_S); t <= to; t += QUALITY_STEP_S) {
            if (t < from) continue
            content.push({ Time: t, Value: qualityValue(ctx.world, room, ctx.overlay, downstream && peer ? peer : s, type, t, downstream) })
          }
          return content
        }
        // Decode fps only exists downstream; everything else is reported for the upstream (PeerId "").
        if (type === 'bigvDecFps') data.push({ Content: peer ? series(true) : [], PeerId: peer?.userId ?? '', UserId: s.userId, DataType: type })
        else data.push({ Content: series(false), PeerId: '', UserId: s.userId, DataType: type })
      }
    }
    body2['Data'] = data
  }
  return done(body2)
}

export const describeUserInfo = (body: Record<string, unknown>, ctx: SimContext): Reply => usersFor(body, ctx, false)
export const describeCallDetailInfo = (body: Record<string, unknown>, ctx: SimContext): Reply => usersFor(body, ctx, true)

export function describeUserEvent(body: Record<string, unknown>, ctx: SimContext): Reply {
  const p = new Params(body, codesOf('DescribeUserEvent'))
  const commId = p.str('CommId', { missing: 'MissingParameter.CommId' })
  const start = p.int('StartTime', { missing: 'MissingParameter.StartTs', invalid: 'InvalidParameter.StartTs' })
  const end = p.int('EndTime', { missing: 'MissingParameter.EndTs', invalid: 'InvalidParameter.EndTs' })
  const userId = p.str('UserId', { missing: 'MissingParameter.UserId', invalid: 'InvalidParameter.UserId' })
  const roomId = p.str('RoomId', { missing: 'MissingParameter.RoomId' })
  const app = readApp(p, ctx)
  if (!p.failure && start < ctx.now - HISTORY_S) p.reject('InvalidParameter.StartTsOversize', 'Only data in the last 14 days can be queried.')
  if (!p.failure && end < start) p.reject('InvalidParameter.EndTs', 'EndTime must not be earlier than StartTime.')
  if (p.failure || !app) return fail(p.failure?.code ?? 'InternalError', p.failure?.message ?? '')
  const room = findRoomByCommId(ctx.world, commId)
  // "An empty array will be returned if no data is obtained." (L11576–L11579)
  if (!room || room.sdkAppId !== app.sdkAppId || room.roomId !== roomId) return done({ Data: [] })
  // "If you pass in an end time later than the room end time, the room end time will be used." (L11556–L11561)
  const until = Math.min(end, roomEnd(room, ctx.overlay), ctx.now)
  const data: Record<string, unknown>[] = []
  for (const s of sessionsAt(ctx.world, room, ctx.overlay, until).filter((x) => x.userId === userId)) {
    const content = sessionEvents(ctx.world, room, ctx.overlay, s, until)
      .filter((e) => e.time >= start * 1000 && e.time <= until * 1000 + 999)
      .map((e) => ({ Type: e.type, Time: e.time, EventId: e.eventId, ParamOne: e.p1, ParamTwo: e.p2 }))
    if (content.length > 0) data.push({ Content: content, PeerId: s.userId })
  }
  return done({ Data: data })
}

export function describeScaleInfo(body: Record<string, unknown>, ctx: SimContext): Reply {
  const p = new Params(body, codesOf('DescribeScaleInfo'))
  const app = readApp(p, ctx)
  const start = p.int('StartTime', { missing: 'MissingParameter.StartTs', invalid: 'InvalidParameter.StartTs' })
  const end = p.int('EndTime', { missing: 'MissingParameter.EndTs', invalid: 'InvalidParameter.EndTs' })
  if (!p.failure && start < ctx.now - HISTORY_S) p.reject('InvalidParameter.StartTsOversize', 'Only data in the last 14 days can be queried.')
  if (!p.failure && end < start) p.reject('InvalidParameter.EndTs', 'EndTime must not be earlier than StartTime.')
  if (p.failure || !app) return fail(p.failure?.code ?? 'InternalError', p.failure?.message ?? '')
  const today = ctx.now - (ctx.now % DAY)
  const list: Record<string, unknown>[] = []
  // "Data for the current day cannot be queried." and a day counts once EndTime passes its 00:00 (L12531–L12584).
  for (let day = start - (start % DAY); day < end && day < today; day += DAY) {
    const s = dayScale(ctx.world, app, day)
    list.push({ Time: s.time, UserNumber: s.userNumber, UserCount: s.userCount, RoomNumbers: s.roomNumbers })
  }
  return done({ Total: list.length, ScaleList: list })
}

// ---------------------------------------------------------------- dashboard

/** Dashboard APIs type SdkAppId as a String (L4069, L4692, L5295, L5575). */
function readDashboardApp(p: Params, ctx: SimContext): AppInfo | undefined {
  const text = p.str('SdkAppId', { missing: 'MissingParameter.SdkAppId' })
  if (p.failure) return undefined
  const app = /^\d+$/.test(text) ? findApp(ctx.world, Number(text)) : undefined
  if (!app) p.reject('InvalidParameter.SdkAppId', `SDKAppID "${text}" does not belong to this account.`)
  return app
}

/** "the monitoring dashboard Free Edition does not support calling" (L4038–L4041, L4652–L4654, L5259–L5261, L5537–L5539). */
function editionGate(ctx: SimContext): Reply | null {
  return ctx.edition === 'free'
    ? fail('UnsupportedOperation', 'The Free edition of the monitoring dashboard does not support this API; upgrade to Standard or Premium.')
    : null
}

function series(columns: string[], rows: number[][]): Record<string, unknown> {
  return { Data: { StatementID: 0, Series: [{ Columns: columns, Values: rows.map((r) => ({ RowValue: r })) }], Total: 1 } }
}

function realTimeWindow(p: Params, ctx: SimContext, lookback: number): Window {
  const start = p.int('StartTime', { invalid: 'InvalidParameter' })
  const end = p.int('EndTime', { invalid: 'InvalidParameter' })
  if (!p.failure && end < start) p.reject('InvalidParameter', 'EndTime must not be earlier than StartTime.')
  // "The query start time exceeds the range allowed by the current dashboard edition." (L17199)
  if (!p.failure && start < ctx.now - lookback) p.reject('InvalidParameter.StartTimeOversize', `The dashboard edition can query the last ${lookback / 3600} hours only.`)
  return { start, end: Math.min(end, ctx.now) }
}

export function describeRealTimeScale(body: Record<string, unknown>, ctx: SimContext): Reply {
  const gate = editionGate(ctx)
  if (gate) return gate
  const p = new Params(body, codesOf('DescribeTRTCRealTimeScaleData'))
  const app = readDashboardApp(p, ctx)
  // "The premium edition can query the last 1 hours" (L4042–L4043).
  const w = realTimeWindow(p, ctx, 3600)
  const roomId = p.optStr('RoomId')
  if (p.failure || !app) return fail(p.failure?.code ?? 'InternalError', p.failure?.message ?? '')
  // The doc example samples every 10 s (L4105–L4595); long windows use a minute to stay quick.
  const step = w.end - w.start <= 600 ? 10 : 60
  const rows: number[][] = []
  // One room's series: find its rooms once for the window rather than the app's rooms at every step.
  const candidates = roomId === undefined ? undefined : roomsInRange(ctx.world, app, w.start - step, w.end, ctx.now, ctx.overlay).filter((r) => r.roomId === roomId)
  for (let t = w.start - (w.start % step) + step; t <= w.end; t += step) {
    const s = scaleAt(ctx.world, app, ctx.overlay, t, roomId, candidates)
    rows.push([t, s.users, s.rooms])
  }
  return done(series(['time', 'userCount', 'roomCount'], rows))
}

export function describeRealTimeQuality(body: Record<string, unknown>, ctx: SimContext): Reply {
  const gate = editionGate(ctx)
  if (gate) return gate
  const p = new Params(body, codesOf('DescribeTRTCRealTimeQualityData'))
  const app = readDashboardApp(p, ctx)
  // "standard edition can query the last 3 hours, premium edition can query the last 12 hours" (L4694–L4697).
  const w = realTimeWindow(p, ctx, (ctx.edition === 'premium' ? 12 : 3) * 3600)
  const roomId = p.optStr('RoomId')
  if (p.failure || !app) return fail(p.failure?.code ?? 'InternalError', p.failure?.message ?? '')
  const step = w.end - w.start <= 600 ? 10 : 60
  const rows: number[][] = []
  // One room in eight is troubled (world.ts), so a room list has rooms in trouble to find; the app
  // as a whole stays in the usual 0–4 %.
  const bad = roomId !== undefined && troubled(ctx.world, app.sdkAppId, roomId)
  for (let t = w.start - (w.start % step) + step; t <= w.end; t += step) {
    const key = `${app.sdkAppId}:${roomId ?? ''}:${t}`
    rows.push(bad ? [t, figure(ctx.world, 'videoFreeze', key, 8, 25), figure(ctx.world, 'audioFreeze', key, 3, 12)] : [t, figure(ctx.world, 'videoFreeze', key, 0, 4), figure(ctx.world, 'audioFreeze', key, 0, 2)])
  }
  return done(series(['time', 'videoFreezeRate', 'audioFreezeRate'], rows))
}

function readMarket(p: Params, ctx: SimContext, lookbackDays: number): { app?: AppInfo; keys: number[] } {
  const app = readDashboardApp(p, ctx)
  const startText = p.str('StartTime')
  const endText = p.str('EndTime')
  const period = p.str('Period')
  const keys: number[] = []
  if (p.failure) return { keys }
  const start = Date.parse(`${startText}T00:00:00Z`) / 1000
  const end = Date.parse(`${endText}T00:00:00Z`) / 1000
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startText) || !Number.isFinite(start)) p.reject('InvalidParameter', 'StartTime must be YYYY-MM-DD.')
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(endText) || !Number.isFinite(end)) p.reject('InvalidParameter', 'EndTime must be YYYY-MM-DD.')
  else if (period !== 'd' && period !== 'h') p.reject('InvalidParameter', 'Period must be "d" or "h".')
  else if (end < start) p.reject('InvalidParameter', 'EndTime must not be earlier than StartTime.')
  else if (start < ctx.now - ctx.now % DAY - lookbackDays * DAY) p.reject('InvalidParameter.StartTimeOversize', `The dashboard edition can query the last ${lookbackDays} days only.`) // L17199
  if (p.failure) return { keys }
  // Whole UTC days or hours of the range (L5304–L5311), none in the future.
  const step = period === 'd' ? DAY : 3600
  for (let t = start; t < end + DAY && t <= ctx.now; t += step) keys.push(t)
  return { app, keys }
}

export function describeMarketScale(body: Record<string, unknown>, ctx: SimContext): Reply {
  const gate = editionGate(ctx)
  if (gate) return gate
  const p = new Params(body, codesOf('DescribeTRTCMarketScaleData'))
  // "premium edition can query the last 60 days" (L5263–L5264)
  const { app, keys } = readMarket(p, ctx, 60)
  if (p.failure || !app) return fail(p.failure?.code ?? 'InternalError', p.failure?.message ?? '')
  const hourly = keys.length > 1 && (keys[1] ?? 0) - (keys[0] ?? 0) === 3600
  const k = hourly ? 1 : 24
  const rows = keys.map((t) => {
    const users = figure(ctx.world, `mu${app.sdkAppId}`, t, 30 * k, 60 * k)
    const rooms = Math.round(users * (0.55 + 0.2 * figure(ctx.world, `mr${app.sdkAppId}`, t, 0, 100) / 100))
    return [t, figure(ctx.world, `pu${app.sdkAppId}`, t, 20, 70), figure(ctx.world, `pc${app.sdkAppId}`, t, 10, 50), users, rooms]
  })
  return done(series(['time', 'peakCurrentUsers', 'peakCurrentChannels', 'userCount', 'roomCount'], rows))
}

export function describeMarketQuality(body: Record<string, unknown>, ctx: SimContext): Reply {
  const gate = editionGate(ctx)
  if (gate) return gate
  const p = new Params(body, codesOf('DescribeTRTCMarketQualityData'))
  // "premium edition can query the last 30 days" (L5541–L5542)
  const { app, keys } = readMarket(p, ctx, 30)
  if (p.failure || !app) return fail(p.failure?.code ?? 'InternalError', p.failure?.message ?? '')
  const rows = keys.map((t) => {
    const join = figure(ctx.world, `js${app.sdkAppId}`, t, 95, 99)
    return [t, figure(ctx.world, `vf${app.sdkAppId}`, t, 0, 4), figure(ctx.world, `af${app.sdkAppId}`, t, 0, 2), figure(ctx.world, `nd${app.sdkAppId}`, t, 0, 3), join, Math.max(90, join - figure(ctx.world, `j5${app.sdkAppId}`, t, 0, 3))]
  })
  return done(series(['time', 'videoFreezeRate', 'audioFreezeRate', 'networkDelay', 'joinSuccessRate', 'joinSuccessIn5sRate'], rows))
}

// ---------------------------------------------------------------- usage

function timeKey(t: number): string {
  return new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ')
}

const USAGE_KEYS: Record<string, string[]> = {
  DescribeTrtcUsage: ['Audio', 'SD', 'HD', 'FullHD', '2K', '4K'], // L13871–L13885
  DescribeRecordingUsage: ['Audio', 'SD', 'HD', 'FullHD', '2K', '4K'], // L14109–L14123
  DescribeMixTranscodingUsage: ['Audio', 'SDH264', 'HDH264', 'FullHDH264', '2KH264', '4KH264', 'SDH265', 'HDH265', 'FullHDH265', '2KH265', '4KH265'], // L14341–L14365
  DescribeRelayUsage: ['Bandwidth'], // L14601–L14605
}

export function describeUsage(action: string, body: Record<string, unknown>, ctx: SimContext): Reply {
  const p = new Params(body, codesOf(action))
  const startText = p.str('StartTime')
  const endText = p.str('EndTime')
  const sdkAppId = p.optInt('SdkAppId', { invalid: 'InvalidParameter.SdkAppId' })
  const mixType = action === 'DescribeRecordingUsage' ? p.str('MixType') : undefined
  if (!p.failure && mixType !== undefined && mixType !== 'single' && mixType !== 'multi') p.reject('InvalidParameter', 'MixType must be "single" or "multi".') // L14040–L14042
  if (!p.failure && sdkAppId !== undefined && !findApp(ctx.world, sdkAppId)) p.reject('InvalidParameter.SdkAppId', `SDKAppID ${sdkAppId} does not belong to this account.`)
  let a = Date.parse(`${startText}T00:00:00Z`) / 1000
  let b = Date.parse(`${endText}T00:00:00Z`) / 1000
  if (!p.failure && (!/^\d{4}-\d{2}-\d{2}$/.test(startText) || !/^\d{4}-\d{2}-\d{2}$/.test(endText) || !Number.isFinite(a) || !Number.isFinite(b))) {
    p.reject('InvalidParameter', 'StartTime and EndTime must be YYYY-MM-DD.')
  }
  // The doc's own examples pass StartTime after EndTime (L13857–L13859), so the range is taken either way round.
  if (a > b) [a, b] = [b, a]
  // "The period queried per request cannot be longer than 31 days." (L13754–L13765)
  if (!p.failure && b - a > 31 * DAY) p.reject('InvalidParameter.QueryScaleOversize', 'The query period exceeds 31 days.')
  if (p.failure) return fail(p.failure.code, p.failure.message)
  const keys = USAGE_KEYS[action] ?? []
  const apps = sdkAppId === undefined ? ctx.world.apps.map((x) => x.sdkAppId) : [sdkAppId]
  // One day or less: five-minute points; longer: daily points (L13754–L13765).
  const step = b === a ? 300 : DAY
  const list: Record<string, unknown>[] = []
  for (let t = a; t < b + DAY && t <= ctx.now; t += step) {
    const scale = step === DAY ? 288 : 1
    list.push({
      TimeKey: timeKey(t),
      UsageValue: keys.map((k, i) => apps.reduce((sum, app) => sum + figure(ctx.world, `${action}${app}${k}${mixType ?? ''}`, t, 0, i === 0 ? 40 : 20) * scale, 0)),
    })
  }
  return done({ UsageKey: keys, UsageList: list })
}

export function describeTrtcRoomUsage(body: Record<string, unknown>, ctx: SimContext): Reply {
  const p = new Params(body, codesOf('DescribeTrtcRoomUsage'))
  // The parameter really is spelled SdkAppid here (L14720).
  const app = readApp(p, ctx, 'SdkAppid')
  const startText = p.str('StartTime')
  const endText = p.str('EndTime')
  const parse = (s: string): number => (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(s) ? Date.parse(`${s.replace(' ', 'T')}:00Z`) / 1000 : Number.NaN)
  const start = parse(startText)
  const end = parse(endText)
  if (!p.failure && (!Number.isFinite(start) || !Number.isFinite(end))) p.reject('InvalidParameter', 'StartTime and EndTime must be "YYYY-MM-DD HH:MM".')
  else if (!p.failure && end < start) p.reject('InvalidParameter', 'EndTime must not be earlier than StartTime.')
  // "The queried period cannot exceed 24 hours." (L14685–L14692)
  else if (!p.failure && end - start > DAY) p.reject('InvalidParameter', 'The queried period cannot exceed 24 hours.')
  if (p.failure || !app) return fail(p.failure?.code ?? 'InternalError', p.failure?.message ?? '')
  // Header row as in the doc example, lowercase "hd" included (L14755–L14799).
  const lines = ['RoomId,Audio,SD,hd,FullHD,2K,4K']
  const minutes = new Map<string, number[]>()
  for (const room of roomsInRange(ctx.world, app, start, end, ctx.now, ctx.overlay)) {
    const row = minutes.get(room.roomId) ?? [0, 0, 0, 0, 0, 0]
    for (const s of sessionsAt(ctx.world, room, ctx.overlay, Math.min(end, ctx.now))) {
      const secs = Math.max(0, Math.min(s.leaveTs, end, ctx.now) - Math.max(s.joinTs, start))
      const col = !s.hasVideo ? 0 : s.height <= 360 ? 1 : s.height <= 540 ? 2 : 3
      row[col] = (row[col] ?? 0) + secs / 60
    }
    minutes.set(room.roomId, row)
  }
  for (const [roomId, row] of minutes) lines.push([roomId, ...row.map((m) => Math.round(m))].join(','))
  return done({ Data: lines.join('\n') + '\n' })
}
