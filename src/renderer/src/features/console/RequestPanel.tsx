// The request of the chosen action: its form (or the whole request as JSON), checked as it is typed,
// the region, and Send, which asks first for actions that change state.
import { useState } from 'react'
import * as Dialog from '@radix-ui/react-dialog'
import type { StoreApi } from 'zustand/vanilla'
import { useStore } from 'zustand'
import { toTccliCommand } from '../../../../shared/layout/compile'
import { actions } from '../../../../shared/trtc/actions'
import { useApp } from '../shell/context'
import { selectActiveProfile } from '../shell/appStore'
import { consequenceOf, targetOf } from './catalog'
import type { ConsoleState } from './consoleStore'
import { selectDraft } from './consoleStore'
import { describeForm, type FieldSpec } from './form'
import type { ParamIssue } from './issues'
import { useConsoleT, type Params, type TextKey } from './text'
import { Detail, Words } from './Words'

function hintsOf(f: FieldSpec): Array<{ k: TextKey; params?: Params }> {
  const out: Array<{ k: TextKey; params?: Params }> = []
  const range = (lo: number | undefined, hi: number | undefined, both: TextKey, min: TextKey, max: TextKey) => {
    if (lo !== undefined && hi !== undefined) out.push({ k: both, params: { min: lo, max: hi } })
    else if (lo !== undefined) out.push({ k: min, params: { min: lo } })
    else if (hi !== undefined) out.push({ k: max, params: { max: hi } })
  }
  if (f.kind === 'integer' || f.kind === 'number') {
    out.push({ k: f.kind === 'integer' ? 'console.hint.integer' : 'console.hint.number' })
    if (f.name === 'StartTime' || f.name === 'EndTime') out.push({ k: 'console.hint.seconds' })
    range(f.min, f.max, 'console.hint.range', 'console.hint.min', 'console.hint.max')
  } else if (f.kind === 'text') {
    out.push({ k: f.multiline ? 'console.hint.jsonText' : f.format === 'uri' ? 'console.hint.url' : 'console.hint.text' })
    range(f.minLength, f.maxLength, 'console.hint.length', 'console.hint.minLength', 'console.hint.maxLength')
    if (f.pattern) out.push({ k: 'console.hint.pattern', params: { pattern: f.pattern } })
  } else if (f.kind === 'choice') out.push({ k: 'console.hint.choice' })
  else if (f.kind === 'boolean') out.push({ k: 'console.hint.boolean' })
  else if (f.kind === 'list') {
    out.push({ k: 'console.hint.list' })
    range(f.minItems, f.maxItems, 'console.hint.items', 'console.hint.minItems', 'console.hint.maxItems')
  } else {
    out.push({ k: 'console.hint.json' })
    range(f.minItems, f.maxItems, 'console.hint.items', 'console.hint.minItems', 'console.hint.maxItems')
  }
  return out
}

/** Problems of the request as a whole or of its JSON, each with the parameter it is about. */
function IssueList(props: { issues: ParamIssue[]; testId: string }) {
  return (
    <ul className="console-issues" data-testid={props.testId}>
      {props.issues.map((i, n) => (
        <li key={n}>
          {i.field && (
            <code translate="no" className="console-sub">
              {i.field}
            </code>
          )}
          <IssueLine issue={i} />
        </li>
      ))}
    </ul>
  )
}

export function IssueLine({ issue }: { issue: ParamIssue }) {
  const { locale } = useConsoleT()
  return (
    <>
      {issue.sub && (
        <code translate="no" className="console-sub">
          {issue.sub}
        </code>
      )}
      <Words k={issue.text.key} params={issue.text.params} />
      {/* A rule this catalogue does not word: the schema's English, shown only to readers of English. */}
      {issue.text.detail && locale === 'en' && (
        <span className="muted" translate="no">
          {' '}
          ({issue.text.detail})
        </span>
      )}
    </>
  )
}

