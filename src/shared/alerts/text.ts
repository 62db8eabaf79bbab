// Metric names and notification text in both UI languages. The renderer's catalogue takes the
// metric names from here, so the desktop notification and the in-app list say the same thing.
import { formatValue } from './format'
import type { Alert, AlertMetric, AlertScope } from './model'

export type AlertLocale = 'en' | 'zh-CN'

export const metricLabels: Record<AlertLocale, Record<AlertMetric, string>> = {
  en: {
    userCount: 'Online users',
    roomCount: 'Online rooms',
    videoFreezeRate: 'Video stutter rate',
    audioFreezeRate: 'Audio stutter rate',
    aLoss: 'Audio packet loss',
    bigvLoss: 'Video packet loss',
    aBit: 'Audio bitrate',
    bigvBit: 'Video bitrate',
    bigvEncFps: 'Sent frame rate',
    bigvDecFps: 'Rendered frame rate',
    aBlock: 'Audio stutter duration',
    bigvBlock: 'Video stutter duration',
    appCpu: 'App CPU',
    sysCpu: 'System CPU',
  },
  'zh-CN': {
    userCount: '在线用户数',
    roomCount: '在线房间数',
    videoFreezeRate: '视频卡顿率',
    audioFreezeRate: '音频卡顿率',
    aLoss: '音频丢包率',
    bigvLoss: '视频丢包率',
    aBit: '音频码率',
    bigvBit: '视频码率',
    bigvEncFps: '发送帧率',
    bigvDecFps: '渲染帧率',
    aBlock: '音频卡顿时长',
    bigvBlock: '视频卡顿时长',
    appCpu: '应用 CPU',
    sysCpu: '系统 CPU',
  },
}

function where(s: AlertScope, vip: boolean, zh: boolean): string {
  if (s.kind === 'app') return vip ? (zh ? `应用 ${s.sdkAppId} 的任一进行中的房间` : `any live room of app ${s.sdkAppId}`) : zh ? `应用 ${s.sdkAppId}` : `app ${s.sdkAppId}`
  if (s.kind === 'room') return zh ? `房间 ${s.roomId}` : `room ${s.roomId}`
  return zh ? `房间 ${s.roomId} 的用户 ${s.userId}` : `user ${s.userId} in room ${s.roomId}`
}

/** The desktop notification of an alert. */
export function notificationText(a: Alert, locale: AlertLocale): { title: string; body: string } {
  const zh = locale === 'zh-CN'
  if (a.kind === 'vip') {
    const place = where(a.scope, true, zh)
    const body = a.vipReason === 'left' ? (zh ? `VIP ${a.userId} 已离开${place}。` : `VIP ${a.userId} left ${place}.`) : zh ? `VIP ${a.userId} 不在${place}。` : `VIP ${a.userId} is not in ${place}.`
    return { title: a.ruleName, body }
  }
  const metric = a.metric ? metricLabels[locale][a.metric] : ''
  return { title: a.ruleName, body: `${metric} ${formatValue(a.metric, a.value ?? 0)} ${a.comparator ?? ''} ${formatValue(a.metric, a.threshold ?? 0)} — ${where(a.scope, false, zh)}` }
}

/** The language the UI shows: the setting, or the OS's first English or Chinese locale (as the renderer picks it). */
export function alertLocale(setting: 'system' | AlertLocale, systemLocales: readonly string[]): AlertLocale {
  if (setting !== 'system') return setting
  const first = systemLocales.find((l) => /^(en|zh)\b/i.test(l))
  return first && /^zh\b/i.test(first) ? 'zh-CN' : 'en'
}
