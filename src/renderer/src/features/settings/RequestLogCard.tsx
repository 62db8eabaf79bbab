import { useEffect, useState } from 'react'
import { api } from '../../api'
import type { RequestLogView } from '../../../../shared/contract/contract'
import { useApp, useT } from '../shell/context'
import { selectLocale } from '../shell/appStore'

export function RequestLogCard() {
  const t = useT()
  const locale = useApp(selectLocale)
  const [entries, setEntries] = useState<RequestLogView[]>([])
  const [selected, setSelected] = useState<RequestLogView | null>(null)
  const [copied, setCopied] = useState(false)
  const load = async () => {
    const r = await api['cloud.requestLog']()
    if (r.ok) setEntries(r.value)
  }
  useEffect(() => {
    void api['cloud.requestLog']().then((r) => r.ok && setEntries(r.value))
  }, [])
  return (
    <div className="card" data-testid="request-log">
      <div className="toolbar">
        <h2>{t('log.title')}</h2>
        <span className="spacer" />
        <button type="button" className="button" onClick={() => void load()}>{t('log.refresh')}</button>
      </div>
      {entries.length === 0 ? (
        <p className="muted">{t('log.empty')}</p>
      ) : (
        <div className="log-grid">
          <div className="users-scroll log-list">
            {/* Four columns that fit beside the detail: the region sits under the action, retries after the time taken. */}
            <table className="grid log-table">
              <colgroup>
                <col style={{ width: 88 }} />
                <col />
                <col style={{ width: 64 }} />
                <col style={{ width: 96 }} />
              </colgroup>
              <thead>
                <tr>
                  <th>{t('log.col.time')}</th>
                  <th>{t('log.col.action')}</th>
                  <th>{t('log.col.duration')}</th>
                  <th>{t('log.col.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} className={selected?.id === e.id ? 'selected' : ''} onClick={() => setSelected(e)} data-testid="log-row">
                    <td className="mono">{new Date(e.time).toLocaleTimeString(locale, { hour12: false })}</td>
                    <td className="ellipsis" title={`${e.action} · ${e.region ?? '—'}`}>
                      <span className="mono">{e.action}</span>
                      {e.region && <span className="muted small"> · {e.region}</span>}
                      {e.origin === 'console' && (
                        <span className="pill log-origin" data-testid="log-origin-console">
                          {t('log.fromConsole')}
                        </span>
                      )}
                    </td>
                    <td className="mono" title={t('log.col.retries') + ': ' + e.retries}>
                      {e.durationMs}
                      {e.retries > 0 && <span className="muted"> +{e.retries}</span>}
                    </td>
                    <td className={`ellipsis ${e.outcome === 'ok' ? 'ok' : 'fail'}`} title={e.outcome === 'ok' ? undefined : `${e.outcome}${e.tencentCode ? ` (${e.tencentCode})` : ''}`}>
                      {e.outcome === 'ok' ? t('log.ok') : (e.tencentCode ?? e.outcome)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {selected && (
            <div className="log-detail" data-testid="log-detail">
              <p className="small muted">
                {selected.host} · RequestId <span className="mono">{selected.requestId ?? '—'}</span> · {selected.secretIdHint}
              </p>
              <h3>{t('log.canonical')}</h3>
              <pre className="code">{selected.canonicalRequest}</pre>
              <h3>{t('log.stringToSign')}</h3>
              <pre className="code">{selected.stringToSign}</pre>
              <pre className="code">{selected.authorization}</pre>
              <h3>{t('log.payload')}</h3>
              <pre className="code">{selected.payload}</pre>
              <button
                type="button"
                className="button"
                onClick={() => {
                  void navigator.clipboard.writeText(selected.tccli).then(() => setCopied(true))
                  setTimeout(() => setCopied(false), 1500)
                }}
                data-testid="log-copy-tccli"
              >
                {copied ? t('log.copied') : t('log.copyTccli')}
              </button>
              <pre className="code" data-testid="log-tccli">{selected.tccli}</pre>
            </div>
          )}
        </div>
      )}
    </div>
  )
}
