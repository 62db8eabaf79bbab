import { useState } from 'react'
import { metricsFor, metricUnits, type AlertMetric, type ScopeKind } from '../../../../shared/alerts/metrics'
import type { AlertRule, RuleInput } from '../../../../shared/alerts/model'
import { errorText, type MessageKey } from '../../i18n/i18n'
import type { AppError } from '../../../../shared/errors'
import { useT } from '../shell/context'

type T = ReturnType<typeof useT>

const USER_ID = /^[A-Za-z0-9_-]+$/

export const metricLabel = (m: AlertMetric): MessageKey => `alerts.metric.${m}` as MessageKey

export interface Draft {
  name: string
  enabled: boolean
  kind: 'metric' | 'vip'
  scopeKind: ScopeKind
  sdkAppId: string
  roomId: string
  userId: string
  metric: AlertMetric
  comparator: '>' | '<'
  threshold: string
  durationS: string
  hysteresis: string
  vips: string
  alertIfAbsent: boolean
}

export function draftOf(rule: AlertRule | null, apps: number[]): Draft {
  const base: Draft = {
    name: '',
    enabled: true,
    kind: 'metric',
    scopeKind: 'app',
    sdkAppId: String(apps[0] ?? ''),
    roomId: '',
    userId: '',
    metric: 'userCount',
    comparator: '>',
    threshold: '',
    durationS: '60',
    hysteresis: '0',
    vips: '',
    alertIfAbsent: false,
  }
  if (!rule) return base
  const common = { ...base, name: rule.name, enabled: rule.enabled, durationS: String(rule.durationS) }
  if (rule.kind === 'vip') return { ...common, kind: 'vip', sdkAppId: String(rule.sdkAppId), roomId: rule.roomId ?? '', vips: rule.userIds.join('\n'), alertIfAbsent: rule.alertIfAbsent }
  const s = rule.scope
  return {
    ...common,
    kind: 'metric',
    scopeKind: s.kind,
    sdkAppId: String(s.sdkAppId),
    roomId: s.kind === 'app' ? '' : s.roomId,
    userId: s.kind === 'user' ? s.userId : '',
    metric: rule.metric,
    comparator: rule.comparator,
    threshold: String(rule.threshold),
    hysteresis: String(rule.hysteresis),
  }
}

/** The rule the draft describes, or the first problem in the UI language. */
export function ruleOf(d: Draft, id: string | undefined, t: T): RuleInput | string {
  const name = d.name.trim()
  if (!name) return t('alerts.err.name')
  const sdkAppId = Number(d.sdkAppId)
  const durationS = Number(d.durationS)
  if (d.durationS.trim() === '' || !Number.isInteger(durationS) || durationS < 0 || durationS > 86_400) return t('alerts.err.duration')
  const roomId = d.roomId.trim()
  const common = { ...(id ? { id } : {}), name, enabled: d.enabled, durationS }
  if (d.kind === 'vip') {
    const userIds = [...new Set(d.vips.split(/[\s,，]+/).filter(Boolean))]
    if (userIds.length === 0) return t('alerts.err.vips')
    if (userIds.length > 200) return t('alerts.err.tooManyVips')
    const bad = userIds.find((u) => !USER_ID.test(u))
    if (bad) return t('alerts.err.userChars', { id: bad })
    return { ...common, kind: 'vip', sdkAppId, ...(roomId ? { roomId } : {}), userIds, alertIfAbsent: d.alertIfAbsent }
  }
  if (d.scopeKind !== 'app' && !roomId) return t('alerts.err.room')
  const userId = d.userId.trim()
  if (d.scopeKind === 'user' && !userId) return t('alerts.err.user')
  if (d.scopeKind === 'user' && !USER_ID.test(userId)) return t('alerts.err.userChars', { id: userId })
  const threshold = Number(d.threshold)
  if (d.threshold.trim() === '' || !Number.isFinite(threshold)) return t('alerts.err.number', { field: t('alerts.form.threshold') })
  const hysteresis = d.hysteresis.trim() === '' ? 0 : Number(d.hysteresis)
  if (!Number.isFinite(hysteresis) || hysteresis < 0) return t('alerts.err.number', { field: t('alerts.form.hysteresis') })
  const scope = d.scopeKind === 'app' ? { kind: 'app' as const, sdkAppId } : d.scopeKind === 'room' ? { kind: 'room' as const, sdkAppId, roomId } : { kind: 'user' as const, sdkAppId, roomId, userId }
  return { ...common, kind: 'metric', scope, metric: d.metric, comparator: d.comparator, threshold, hysteresis }
}

