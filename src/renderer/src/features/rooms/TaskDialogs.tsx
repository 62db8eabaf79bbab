// "Play into room", live captions and voice agent dialogs, checked as the user types (taskForms.ts);
// a refusal from main or the cloud stays in the dialog with what was typed.
import * as Dialog from '@radix-ui/react-dialog'
import { useState, type ReactNode } from 'react'
import type { AIStartRequest, IngestStartRequest, IngestUpdateRequest, RoomTask } from '../../../../shared/contract/contract'
import type { AppError, Result } from '../../../../shared/errors'
import { aiLanguages } from '../../../../shared/trtc/ai'
import { errorText, type MessageKey } from '../../i18n/i18n'
import { useApp, useT } from '../shell/context'
import { selectLocale } from '../shell/appStore'
import { checkAI, checkIngest, LLM_EXAMPLE, LLM_REQUIRED, mediaUrlProblem, newAIForm, newIngestForm, TTS_EXAMPLE, TTS_REQUIRED, type AIForm, type IngestForm, type Problem, type Target } from './taskForms'

function Field(props: { label: string; hint?: string; problem?: Problem | undefined; children: ReactNode; wide?: boolean; testId?: string }) {
  const t = useT()
  return (
    <label className={`field${props.wide ? ' span2' : ''}`}>
      <span>{props.label}</span>
      {props.children}
      {props.problem ? (
        <small className="error-text" data-testid={props.testId ? `${props.testId}-problem` : undefined}>
          {t(props.problem.key, props.problem.params)}
        </small>
      ) : (
        props.hint && <small className="muted">{props.hint}</small>
      )}
    </label>
  )
}

function Shell(props: { title: string; body: string; wide?: boolean; error: AppError | null; busy: boolean; canSend: boolean; send: string; onSend(): void; onClose(): void; children: ReactNode; testId: string }) {
  const t = useT()
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className={`dialog${props.wide ? ' wide' : ''} task-dialog`} data-testid={props.testId}>
          <Dialog.Title className="dialog-title">{props.title}</Dialog.Title>
          <Dialog.Description className="muted small">{props.body}</Dialog.Description>
          <form
            className="form-grid"
            onSubmit={(e) => {
              e.preventDefault()
              if (props.canSend && !props.busy) props.onSend()
            }}
          >
            {props.children}
            {props.error && (
              <p className="error-text span2" role="alert" data-testid="task-dialog-error">
                {errorText(t, props.error)}
              </p>
            )}
            <div className="dialog-actions span2">
              <Dialog.Close asChild>
                <button type="button" className="button">
                  {t('tasks.cancel')}
                </button>
              </Dialog.Close>
              <button type="submit" className="button primary" disabled={!props.canSend || props.busy} data-testid="task-dialog-send">
                {props.send}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

/** Runs a start, keeping the dialog open with the error when it is refused. */
function useSend<R>(onClose: () => void) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const send = async (run: () => Promise<Result<R>>) => {
    setBusy(true)
    setError(null)
    const r = await run()
    setBusy(false)
    if (r.ok) onClose()
    else setError(r.error)
  }
  return { busy, error, send }
}