function Field(props: { f: FieldSpec; text: string; issues: ParamIssue[]; onChange(text: string): void }) {
  const { t } = useConsoleT()
  const { f } = props
  const id = `console-field-${f.name}`
  const invalid = props.issues.length > 0
  const common = { id, 'data-testid': id, 'aria-invalid': invalid || undefined, 'aria-describedby': `${id}-hint` }
  let control
  if (f.kind === 'choice' || f.kind === 'boolean') {
    const values = f.kind === 'boolean' ? ['true', 'false'] : (f.values ?? []).map(String)
    control = (
      <select {...common} value={props.text} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('console.unset')}</option>
        {values.map((v) => (
          <option key={v} value={v} translate="no">
            {v}
          </option>
        ))}
        {props.text !== '' && !values.includes(props.text) && (
          <option value={props.text} translate="no">
            {props.text}
          </option>
        )}
      </select>
    )
  } else if (f.kind === 'json' || f.multiline) {
    control = <textarea {...common} className="mono" rows={f.kind === 'json' ? 4 : 3} spellCheck={false} value={props.text} onChange={(e) => props.onChange(e.target.value)} />
  } else {
    control = (
      <input
        {...common}
        type="text"
        className={f.kind === 'text' ? undefined : 'mono'}
        inputMode={f.kind === 'integer' || f.kind === 'number' ? 'numeric' : undefined}
        spellCheck={false}
        autoComplete="off"
        value={props.text}
        onChange={(e) => props.onChange(e.target.value)}
      />
    )
  }
  return (
    <div className={`console-field${invalid ? ' invalid' : ''}`} data-testid={`console-param-${f.name}`}>
      <label htmlFor={id} className="console-label">
        <span className="mono" translate="no">
          {f.name}
        </span>
        {f.required ? (
          <span className="console-required" title={t('console.required')}>
            {t('console.required')}
          </span>
        ) : (
          <span className="muted small">{t('console.optional')}</span>
        )}
      </label>
      {control}
      <p className="console-hint" id={`${id}-hint`}>
        {hintsOf(f).map((h, i) => (
          <span key={i}>
            {i > 0 && ' · '}
            <Words k={h.k} params={h.params} />
          </span>
        ))}
      </p>
      {props.issues.map((issue, i) => (
        <p key={i} className="console-issue" data-testid={`console-issue-${f.name}`}>
          <IssueLine issue={issue} />
        </p>
      ))}
    </div>
  )
}

function copyText(text: string, done: () => void) {
  void navigator.clipboard.writeText(text).then(done, () => undefined)
}

