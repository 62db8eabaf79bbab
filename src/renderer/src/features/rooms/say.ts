// What a moderation call did, in a sentence ("Blocked audio of zoe0_4288 for 30 min"), for the
// outcomes under a room and the audit log alike.
import type { MessageKey } from '../../i18n/i18n'
import './tasksMessages'

type T = (key: MessageKey, params?: Record<string, string | number>) => string

export interface Said {
  /** 'remove' | 'block' | 'dismiss', or the API action (RemoveUser…, SetUserBlocked…, DismissRoom…). */
  action: string
  isMute?: number
  userIds: string[]
  /** A timed block: seconds until the automatic unblock. */
  durationS?: number
  /** Media played into the room: its source, volume and pause as sent. */
  streamUrl?: string
  volume?: number
  paused?: boolean
}

const taskActions = ['inject', 'injectUpdate', 'injectStop', 'transcribe', 'converse', 'aiStop'] as const

export function sayModeration(t: T, e: Said): string {
  const users = e.userIds.join(', ')
  const task = taskActions.find((a) => a === e.action)
  if (task) {
    const said = t(`audit.say.${task}`, { users, url: e.streamUrl ?? '' })
    if (task !== 'injectUpdate') return said
    const changes = [
      e.streamUrl !== undefined ? t('audit.say.source', { url: e.streamUrl }) : null,
      e.volume !== undefined ? t('audit.say.volume', { n: e.volume }) : null,
      e.paused !== undefined ? t(e.paused ? 'audit.say.paused' : 'audit.say.resumed') : null,
    ].filter((c) => c !== null)
    return changes.length ? `${said}: ${changes.join(', ')}` : said
  }
  if (/^dismiss/i.test(e.action)) return t('audit.say.dismiss')
  if (/^remove/i.test(e.action)) return t('audit.say.remove', { users })
  const mute = (e.isMute ?? 1) as 0 | 1 | 2 | 3
  if (mute !== 0 && e.durationS) return t(`audit.say.block.${mute}.timed`, { users, duration: sayDuration(t, e.durationS) })
  return t(`audit.say.block.${mute}`, { users })
}

/** 30 min, 4 h, 1 h 30 min. */
export function sayDuration(t: T, seconds: number): string {
  const m = Math.max(1, Math.round(seconds / 60))
  const h = Math.floor(m / 60)
  if (h === 0) return t('audit.dur.min', { n: m })
  return m % 60 === 0 ? t('audit.dur.h', { n: h }) : `${t('audit.dur.h', { n: h })} ${t('audit.dur.min', { n: m % 60 })}`
}