export function IngestDialog(props: { target: Target; demoClipUrl: string | null; start(req: IngestStartRequest): Promise<Result<RoomTask>>; onClose(): void }) {
  const t = useT()
  const [f, setF] = useState<IngestForm>(() => newIngestForm())
  const [touched, setTouched] = useState(false)
  const { busy, error, send } = useSend<RoomTask>(props.onClose)
  const { problems, request } = checkIngest(f, props.target)
  const set = (patch: Partial<IngestForm>) => setF((x) => ({ ...x, ...patch }))
  // An empty address is not an error until something was typed.
  const show = (p: Problem | undefined) => (touched || (p && p.key !== 'tasks.err.required') ? p : undefined)
  return (
    <Shell
      title={t('ingest.title', { room: props.target.roomId })}
      body={t('ingest.body')}
      error={error}
      busy={busy}
      canSend={request !== null}
      send={t('ingest.start')}
      onSend={() => request && void send(() => props.start(request))}
      onClose={props.onClose}
      testId="ingest-dialog"
    >
      <Field label={t('ingest.url')} hint={t('ingest.url.hint')} problem={show(problems.url)} wide testId="ingest-url">
        <div className="row-input">
          <input type="url" value={f.url} translate="no" placeholder="https://" autoFocus onChange={(e) => (set({ url: e.target.value }), setTouched(true))} data-testid="ingest-url" />
          {props.demoClipUrl && (
            <button type="button" className="button small" onClick={() => (set({ url: props.demoClipUrl! }), setTouched(true))} data-testid="ingest-demo">
              {t('ingest.demo')}
            </button>
          )}
        </div>
      </Field>
      <Field label={t('ingest.robot')} hint={t('ingest.robot.hint')} problem={problems.robot}>
        <div className="prefixed">
          <span className="mono" translate="no">relay_</span>
          <input type="text" value={f.robot} maxLength={20} translate="no" onChange={(e) => set({ robot: e.target.value })} data-testid="ingest-robot" />
        </div>
      </Field>
      <Field label={t('ingest.volume')}>
        <div className="row-input">
          <input type="range" min={0} max={100} value={f.volume} onChange={(e) => set({ volume: Number(e.target.value) })} data-testid="ingest-volume" />
          <span className="mono volume-value">{f.volume}</span>
        </div>
      </Field>
      <fieldset className="segmented span2">
        <legend>{t('ingest.repeat')}</legend>
        {(['once', 'times', 'loop'] as const).map((r) => (
          <label key={r} className="segment">
            <input type="radio" name="repeat" checked={f.repeat === r} onChange={() => set({ repeat: r })} data-testid={`ingest-repeat-${r}`} />
            <span>{t(`ingest.repeat.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      {f.repeat === 'times' && (
        <Field label={t('ingest.times')} problem={problems.times}>
          <input type="number" min={2} max={1000} value={f.times} onChange={(e) => set({ times: e.target.value })} data-testid="ingest-times" />
        </Field>
      )}
      {f.repeat === 'loop' && (
        <Field label={t('ingest.maxDuration')} hint={t('ingest.maxDuration.hint')} problem={problems.maxDurationMin}>
          <input type="number" min={1} max={10080} value={f.maxDurationMin} onChange={(e) => set({ maxDurationMin: e.target.value })} data-testid="ingest-max-duration" />
        </Field>
      )}
    </Shell>
  )
}

/** A new source for a running media task: UpdateStreamIngest's StreamUrl (L6331–L6335). */
export function SourceDialog(props: { task: RoomTask; change(req: IngestUpdateRequest): Promise<void>; onClose(): void }) {
  const t = useT()
  const [url, setUrl] = useState(props.task.streamUrl ?? '')
  const problem = url === props.task.streamUrl ? undefined : mediaUrlProblem(url)
  return (
    <Shell
      title={t('ingest.source.title', { user: props.task.robotUserId })}
      body={t('ingest.source.body')}
      error={null}
      busy={false}
      canSend={!problem && url !== props.task.streamUrl}
      send={t('tasks.apply')}
      onSend={() => {
        void props.change({ taskId: props.task.taskId, streamUrl: url.trim() })
        props.onClose()
      }}
      onClose={props.onClose}
      testId="source-dialog"
    >
      <Field label={t('ingest.url')} hint={t('ingest.url.hint')} problem={problem} wide>
        <input type="url" value={url} translate="no" autoFocus onChange={(e) => setUrl(e.target.value)} data-testid="source-url" />
      </Field>
    </Shell>
  )
}

const langKey = (l: string) => `lang.${l}` as MessageKey

export function AITaskDialog(props: { kind: AIForm['kind']; target: Target; usersInRoom: string[]; start(req: AIStartRequest): Promise<Result<RoomTask>>; onClose(): void }) {
  const t = useT()
  const locale = useApp(selectLocale)
  const [f, setF] = useState<AIForm>(() => ({ ...newAIForm(props.kind, locale === 'zh-CN' ? 'zh' : 'en'), targetUserId: props.kind === 'conversation' ? (props.usersInRoom[0] ?? '') : '' }))
  const { busy, error, send } = useSend<RoomTask>(props.onClose)
  const { problems, request } = checkAI(f, props.target)
  const set = (patch: Partial<AIForm>) => setF((x) => ({ ...x, ...patch }))
  const conversation = props.kind === 'conversation'
  const languages = (
    <select value={f.language} onChange={(e) => set({ language: e.target.value, alternatives: f.alternatives.filter((l) => l !== e.target.value) })} data-testid="ai-language">
      {aiLanguages.map((l) => (
        <option key={l} value={l}>
          {t(langKey(l))}
        </option>
      ))}
    </select>
  )
  const users = (withRoom: boolean) => (
    <select value={f.targetUserId} onChange={(e) => set({ targetUserId: e.target.value })} translate="no" data-testid="ai-target">
      {withRoom && <option value="">{t('ai.whose.room')}</option>}
      {props.usersInRoom.map((u) => (
        <option key={u} value={u}>
          {u}
        </option>
      ))}
    </select>
  )
  return (
    <Shell
      title={t(conversation ? 'ai.agent.title' : 'ai.captions.title', { room: props.target.roomId })}
      body={t(conversation ? 'ai.agent.body' : 'ai.captions.body')}
      wide
      error={error}
      busy={busy}
      canSend={request !== null}
      send={t('ai.start')}
      onSend={() => request && void send(() => props.start(request))}
      onClose={props.onClose}
      testId="ai-dialog"
    >
      <Field label={t('ai.language')}>{languages}</Field>
      {conversation ? (
        <Field label={t('ai.target')} problem={problems.targetUserId} hint={props.usersInRoom.length === 0 ? t('ai.noUsers') : undefined}>
          {users(false)}
        </Field>
      ) : (
        <Field label={t('ai.whose')} hint={props.usersInRoom.length === 0 ? t('ai.noUsers') : undefined}>
          {users(true)}
        </Field>
      )}
      {!conversation && f.language !== 'zh-dialect' && (
        <fieldset className="span2 lang-choices" data-testid="ai-alternatives">
          <legend>{t('ai.alternatives')}</legend>
          {aiLanguages
            .filter((l) => l !== f.language && l !== 'zh-dialect')
            .map((l) => (
              <label key={l} className="check small">
                <input
                  type="checkbox"
                  checked={f.alternatives.includes(l)}
                  disabled={!f.alternatives.includes(l) && f.alternatives.length >= 3}
                  onChange={(e) => set({ alternatives: e.target.checked ? [...f.alternatives, l] : f.alternatives.filter((x) => x !== l) })}
                />
                {t(langKey(l))}
              </label>
            ))}
        </fieldset>
      )}
      <Field label={t('ai.robot')} hint={t('ingest.robot.hint')} problem={problems.robot}>
        <div className="prefixed">
          <span className="mono" translate="no">{conversation ? 'agent_' : 'asr_'}</span>
          <input type="text" value={f.robot} maxLength={20} translate="no" onChange={(e) => set({ robot: e.target.value })} data-testid="ai-robot" />
        </div>
      </Field>
      <Field label={t('ai.idle')} hint={t('ai.idle.hint')} problem={problems.idleS}>
        <input type="number" min={1} max={86400} value={f.idleS} onChange={(e) => set({ idleS: e.target.value })} data-testid="ai-idle" />
      </Field>
      {conversation && (
        <>
          <Field label={t('ai.welcome')} hint={t('ai.welcome.hint')}>
            <input type="text" value={f.welcome} maxLength={500} onChange={(e) => set({ welcome: e.target.value })} data-testid="ai-welcome" />
          </Field>
          {/* InterruptMode 0: the server interrupts, 1: the client signals (L14909–L14913). */}
          <Field label={t('ai.interrupt')}>
            <select value={f.interruptMode} onChange={(e) => set({ interruptMode: Number(e.target.value) as 0 | 1 })} data-testid="ai-interrupt">
              {([0, 1] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`ai.interrupt.${m}`)}
                </option>
              ))}
            </select>
          </Field>
          <ConfigField label={t('ai.llm')} name="LLMConfig" value={f.llmConfig} example={LLM_EXAMPLE} required={LLM_REQUIRED} problem={problems.llmConfig} onChange={(v) => set({ llmConfig: v })} testId="ai-llm" />
          <ConfigField label={t('ai.tts')} name="TTSConfig" value={f.ttsConfig} example={TTS_EXAMPLE} required={TTS_REQUIRED} problem={problems.ttsConfig} onChange={(v) => set({ ttsConfig: v })} testId="ai-tts" />
        </>
      )}
    </Shell>
  )
}

function ConfigField(props: { label: string; name: string; value: string; example: string; required: string[]; problem: Problem | undefined; onChange(v: string): void; testId: string }) {
  const t = useT()
  return (
    <div className="field span2 config-field">
      <div className="config-head">
        <span>
          {props.label} · <code translate="no">{props.name}</code>
        </span>
        <button type="button" className="link small" onClick={() => props.onChange(props.example)} data-testid={`${props.testId}-example`}>
          {t('ai.template')}
        </button>
      </div>
      <textarea className="mono" rows={4} spellCheck={false} translate="no" value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-label={`${props.label} ${props.name}`} data-testid={props.testId} />
      {props.value.trim() !== '' && props.problem ? (
        <small className="error-text" data-testid={`${props.testId}-problem`}>
          {t(props.problem.key, props.problem.params)}
        </small>
      ) : (
        <small className="muted">
          {t('ai.config.hint')}{' '}
          <code translate="no">{props.required.join(', ')}</code>
        </small>
      )}
    </div>
  )
}