export function RequestPanel({ store }: { store: StoreApi<ConsoleState> }) {
  const { t } = useConsoleT()
  const action = useStore(store, (s) => s.action)
  const mode = useStore(store, (s) => s.mode)
  const sending = useStore(store, (s) => s.sending)
  const draft = useStore(store, selectDraft)
  const profile = useApp(selectActiveProfile)
  const [confirming, setConfirming] = useState(false)
  const [copied, setCopied] = useState<'tccli' | 'json' | null>(null)
  const form = describeForm(action)
  const spec = actions[action]
  const s = store.getState()

  const issues = draft.issues
  const byField = (name: string) => issues.filter((i) => i.field === name)
  const known = new Set(form.fields.map((f) => f.name))
  // What the form cannot show beside a field: the request as a whole, the region, unknown keys.
  const general = issues.filter((i) => i.field === null || (!known.has(i.field) && i.field !== 'region'))
  const blocked = issues.length > 0 || draft.jsonProblem !== null
  const consequence = consequenceOf(action, spec.mutating)
  const target = targetOf(draft.params)
  const flash = (what: 'tccli' | 'json') => {
    setCopied(what)
    setTimeout(() => setCopied(null), 1500)
  }
  const send = () => {
    if (consequence === 'read') void s.sendRequested()
    else setConfirming(true)
  }

  return (
    <div className="card console-request" data-testid="console-request">
      <div className="console-request-head">
        <h2 className="mono" translate="no" data-testid="console-action">
          {action}
        </h2>
        <span className={`pill${spec.mutating ? ' warn' : ''}`}>{t(spec.mutating ? 'console.writes' : 'console.reads')}</span>
        <span className="muted small">
          <Words k="console.rate" params={{ count: spec.rate.count, seconds: spec.rate.perMs / 1000 }} />
        </span>
      </div>

      <div className="console-region">
        <label htmlFor="console-region">{t('console.region')}</label>
        {form.regions ? (
          <select id="console-region" data-testid="console-region" value={draft.region ?? ''} onChange={(e) => s.regionChosen(e.target.value)}>
            {form.regions.map((r) => (
              <option key={r} value={r} translate="no">
                {r}
              </option>
            ))}
          </select>
        ) : (
          <span className="muted small">{t('console.noRegion')}</span>
        )}
        {byField('region').map((i, n) => (
          <span key={n} className="console-issue" data-testid="console-issue-region">
            <IssueLine issue={i} />
          </span>
        ))}
        <div className="tabs" role="tablist">
          {(['form', 'json'] as const).map((m) => (
            <button key={m} type="button" role="tab" className="tab" aria-selected={mode === m} onClick={() => s.modeChosen(m)} data-testid={`console-mode-${m}`}>
              {t(m === 'form' ? 'console.mode.form' : 'console.mode.json')}
            </button>
          ))}
        </div>
      </div>

      <div className="console-body">
        {mode === 'form' ? (
          <div className="console-fields">
            {form.fields.map((f) => (
              <Field key={f.name} f={f} text={draft.texts[f.name] ?? ''} issues={byField(f.name)} onChange={(text) => s.fieldEdited(f.name, text)} />
            ))}
          </div>
        ) : (
          <div className="console-json">
            <p className="muted small">{t('console.json.help')}</p>
            <textarea
              className="mono"
              data-testid="console-json"
              aria-label={t('console.mode.json')}
              spellCheck={false}
              value={draft.jsonText}
              aria-invalid={draft.jsonProblem !== null || undefined}
              onChange={(e) => s.jsonEdited(e.target.value)}
            />
            {draft.jsonProblem && <p className="console-issue">{t(draft.jsonProblem === 'json' ? 'console.json.bad' : 'console.json.notObject')}</p>}
            {!draft.jsonProblem && issues.length > 0 && (
              <IssueList issues={issues} testId="console-json-issues" />
            )}
          </div>
        )}
        {mode === 'form' && general.length > 0 && (
          <IssueList issues={general} testId="console-general-issues" />
        )}
      </div>

      <div className="console-actions">
        <button type="button" className="button primary" disabled={blocked || sending || !profile} onClick={send} data-testid="console-send">
          {sending ? t('console.sending') : t('console.send')}
        </button>
        <button type="button" className="button" onClick={() => copyText(toTccliCommand(action, draft.params, form.regions ? draft.region : null), () => flash('tccli'))} data-testid="console-copy-tccli">
          {copied === 'tccli' ? t('console.copied') : t('console.copyTccli')}
        </button>
        <button type="button" className="button" onClick={() => copyText(draft.jsonText, () => flash('json'))} data-testid="console-copy-json">
          {copied === 'json' ? t('console.copied') : t('console.copyJson')}
        </button>
        {blocked && <span className="muted small">{t('console.fixFirst')}</span>}
      </div>

      <Dialog.Root open={confirming} onOpenChange={setConfirming}>
        <Dialog.Portal>
          <Dialog.Overlay className="dialog-overlay" />
          <Dialog.Content className="dialog" data-testid="console-confirm">
            <Dialog.Title className="dialog-title">
              <Words k="console.confirm.title" params={{ action }} />
            </Dialog.Title>
            <Dialog.Description className={consequence === 'change' ? 'muted' : 'console-danger'} data-testid="console-confirm-consequence">
              {t(`console.confirm.${consequence === 'read' ? 'change' : consequence}`)}
            </Dialog.Description>
            <dl className="kv compact">
              <Detail label={t('console.confirm.profile')} value={profile ? (profile.kind === 'demo' ? t('profile.demoName') : profile.name) : '—'} code={profile?.kind !== 'demo'} />
              <Detail label={t('console.confirm.app')} value={target.sdkAppId} code testId="console-confirm-app" />
              <Detail label={t('console.confirm.room')} value={target.room} code testId="console-confirm-room" />
              <Detail label={t('console.confirm.users')} value={target.users} code />
              <Detail label={t('console.confirm.region')} value={form.regions && draft.region} code />
            </dl>
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button" className="button" data-testid="console-confirm-cancel">
                  {t('console.confirm.cancel')}
                </button>
              </Dialog.Close>
              <button
                type="button"
                className={`button ${consequence === 'change' ? 'primary' : 'danger'}`}
                onClick={() => {
                  setConfirming(false)
                  void s.sendRequested()
                }}
                data-testid="console-confirm-send"
              >
                {t('console.confirm.send')}
              </button>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  )
}
