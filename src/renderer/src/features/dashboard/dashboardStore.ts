// The live dashboard in the renderer: main owns the polling and pushes snapshots; this store keeps
// the latest one, sends intents, and holds the on-demand market and usage answers with their
// ranges. Made by a factory so tests pass their own api and clock.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Api } from '../../../../shared/contract/client'
import {
  lastDays,
  marketRangeProblem,
  usageRangeProblem,
  type DashboardSnapshot,
  type DateRange,
  type MarketResult,
  type Panel,
  type RangeProblem,
  type RoomUsage,
  type UsageResult,
} from '../../../../shared/dashboard/dashboard'
import type { AppError } from '../../../../shared/errors'

export type MarketPeriod = 'd' | 'h'

export interface DashboardState {
  snapshot: DashboardSnapshot | null
  /** Why the last intent failed (no profile, wrong app…); panel failures live in the snapshot. */
  error: AppError | null
  marketRange: DateRange
  marketPeriod: MarketPeriod
  market: MarketResult | null
  /** The request `market` answers, so earlier data is kept only for the same question. */
  marketKey: string | null
  marketLoading: boolean
  marketError: AppError | null
  usageRange: DateRange
  usage: UsageResult | null
  usageKey: string | null
  usageLoading: boolean
  usageError: AppError | null
  /** UTC day of the usage-by-room table. */
  roomUsageDate: string
  roomUsage: Panel<RoomUsage> | null
  roomUsageLoading: boolean
  roomUsageError: AppError | null
  snapshotPushed(s: DashboardSnapshot): void
  appSelected(sdkAppId: number): Promise<void>
  left(): Promise<void>
  pauseToggled(): Promise<void>
  refreshChosen(seconds: number): Promise<void>
  spanChosen(seconds: number): Promise<void>
  refreshRequested(): Promise<void>
  marketRangeChanged(r: Partial<DateRange>): void
  marketPeriodChanged(p: MarketPeriod): void
  marketRequested(): Promise<void>
  usageRangeChanged(r: Partial<DateRange>): void
  usageRequested(): Promise<void>
  roomUsageDateChanged(date: string): void
  roomUsageRequested(): Promise<void>
}

/** A problem with the chosen market range that both market APIs share; the quality-only limit is shown on its panel. */
export function selectMarketProblem(s: DashboardState, nowS: number): RangeProblem | null {
  return marketRangeProblem(s.marketRange, nowS, 'scale')
}
export function selectUsageProblem(s: DashboardState, nowS: number): RangeProblem | null {
  return usageRangeProblem(s.usageRange, nowS)
}

export function createDashboardStore(deps: { api: Api; now: () => number }): StoreApi<DashboardState> {
  const nowS = () => Math.floor(deps.now() / 1000)
  return createStore<DashboardState>((set, get) => {
    const apply = (r: Awaited<ReturnType<Api['dashboard.pause']>>): void => {
      if (r.ok) set({ snapshot: r.value, error: null })
      else set({ error: r.error })
    }
    const appOf = (): number | null => get().snapshot?.sdkAppId ?? null
    return {
      snapshot: null,
      error: null,
      marketRange: lastDays(nowS(), 7),
      marketPeriod: 'd',
      market: null,
      marketKey: null,
      marketLoading: false,
      marketError: null,
      usageRange: lastDays(nowS(), 7),
      usage: null,
      usageKey: null,
      usageLoading: false,
      usageError: null,
      roomUsageDate: lastDays(nowS(), 1).endDate,
      roomUsage: null,
      roomUsageLoading: false,
      roomUsageError: null,

      snapshotPushed: (snapshot) => set({ snapshot }),

      async appSelected(sdkAppId) {
        const changed = appOf() !== sdkAppId
        apply(await deps.api['dashboard.start']({ sdkAppId }))
        if (changed && get().snapshot?.sdkAppId === sdkAppId) {
          set({ market: null, marketKey: null, usage: null, usageKey: null, marketError: null, usageError: null, roomUsage: null, roomUsageError: null })
          await Promise.all([get().marketRequested(), get().usageRequested()])
        }
      },
      async left() {
        await deps.api['dashboard.stop']()
      },
      async pauseToggled() {
        apply(await deps.api['dashboard.pause']({ paused: !(get().snapshot?.paused ?? false) }))
      },
      async refreshChosen(seconds) {
        apply(await deps.api['dashboard.configure']({ refreshS: seconds }))
      },
      async spanChosen(seconds) {
        apply(await deps.api['dashboard.configure']({ spanS: seconds as 600 | 1800 | 3600 }))
      },
      async refreshRequested() {
        apply(await deps.api['dashboard.refresh']())
      },

      marketRangeChanged: (r) => set({ marketRange: { ...get().marketRange, ...r } }),
      marketPeriodChanged: (marketPeriod) => set({ marketPeriod }),
      async marketRequested() {
        const sdkAppId = appOf()
        if (sdkAppId === null || selectMarketProblem(get(), nowS()) !== null) return
        set({ marketLoading: true })
        const req = { sdkAppId, ...get().marketRange, period: get().marketPeriod }
        const key = JSON.stringify(req)
        const r = await deps.api['dashboard.market'](req)
        if (appOf() !== sdkAppId) return set({ marketLoading: false })
        // A failed panel keeps the data it had: only fresh data replaces old data.
        if (r.ok) {
          const prev = get().marketKey === key ? get().market : null
          const keep = <K extends keyof MarketResult>(k: K): MarketResult[K] =>
            r.value[k].data === null && prev?.[k].data ? { ...r.value[k], data: prev[k].data, updatedAt: prev[k].updatedAt } : r.value[k]
          set({ market: { scale: keep('scale'), quality: keep('quality') }, marketKey: key, marketError: null, marketLoading: false })
        } else set({ marketError: r.error, marketLoading: false })
      },

      usageRangeChanged: (r) => set({ usageRange: { ...get().usageRange, ...r } }),
      async usageRequested() {
        const sdkAppId = appOf()
        if (sdkAppId === null || selectUsageProblem(get(), nowS()) !== null) return
        set({ usageLoading: true })
        const req = { sdkAppId, ...get().usageRange }
        const key = JSON.stringify(req)
        const r = await deps.api['dashboard.usage'](req)
        if (appOf() !== sdkAppId) return set({ usageLoading: false })
        if (r.ok) {
          const prev = get().usageKey === key ? get().usage : null
          const next = { ...r.value }
          for (const k of Object.keys(next) as Array<keyof UsageResult>) {
            const old = prev?.[k]
            if (next[k].data === null && old?.data) next[k] = { ...next[k], data: old.data, updatedAt: old.updatedAt }
          }
          set({ usage: next, usageKey: key, usageError: null, usageLoading: false })
        } else set({ usageError: r.error, usageLoading: false })
      },

      roomUsageDateChanged: (roomUsageDate) => set({ roomUsageDate }),
      async roomUsageRequested() {
        const sdkAppId = appOf()
        if (sdkAppId === null || !get().roomUsageDate) return
        set({ roomUsageLoading: true })
        // One call per 15 s (003_530a54cf0f8c0df7.txt L14692): main's budget queues a second click.
        const r = await deps.api['dashboard.roomUsage']({ sdkAppId, date: get().roomUsageDate })
        if (appOf() !== sdkAppId) return set({ roomUsageLoading: false })
        if (r.ok) set({ roomUsage: r.value, roomUsageError: null, roomUsageLoading: false })
        else set({ roomUsageError: r.error, roomUsageLoading: false })
      },
    }
  })
}
