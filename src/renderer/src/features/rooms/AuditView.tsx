import { useEffect, useMemo, useState } from 'react'
import { useStore, type StoreApi } from 'zustand'
import type { AuditEntry } from '../../../../shared/contract/contract'
import { useApp, useT } from '../shell/context'
import { selectLocale } from '../shell/appStore'
import { formatTime } from './format'
import { sayModeration } from './say'
import { csvCell } from './format'
import type { RoomsState } from './roomsStore'
import { download } from '../../components/download'

const columns = ['time', 'profile', 'sdkAppId', 'roomId', 'roomIdType', 'action', 'apiAction', 'isMute', 'durationS', 'userIds', 'taskId', 'streamUrl', 'volume', 'paused', 'result', 'message', 'requestId', 'tencentCode'] as const

export function AuditView(props: { store: StoreApi<RoomsState> }) {
  const t = useT()
  const locale = useApp(selectLocale)
  /** What was done, in a sentence: "Blocked audio of zoe0_4288 for 30 min". */
  const said = (e: AuditEntry): string => (e.result === 'torn' ? '—' : sayModeration(t, e))
  const entries = useStore(props.store, (s) => s.audit)
  const load = useStore(props.store, (s) => s.auditRequested)
  const [query, setQuery] = useState('')
  useEffect(() => {
    void load()
  }, [load])
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase()
    return q ? entries.filter((e) => [e.roomId, e.action, e.apiAction, e.result, ...e.userIds].some((v) => v.toLowerCase().includes(q))) : entries
  }, [entries, query])
  const exportCsv = () => {
    const lines = [columns.join(','), ...shown.map((e) => columns.map((c) => csvCell(c === 'userIds' ? e.userIds.join(' ') : e[c])).join(','))]
    download('trtc-moderation-audit.csv', new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }))
  }
  return (
    <div className="card" data-testid="audit-view">
      <div className="toolbar">
        <h2>{t('audit.title')}</h2>
        <span className="spacer" />
        <input type="search" placeholder={t('audit.filter')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="button" className="button" onClick={exportCsv} disabled={shown.length === 0} data-testid="audit-export">
          {t('audit.export')}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <div className="users-scroll">
          <table className="grid" data-testid="audit-table">
            <thead>
              <tr>
                <th>{t('audit.col.time')}</th>
                <th>{t('audit.col.profile')}</th>
                <th>{t('audit.col.room')}</th>
                <th>{t('audit.col.action')}</th>
                <th>{t('audit.col.result')}</th>
                <th>{t('audit.col.details')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e, i) => (
                <tr key={i} data-testid="audit-row">
                  <td>{e.time ? formatTime(Date.parse(e.time) / 1000, false, locale) : '—'}</td>
                  <td>{e.profile}</td>
                  <td className="mono">{e.roomId}</td>
                  <td data-testid="audit-said">{said(e)}</td>
                  <td className={e.result === 'ok' ? 'ok' : 'fail'} data-result={e.result}>
                    {e.result === 'ok' ? t('audit.done') : e.result === 'torn' ? `${t('audit.torn')} ${e.message ?? ''}` : t('audit.failed', { message: e.message ?? e.result })}
                  </td>
                  <td className="small">
                    {e.apiAction && (
                      <details>
                        <summary>{t('audit.details')}</summary>
                        <span className="mono">
                          {e.apiAction}
                          {e.isMute !== undefined ? ` (IsMute ${e.isMute})` : ''} · {e.userIds.join(', ') || '—'} · RequestId {e.requestId ?? '—'}
                          {e.tencentCode ? ` · ${e.tencentCode}` : ''}
                        </span>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
