import { describe, expect, it } from 'vitest'
import {
  callsPerSecond,
  CALLS_PER_REFRESH,
  clampRefresh,
  lastDays,
  latestOf,
  marketRangeProblem,
  parseRoomUsageCsv,
  roomUsageWindow,
  MARKET_QUALITY_COLUMNS,
  REALTIME_MARGIN_S,
  REALTIME_MAX_SPAN_S,
  REALTIME_RATE_PER_S,
  realtimeWindow,
  REFRESH_CHOICES_S,
  REFRESH_DEFAULT_S,
  REFRESH_MIN_S,
  seriesFromData,
  usageRangeProblem,
  usageRegionFor,
  usageSeries,
} from './dashboard'

const NOW = Date.parse('2026-11-30T12:00:00Z') / 1000

describe('polling budget', () => {
  it('keeps every offered interval inside the bounds and the default among them', () => {
    expect(REFRESH_CHOICES_S).toContain(REFRESH_DEFAULT_S)
    for (const s of REFRESH_CHOICES_S) expect(clampRefresh(s)).toBe(s)
    expect(clampRefresh(1)).toBe(REFRESH_MIN_S)
    expect(clampRefresh(10_000)).toBe(300)
    expect(clampRefresh(Number.NaN)).toBe(REFRESH_DEFAULT_S)
    expect(clampRefresh(20.4)).toBe(20)
  })

  it('never asks an action for more than a small share of its documented 20/s, even with ten windows open', () => {
    const worst = callsPerSecond(1) * 10
    expect(worst).toBeLessThanOrEqual(REALTIME_RATE_PER_S * 0.05)
    // Rows are 10 s apart (L4105–L4595): the minimum does not poll faster than new rows appear.
    expect(REFRESH_MIN_S).toBeGreaterThanOrEqual(10)
    expect(CALLS_PER_REFRESH * callsPerSecond(REFRESH_DEFAULT_S)).toBeCloseTo(0.1)
  })
})

describe('real-time window', () => {
  it('ends now and spans at most the hour both APIs document', () => {
    expect(realtimeWindow(NOW + 0.7, 600)).toEqual({ startTime: NOW - 600, endTime: NOW })
    expect(realtimeWindow(NOW, 12 * 3600)).toEqual({ startTime: NOW - REALTIME_MAX_SPAN_S + REALTIME_MARGIN_S, endTime: NOW })
    expect(realtimeWindow(NOW, 3600).endTime - realtimeWindow(NOW, 3600).startTime).toBeLessThan(REALTIME_MAX_SPAN_S)
    expect(realtimeWindow(NOW, 5).endTime - realtimeWindow(NOW, 5).startTime).toBe(60)
  })
})

describe('series mapping', () => {
  it('aligns columns, sorts rows by time, keeps the later duplicate and turns junk into gaps', () => {
    const s = seriesFromData({
      StatementID: 0,
      Total: 1,
      Series: [
        {
          Columns: ['time', 'userCount', 'roomCount'],
          Values: [{ RowValue: [1695711360, 23, 19] }, { RowValue: [1695711350, 22, 18] }, { RowValue: [1695711360, 24, Number.NaN] }, { RowValue: [] }],
        },
      ],
    })
    expect(s).toEqual({ times: [1695711350, 1695711360], columns: ['userCount', 'roomCount'], values: [[22, 24], [18, null]] })
    expect(latestOf(s, 'roomCount')).toBe(18)
    expect(latestOf(s, 'nothing')).toBeNull()
  })

  it('names the doc example’s repeated joinSuccessRate column joinSuccessIn5sRate (L5664–L5666)', () => {
    const s = seriesFromData(
      {
        StatementID: 0,
        Total: 1,
        Series: [{ Columns: ['time', 'videoFreezeRate', 'audioFreezeRate', 'networkDelay', 'joinSuccessRate', 'joinSuccessRate'], Values: [{ RowValue: [1664553600, 2, 0, 0, 97, 95] }] }],
      },
      MARKET_QUALITY_COLUMNS,
    )
    expect(s.columns).toEqual(['videoFreezeRate', 'audioFreezeRate', 'networkDelay', 'joinSuccessRate', 'joinSuccessIn5sRate'])
    expect(latestOf(s, 'joinSuccessIn5sRate')).toBe(95)
  })

  it('gives an empty series for an empty or missing answer', () => {
    expect(seriesFromData(undefined).times).toEqual([])
    expect(seriesFromData({ StatementID: 0, Total: 1, Series: [] }).columns).toEqual([])
  })

  it('maps usage to per-key columns with totals, in time order', () => {
    const u = usageSeries({
      UsageKey: ['Audio', 'SD'],
      UsageList: [
        { TimeKey: '2022-01-02 00:00:00', UsageValue: [10, 20] },
        { TimeKey: '2022-01-01 00:00:00', UsageValue: [1, 2] },
        { TimeKey: 'garbage', UsageValue: [100, 100] },
      ],
    })
    expect(u.keys).toEqual(['Audio', 'SD'])
    expect(u.times).toEqual([Date.parse('2022-01-01T00:00:00Z') / 1000, Date.parse('2022-01-02T00:00:00Z') / 1000])
    expect(u.values).toEqual([[1, 10], [2, 20]])
    expect(u.totals).toEqual([11, 22])
    expect(u.stepS).toBe(86_400)
  })
})

