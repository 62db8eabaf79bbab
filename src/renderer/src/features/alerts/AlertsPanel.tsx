// The alerts panel, its lists and the rules editor, loaded when the panel first opens (./AlertsBell.tsx).
import { useState } from 'react'
import * as Dialog from '@radix-ui/react-dialog'
import { formatValue } from '../../../../shared/alerts/format'
import type { Alert, AlertRule, AlertScope } from '../../../../shared/alerts/model'
import { errorText } from '../../i18n/i18n'
import { selectActiveProfile, selectLocale } from '../shell/appStore'
import { useApp, useT } from '../shell/context'
import type { AlertsState } from './alertsStore'
import { metricLabel, RuleForm } from './RuleForm'

type T = ReturnType<typeof useT>


function scopeText(t: T, s: AlertScope, vip: boolean): string {
  if (s.kind === 'app') return t(vip ? 'alerts.scope.anyRoom' : 'alerts.scope.app', { app: s.sdkAppId })
  if (s.kind === 'room') return t('alerts.scope.room', { room: s.roomId, app: s.sdkAppId })
  return t('alerts.scope.user', { user: s.userId, room: s.roomId })
}

function useTimeFormat(): (ms: number) => string {
  const locale = useApp(selectLocale)
  const fmt = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' })
  return (ms) => fmt.format(ms)
}

function AlertItem(props: { alert: Alert; onAck(): void }) {
  const t = useT()
  const time = useTimeFormat()
  const a = props.alert
  const headline =
    a.kind === 'vip'
      ? t(a.vipReason === 'left' ? 'alerts.vip.left' : 'alerts.vip.absent', { user: a.userId ?? '' })
      : `${t(metricLabel(a.metric!))} ${t('alerts.value', { value: formatValue(a.metric, a.value ?? 0), comparator: a.comparator ?? '', threshold: formatValue(a.metric, a.threshold ?? 0) })}`
  return (
    <li className="alert-item" data-acked={a.acknowledgedAt !== null || undefined} data-testid="alert-item">
      <span className={`alert-dot ${a.resolvedAt === null ? 'open' : 'resolved'}`} aria-hidden="true" />
      <div className="alert-main">
        <div className="alert-head">
          <strong>{a.ruleName}</strong>
          <span className={`alert-state ${a.resolvedAt === null ? 'open' : ''}`}>{a.resolvedAt === null ? t('alerts.open') : t('alerts.resolved', { time: time(a.resolvedAt) })}</span>
        </div>
        <div className="alert-what" data-testid="alert-what">
          {headline}
        </div>
        <div className="alert-meta muted small">
          <span>{scopeText(t, a.scope, a.kind === 'vip')}</span>
          <span>{t('alerts.firedAt', { time: time(a.firedAt) })}</span>
        </div>
      </div>
      {a.acknowledgedAt === null ? (
        <button type="button" className="button small-button" onClick={props.onAck} data-testid="alert-ack">
          {t('alerts.ack')}
        </button>
      ) : (
        <span className="muted small">{t('alerts.acked')}</span>
      )}
    </li>
  )
}

function ruleSummary(t: T, r: AlertRule): string {
  const duration = r.durationS > 0 ? ` · ${t('alerts.rules.for', { duration: `${r.durationS} s` })}` : ''
  if (r.kind === 'vip') return `${t('alerts.rules.vipSummary', { count: r.userIds.length })}: ${r.userIds.slice(0, 3).join(', ')}${r.userIds.length > 3 ? '…' : ''} · ${scopeText(t, r.roomId === undefined ? { kind: 'app', sdkAppId: r.sdkAppId } : { kind: 'room', sdkAppId: r.sdkAppId, roomId: r.roomId }, true)}${duration}`
  return `${t(metricLabel(r.metric))} ${r.comparator} ${formatValue(r.metric, r.threshold)} · ${scopeText(t, r.scope, false)}${duration}`
}

