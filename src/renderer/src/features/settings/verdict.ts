// A connection test's verdict in the UI language: main reports its kind (and, for network and
// other failures, what happened); the words are the renderer's.
import type { ConnectionVerdictView } from '../../../../shared/contract/contract'
import { errorText, type MessageKey } from '../../i18n/i18n'

type T = (key: MessageKey, params?: Record<string, string | number>) => string

export function verdictText(t: T, v: ConnectionVerdictView): string {
  const seconds = Math.round(Math.abs(v.skewMs) / 1000)
  const base = t(`profile.verdict.${v.kind}`, { seconds, detail: v.error ? errorText(t, v.error) : '' })
  const note = v.kind === 'ok' && Math.abs(v.skewMs) > 60_000 ? t('profile.verdict.skewNote', { seconds }) : ''
  return `${base}${note}${v.requestId ? ` (RequestId ${v.requestId})` : ''}`
}