describe('date ranges', () => {
  it('market scale reaches back 60 days, quality 30 (L5263–L5264, L5541–L5542)', () => {
    const r = { startDate: '2026-10-10', endDate: '2026-11-30' }
    expect(marketRangeProblem(r, NOW, 'scale')).toBeNull()
    expect(marketRangeProblem(r, NOW, 'quality')).toBe('tooOld')
    expect(marketRangeProblem({ startDate: '2026-11-30', endDate: '2026-11-29' }, NOW, 'scale')).toBe('order')
    expect(marketRangeProblem({ startDate: '2026-12-01', endDate: '2026-12-02' }, NOW, 'scale')).toBe('future')
    expect(marketRangeProblem({ startDate: '2026-02-30', endDate: '2026-03-01' }, NOW, 'scale')).toBe('format')
  })

  it('usage periods are at most 31 days (L13754–L13765)', () => {
    expect(usageRangeProblem({ startDate: '2026-10-31', endDate: '2026-11-30' }, NOW)).toBeNull()
    expect(usageRangeProblem({ startDate: '2026-10-30', endDate: '2026-11-30' }, NOW)).toBe('tooLong')
    expect(usageRangeProblem(lastDays(NOW, 7), NOW)).toBeNull()
    expect(lastDays(NOW, 7)).toEqual({ startDate: '2026-11-24', endDate: '2026-11-30' })
  })

  it('sends usage calls only to the two regions that serve them (L13797–L13799)', () => {
    expect(usageRegionFor('ap-singapore')).toBe('ap-singapore')
    expect(usageRegionFor('ap-beijing')).toBe('ap-guangzhou')
    expect(usageRegionFor('na-toronto')).toBe('ap-singapore')
  })
})

describe('usage by room', () => {
  it('reads the doc example CSV, naming its lower-case hd column HD (L14789)', () => {
    const u = parseRoomUsageCsv('RoomId,Audio,SD,hd,FullHD,2K,4K\ntest_room,1,2,3,4,5,6\n')
    expect(u.columns).toEqual(['Audio', 'SD', 'HD', 'FullHD', '2K', '4K'])
    expect(u.rows).toEqual([{ roomId: 'test_room', minutes: [1, 2, 3, 4, 5, 6], total: 21 }])
  })

  it('keeps quoted room IDs with commas and quotes, sorts by minutes and reads junk as 0', () => {
    const u = parseRoomUsageCsv('RoomId,Audio,SD\r\n"a,b ""x""",1,1\r\nsmall,x,1\r\n\r\nbig,10,5\r\n')
    expect(u.rows.map((r) => r.roomId)).toEqual(['big', 'a,b "x"', 'small'])
    expect(u.rows[2]!.minutes).toEqual([0, 1])
    expect(parseRoomUsageCsv('').rows).toEqual([])
  })

  it('queries one UTC day by the minute, cut at now for today, never 24 hours or more (L14685–L14737)', () => {
    expect(roomUsageWindow('2026-11-29', NOW)).toEqual({ startTime: '2026-11-29 00:00', endTime: '2026-11-29 23:59' })
    expect(roomUsageWindow('2026-11-30', NOW + 59)).toEqual({ startTime: '2026-11-30 00:00', endTime: '2026-11-30 12:00' })
    expect(roomUsageWindow('2026-12-01', NOW)).toBeNull()
    expect(roomUsageWindow('nope', NOW)).toBeNull()
  })
})