function RulesTab(props: { s: AlertsState }) {
  const t = useT()
  const active = useApp(selectActiveProfile)
  const { s } = props
  const [interval, setIntervalText] = useState<string | null>(null)
  const [intervalError, setIntervalError] = useState(false)
  const rules = s.rules?.rules ?? []
  const apps = active?.sdkAppIds ?? []

  if (s.editing !== null) {
    return <RuleForm key={s.editing === 'new' ? 'new' : s.editing.id} rule={s.editing === 'new' ? null : s.editing} apps={apps} onSave={s.ruleSaved} onCancel={s.editCancelled} />
  }
  const commitInterval = () => {
    if (interval === null) return
    const n = Number(interval)
    if (!Number.isInteger(n) || n < 10 || n > 3600) return setIntervalError(true)
    setIntervalError(false)
    setIntervalText(null)
    void s.intervalChanged(n)
  }
  return (
    <div className="alert-rules">
      <div className="alert-toolbar">
        <button type="button" className="button primary" onClick={() => s.editStarted('new')} data-testid="alert-rule-add">
          {t('alerts.rules.add')}
        </button>
        <label className="alert-interval">
          <span className="muted small">{t('alerts.status.every')}</span>
          <input
            type="text"
            inputMode="numeric"
            value={interval ?? String(s.rules?.pollIntervalS ?? '')}
            onChange={(e) => setIntervalText(e.target.value)}
            onBlur={commitInterval}
            onKeyDown={(e) => e.key === 'Enter' && commitInterval()}
            aria-invalid={intervalError || undefined}
            data-testid="alert-interval"
          />
          <span className="muted small">{t('alerts.status.seconds')}</span>
        </label>
      </div>
      {intervalError && (
        <p className="error-text small" role="alert">
          {t('alerts.err.interval')}
        </p>
      )}
      {rules.length === 0 ? (
        <p className="muted alert-empty">{t('alerts.rules.empty')}</p>
      ) : (
        <ul className="list">
          {rules.map((r) => (
            <li key={r.id} className="alert-rule" data-testid="alert-rule">
              <label className="check" title={t('alerts.rules.enabled')}>
                <input type="checkbox" checked={r.enabled} onChange={() => void s.ruleToggled(r)} aria-label={`${t('alerts.rules.enabled')}: ${r.name}`} />
              </label>
              <div className="alert-main">
                <strong>{r.name}</strong>
                <div className="muted small">{ruleSummary(t, r)}</div>
              </div>
              <button type="button" className="link" onClick={() => s.editStarted(r)} data-testid="alert-rule-edit">
                {t('alerts.rules.edit')}
              </button>
              <button
                type="button"
                className="link danger-link"
                onClick={() => {
                  if (window.confirm(t('alerts.rules.deleteConfirm', { name: r.name }))) void s.ruleDeleted(r.id)
                }}
                data-testid="alert-rule-delete"
              >
                {t('alerts.rules.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function AlertsTab(props: { s: AlertsState }) {
  const t = useT()
  const time = useTimeFormat()
  const { s } = props
  const alerts = s.view?.alerts ?? []
  const status = s.view?.status
  const anyRule = (s.rules?.rules ?? []).some((r) => r.enabled)
  return (
    <div className="alert-list-wrap">
      <div className="alert-toolbar">
        <span className="muted small" data-testid="alert-status">
          {!anyRule ? t('alerts.status.off') : status?.lastPollAt ? t('alerts.status.last', { time: time(status.lastPollAt) }) : t('alerts.status.never')}
        </span>
        <button type="button" className="button" disabled={(s.view?.unacknowledged ?? 0) === 0} onClick={() => void s.acknowledged('all')} data-testid="alert-ack-all">
          {t('alerts.ackAll')}
        </button>
      </div>
      {status && status.problems.length > 0 && anyRule && (
        <ul className="warnings small" role="status" data-testid="alert-problems">
          {status.problems.map((p, i) => (
            <li key={i}>
              {p.scope && `${scopeText(t, p.scope, false)} · `}
              {p.action && <code>{p.action}</code>}
              {p.action && ' · '}
              {errorText(t, p.error)}
            </li>
          ))}
        </ul>
      )}
      {alerts.length === 0 ? (
        <div className="alert-empty">
          <p>{t('alerts.empty')}</p>
          {(s.rules?.rules.length ?? 0) === 0 && (
            <p className="muted small">
              {t('alerts.empty.noRules')}{' '}
              <button type="button" className="link" onClick={() => s.editStarted('new')}>
                {t('alerts.rules.add')}
              </button>
            </p>
          )}
        </div>
      ) : (
        <ul className="alert-list" data-testid="alert-list">
          {alerts.map((a) => (
            <AlertItem key={a.id} alert={a} onAck={() => void s.acknowledged([a.id])} />
          ))}
        </ul>
      )}
    </div>
  )
}

/** The panel, open: the bell (./AlertsBell.tsx) mounts it while `s.open`. */
export function AlertsPanel(props: { s: AlertsState; count: number }) {
  const t = useT()
  const { s, count } = props
  return (
    <Dialog.Root open onOpenChange={s.panelToggled}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay alert-overlay" />
        <Dialog.Content className="alert-panel" data-testid="alerts-panel" aria-describedby={undefined}>
          <div className="alert-panel-head">
            <Dialog.Title className="dialog-title">{t('alerts.title')}</Dialog.Title>
            <div className="alert-tabs" role="tablist">
              {(['alerts', 'rules'] as const).map((tab) => (
                <button key={tab} type="button" role="tab" aria-selected={s.tab === tab} className="alert-tab" onClick={() => s.tabSelected(tab)} data-testid={`alerts-tab-${tab}`}>
                  {t(tab === 'alerts' ? 'alerts.tab.alerts' : 'alerts.tab.rules')}
                  {tab === 'alerts' && count > 0 && <span className="bell-count inline">{count}</span>}
                </button>
              ))}
            </div>
            <Dialog.Close asChild>
              <button type="button" className="link alert-close" aria-label={t('alerts.close')}>
                ×
              </button>
            </Dialog.Close>
          </div>
          {s.error && (
            <p className="error-text small" role="alert">
              {errorText(t, s.error)}
            </p>
          )}
          <div className="alert-panel-body">{s.tab === 'alerts' ? <AlertsTab s={s} /> : <RulesTab s={s} />}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
