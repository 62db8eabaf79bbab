import { useEffect, useMemo, useState } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { useT } from '../shell/context'
import { csvCell } from './format'
import type { RoomsState } from './roomsStore'
import { download } from '../../components/download'

const columns = ['time', 'profile', 'sdkAppId', 'roomId', 'roomIdType', 'action', 'apiAction', 'isMute', 'userIds', 'result', 'message', 'requestId', 'tencentCode'] as const

export function AuditView(props: { store: StoreApi<RoomsState> }) {
  const t = useT()
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
                <th>{t('audit.col.users')}</th>
                <th>{t('audit.col.result')}</th>
                <th>{t('audit.col.requestId')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e, i) => (
                <tr key={i} data-testid="audit-row">
                  <td>{e.time.replace('T', ' ').slice(0, 19)}</td>
                  <td>{e.profile}</td>
                  <td className="mono">{e.roomId}</td>
                  <td className="mono">{e.apiAction}{e.isMute !== undefined ? ` (IsMute ${e.isMute})` : ''}</td>
                  <td className="mono">{e.userIds.join(', ')}</td>
                  <td className={e.result === 'ok' ? 'ok' : 'fail'} data-result={e.result}>
                    {e.result === 'ok' ? 'OK' : e.result === 'torn' ? `${t('audit.torn')} ${e.message ?? ''}` : `${e.result}: ${e.message ?? ''}`}
                  </td>
                  <td className="mono small">{e.requestId ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
