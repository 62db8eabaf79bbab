// What an alert rule can watch, per scope, and the unit of each metric. No zod here: the window's
// first screen lists these (the alerts panel in the header) and should not load the schema library.

/**
 * What each scope can be measured by, from the APIs the poller calls:
 * - app / room: DescribeTRTCRealTimeScaleData (userCount, roomCount, 003_530a54cf0f8c0df7.txt L4033–L4043)
 *   and DescribeTRTCRealTimeQualityData (videoFreezeRate, audioFreezeRate, L4642–L4657); both take an
 *   optional RoomId, so a room is measured the same way as its app.
 * - user: DescribeCallDetailInfo DataType values (L11938–L11957): packet loss in %, bitrates in bps,
 *   frame rates, stutter durations in ms, CPU in %.
 */
export const appMetrics = ['userCount', 'roomCount', 'videoFreezeRate', 'audioFreezeRate'] as const
export const roomMetrics = ['userCount', 'videoFreezeRate', 'audioFreezeRate'] as const
export const userMetrics = ['aLoss', 'bigvLoss', 'aBit', 'bigvBit', 'bigvEncFps', 'bigvDecFps', 'aBlock', 'bigvBlock', 'appCpu', 'sysCpu'] as const

export const metricNames = [...new Set([...appMetrics, ...roomMetrics, ...userMetrics])] as [AlertMetric, ...AlertMetric[]]
export type AlertMetric = (typeof appMetrics)[number] | (typeof roomMetrics)[number] | (typeof userMetrics)[number]
export type ScopeKind = 'app' | 'room' | 'user'

export function metricsFor(kind: ScopeKind): readonly AlertMetric[] {
  return kind === 'app' ? appMetrics : kind === 'room' ? roomMetrics : userMetrics
}

/** How a metric is written next to its value. */
export const metricUnits: Record<AlertMetric, '' | '%' | 'bps' | 'fps' | 'ms'> = {
  userCount: '',
  roomCount: '',
  videoFreezeRate: '%',
  audioFreezeRate: '%',
  aLoss: '%',
  bigvLoss: '%',
  aBit: 'bps',
  bigvBit: 'bps',
  bigvEncFps: 'fps',
  bigvDecFps: 'fps',
  aBlock: 'ms',
  bigvBlock: 'ms',
  appCpu: '%',
  sysCpu: '%',
}
