import { useEffect, useState } from 'react'
import { api } from '../../api'
import type { RequestLogView } from '../../../../shared/contract/contract'
import { useT } from '../shell/context'

export function RequestLogCard() {
  const t = useT()
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
            <table className="grid">
              <thead>
                <tr>
                  <th>{t('log.col.time')}</th>
                  <th>{t('log.col.action')}</th>
                  <th>{t('log.col.region')}</th>
                  <th>{t('log.col.duration')}</th>
                  <th>{t('log.col.outcome')}</th>
                  <th>{t('log.col.retries')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} className={selected?.id === e.id ? 'selected' : ''} onClick={() => setSelected(e)} data-testid="log-row">
                    <td>{new Date(e.time).toLocaleTimeString()}</td>
                    <td className="mono">{e.action}</td>
                    <td>{e.region ?? '—'}</td>
                    <td className="mono">{e.durationMs}</td>
                    <td className={e.outcome === 'ok' ? 'ok' : 'fail'}>{e.outcome === 'ok' ? 'OK' : `${e.outcome}${e.tencentCode ? ` (${e.tencentCode})` : ''}`}</td>
                    <td className="mono">{e.retries}</td>
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