export function RuleForm(props: { rule: AlertRule | null; apps: number[]; onSave(rule: RuleInput): Promise<AppError | null>; onCancel(): void }) {
  const t = useT()
  const [d, setD] = useState<Draft>(() => draftOf(props.rule, props.apps))
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const change = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }))
  const metrics = metricsFor(d.scopeKind)
  const apps = props.apps.includes(Number(d.sdkAppId)) || d.sdkAppId === '' ? props.apps : [Number(d.sdkAppId), ...props.apps]
  const unit = metricUnits[d.metric]

  const save = async () => {
    const rule = ruleOf(d, props.rule?.id, t)
    if (typeof rule === 'string') return setError(rule)
    setSaving(true)
    const refused = await props.onSave(rule)
    setSaving(false)
    if (refused) setError(t('alerts.err.saved', { message: errorText(t, refused) }))
  }

  if (apps.length === 0) return <p className="muted">{t('alerts.form.noApps')}</p>

  return (
    <form
      className="alert-form"
      data-testid="alert-rule-form"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <h3>{props.rule ? t('alerts.form.editTitle') : t('alerts.form.newTitle')}</h3>
      <label className="field span2">
        <span>{t('alerts.form.name')}</span>
        <input type="text" value={d.name} onChange={(e) => change({ name: e.target.value })} data-testid="ar-name" maxLength={80} />
      </label>
      <fieldset className="segmented span2">
        <legend>{t('alerts.form.kind')}</legend>
        {(['metric', 'vip'] as const).map((k) => (
          <label key={k} className="segment">
            <input type="radio" name="ar-kind" checked={d.kind === k} onChange={() => change({ kind: k })} data-testid={`ar-kind-${k}`} />
            <span>{t(k === 'metric' ? 'alerts.form.kind.metric' : 'alerts.form.kind.vip')}</span>
          </label>
        ))}
      </fieldset>
      {d.kind === 'metric' && (
        <fieldset className="segmented span2">
          <legend>{t('alerts.form.scope')}</legend>
          {(['app', 'room', 'user'] as const).map((k) => (
            <label key={k} className="segment">
              <input
                type="radio"
                name="ar-scope"
                checked={d.scopeKind === k}
                onChange={() => change({ scopeKind: k, metric: metricsFor(k).includes(d.metric) ? d.metric : metricsFor(k)[0]! })}
                data-testid={`ar-scope-${k}`}
              />
              <span>{t(`alerts.form.scope.${k}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <label className="field">
        <span>{t('alerts.form.app')}</span>
        <select value={d.sdkAppId} onChange={(e) => change({ sdkAppId: e.target.value })} data-testid="ar-app">
          {apps.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      {(d.kind === 'vip' || d.scopeKind !== 'app') && (
        <label className="field">
          <span>{t(d.kind === 'vip' ? 'alerts.form.roomOptional' : 'alerts.form.room')}</span>
          <input type="text" value={d.roomId} spellCheck={false} onChange={(e) => change({ roomId: e.target.value })} data-testid="ar-room" maxLength={128} />
        </label>
      )}
      {d.kind === 'metric' && d.scopeKind === 'user' && (
        <label className="field">
          <span>{t('alerts.form.user')}</span>
          <input type="text" value={d.userId} spellCheck={false} onChange={(e) => change({ userId: e.target.value })} data-testid="ar-user" maxLength={128} />
        </label>
      )}
      {d.kind === 'metric' ? (
        <>
          <label className="field">
            <span>{t('alerts.form.metric')}</span>
            <select value={d.metric} onChange={(e) => change({ metric: e.target.value as AlertMetric })} data-testid="ar-metric">
              {metrics.map((m) => (
                <option key={m} value={m}>
                  {t(metricLabel(m))}
                </option>
              ))}
            </select>
          </label>
          <div className="alert-form-row">
            <label className="field">
              <span>{t('alerts.form.comparator')}</span>
              <select value={d.comparator} onChange={(e) => change({ comparator: e.target.value as '>' | '<' })} data-testid="ar-comparator">
                <option value=">">{t('alerts.form.above')}</option>
                <option value="<">{t('alerts.form.below')}</option>
              </select>
            </label>
            <label className="field">
              <span>
                {t('alerts.form.threshold')}
                {unit && <span className="muted"> ({unit})</span>}
              </span>
              <input type="text" inputMode="decimal" value={d.threshold} onChange={(e) => change({ threshold: e.target.value })} data-testid="ar-threshold" />
            </label>
          </div>
        </>
      ) : (
        <label className="field span2">
          <span>{t('alerts.form.vips')}</span>
          <textarea rows={3} value={d.vips} spellCheck={false} onChange={(e) => change({ vips: e.target.value })} data-testid="ar-vips" />
        </label>
      )}
      <label className="field">
        <span>{t('alerts.form.duration')}</span>
        <input type="text" inputMode="numeric" value={d.durationS} onChange={(e) => change({ durationS: e.target.value })} data-testid="ar-duration" />
      </label>
      {d.kind === 'metric' ? (
        <label className="field" title={t('alerts.form.hysteresisHint')}>
          <span>
            {t('alerts.form.hysteresis')}
            {unit && <span className="muted"> ({unit})</span>}
          </span>
          <input type="text" inputMode="decimal" value={d.hysteresis} onChange={(e) => change({ hysteresis: e.target.value })} data-testid="ar-hysteresis" />
        </label>
      ) : (
        <label className="check">
          <input type="checkbox" checked={d.alertIfAbsent} onChange={(e) => change({ alertIfAbsent: e.target.checked })} data-testid="ar-absent" />
          <span>{t('alerts.form.absent')}</span>
        </label>
      )}
      <label className="check span2">
        <input type="checkbox" checked={d.enabled} onChange={(e) => change({ enabled: e.target.checked })} data-testid="ar-enabled" />
        <span>{t('alerts.form.enabled')}</span>
      </label>
      {error && (
        <p className="error-text span2" role="alert" data-testid="ar-error">
          {error}
        </p>
      )}
      <div className="dialog-actions span2">
        <button type="button" className="button" onClick={props.onCancel}>
          {t('alerts.form.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={saving} data-testid="ar-save">
          {t('alerts.form.save')}
        </button>
      </div>
    </form>
  )
}
