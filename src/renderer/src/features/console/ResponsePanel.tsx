// What Tencent Cloud answered the call shown, and this session's calls to load again.
import { useState } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import { useStore } from 'zustand'
import type { AppError } from '../../../../shared/errors'
import { en as appEn, errorText, type MessageKey } from '../../i18n/i18n'
import { useApp } from '../shell/context'
import type { ConsoleCall, ConsoleState } from './consoleStore'
import { useConsoleT } from './text'
import { Detail, formatParam, Words } from './Words'

const isAppKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(appEn, key)

/** The catalogue's sentence for a Tencent Cloud code: its own, else its class's (`InvalidParameter.Foo` → `InvalidParameter`). */
function codeMeaning(code: string): MessageKey | null {
  for (let key = code; ; key = key.slice(0, key.lastIndexOf('.'))) {
    if (isAppKey(`err.tc.${key}`)) return `err.tc.${key}` as MessageKey
    if (!key.includes('.')) return null
  }
}

function summaryOf(response: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(response).filter(([k]) => k !== 'RequestId')
}

function ErrorView({ error, elapsedMs }: { error: AppError; elapsedMs: number }) {
  const { t, locale } = useConsoleT()
  const meaning = error.tencentCode ? codeMeaning(error.tencentCode) : null
  const headline = errorText(t, { say: error.say })
  const meaningText = meaning ? t(meaning) : null
  return (
    <div className="console-error" data-testid="console-error" role="alert">
      <p className="console-error-headline">{headline}</p>
      {error.cloudSays && (
        <p className="small">
          <Words k="console.cloudSays" params={{ text: error.cloudSays }} />
        </p>
      )}
      <dl className="kv compact">
        <Detail label={t('console.errorCode')} value={error.tencentCode} code testId="console-error-code" />
        <div>
          <dt translate="no">RequestId</dt>
          <dd translate="no" data-testid="console-error-request-id">
            {error.requestId ?? '—'}
          </dd>
        </div>
        <div>
          <dt>{t('console.durationLabel')}</dt>
          <dd>{t('console.duration', { ms: formatParam(locale, elapsedMs) })}</dd>
        </div>
      </dl>
      {error.tencentCode ? (
        <div className="console-meaning" data-testid="console-error-meaning">
          <h3>{t('console.errorMeaning')}</h3>
          <p>{meaningText && meaningText !== headline ? meaningText : t(`err.code.${error.code}`)}</p>
        </div>
      ) : (
        <p className="muted small">{error.code === 'request.invalid' ? t('console.notSent') : t(`err.code.${error.code}`)}</p>
      )}
    </div>
  )
}

function Answer({ call }: { call: ConsoleCall }) {
  const { t, locale } = useConsoleT()
  const [copied, setCopied] = useState(false)
  const r = call.result
  return (
    <div className="console-answer" data-testid="console-response">
      <div className="console-answer-head">
        <span className={`pill ${r.ok ? 'ok-pill' : 'warn'}`} data-testid="console-outcome">
          {t(r.ok ? 'console.ok' : 'console.failed')}
        </span>
        <code translate="no">{call.action}</code>
        {call.region && (
          <span className="muted small" translate="no">
            {call.region}
          </span>
        )}
        {r.ok && <span className="muted small">{t('console.duration', { ms: formatParam(locale, r.value.durationMs) })}</span>}
      </div>
      {r.ok ? (
        <>
          <dl className="kv compact">
            <div>
              <dt translate="no" className="mono">
                RequestId
              </dt>
              <dd translate="no" data-testid="console-request-id">
                {r.value.requestId}
              </dd>
            </div>
            {summaryOf(r.value.response).map(([k, v]) => (
              <div key={k} data-testid="console-summary">
                <dt translate="no" className="mono">
                  {k}
                </dt>
                <dd translate={Array.isArray(v) ? undefined : 'no'}>
                  {Array.isArray(v) ? t('console.rows', { count: formatParam(locale, v.length) }) : typeof v === 'object' && v !== null ? '{…}' : JSON.stringify(v)}
                </dd>
              </div>
            ))}
          </dl>
          <pre className="code console-json-out" data-testid="console-response-json">
            {JSON.stringify(r.value.response, null, 2)}
          </pre>
          <div>
            <button
              type="button"
              className="button"
              onClick={() =>
                void navigator.clipboard.writeText(JSON.stringify(r.value.response, null, 2)).then(() => {
                  setCopied(true)
                  setTimeout(() => setCopied(false), 1500)
                }, () => undefined)
              }
              data-testid="console-copy-response"
            >
              {copied ? t('console.copied') : t('console.copyResponse')}
            </button>
          </div>
        </>
      ) : (
        <ErrorView error={r.error} elapsedMs={r.elapsedMs} />
      )}
    </div>
  )
}

export function ResponsePanel({ store }: { store: StoreApi<ConsoleState> }) {
  const { t, locale } = useConsoleT()
  const shown = useStore(store, (s) => s.shown)
  const history = useStore(store, (s) => s.history)
  const select = useApp((s) => s.sectionSelected)
  return (
    <div className="console-side">
      <div className="card console-response">
        <h2>{t('console.response')}</h2>
        {shown ? <Answer key={shown.id} call={shown} /> : <p className="muted">{t('console.noResponse')}</p>}
      </div>
      <div className="card console-history" data-testid="console-history">
        <h2>{t('console.history')}</h2>
        {history.length === 0 ? (
          <p className="muted small">{t('console.history.empty')}</p>
        ) : (
          <ul className="console-history-list">
            {history.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className={`console-history-item${shown?.id === c.id ? ' selected' : ''}`}
                  title={t('console.history.load')}
                  onClick={() => store.getState().callLoaded(c.id)}
                  data-testid="console-history-item"
                >
                  <span className="mono muted">{new Date(c.time).toLocaleTimeString(locale, { hour12: false })}</span>
                  <span className="mono ellipsis" translate="no">
                    {c.action}
                  </span>
                  <span className={c.result.ok ? 'ok' : 'fail'} translate={c.result.ok ? undefined : 'no'}>
                    {c.result.ok ? t('console.ok') : (c.result.error.tencentCode ?? c.result.error.code)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <p className="muted small console-lognote">
          {t('console.logNote')}{' '}
          <button type="button" className="link" onClick={() => select('settings')} data-testid="console-open-log">
            {t('console.openLog')}
          </button>
        </p>
      </div>
    </div>
  )
}
