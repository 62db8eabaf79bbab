// Validation issues, the compiled request with copy actions and request import. Rules and
// compilers are the shared layout core's; layout files are FileMenu's.
import { useState } from 'react'
import * as Dialog from '@radix-ui/react-dialog'
import { useStore, type StoreApi } from 'zustand'
import { toTccliCommand } from '../../../../shared/layout/compile'
import type { Issue } from '../../../../shared/layout/validate'
import { selectActiveProfile } from '../shell/appStore'
import { useApp, useIssueText, useT } from '../shell/context'
import { selectSettledDoc, type DesignerState } from './designerStore'
import { compileRequest, importRequest } from './output'

export function IssuesPanel(props: { store: StoreApi<DesignerState>; issues: Issue[] }) {
  const t = useT()
  const say = useIssueText()
  const select = props.store.getState().selectionChanged
  const errors = props.issues.filter((i) => i.severity === 'error').length
  const warnings = props.issues.length - errors
  return (
    <section className="designer-panel" data-testid="designer-issues">
      <h3>
        {t('designer.issues.title')}
        <span className="muted small">{t('designer.issues.count', { errors, warnings })}</span>
      </h3>
      {props.issues.length === 0 ? (
        <p className="designer-ok">{t('designer.issues.none')}</p>
      ) : (
        <ul className="designer-issues">
          {props.issues.map((i, n) => (
            <li key={n} className={i.severity} data-testid="designer-issue">
              <span>{say(i)}</span>
              {i.tileId !== undefined && (
                <button type="button" onClick={() => select([i.tileId as string])}>
                  {i.tileId}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function copy(text: string, done: () => void) {
  void navigator.clipboard?.writeText(text).then(done, () => undefined)
}

function ImportDialog(props: { store: StoreApi<DesignerState>; onClose(): void }) {
  const t = useT()
  const dialect = useStore(props.store, (s) => s.dialect)
  const [text, setText] = useState('')
  const run = () => {
    const r = importRequest(text, dialect)
    props.store.getState().requestImported(r.doc, r.warnings)
    props.onClose()
  }
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog wide" data-testid="designer-import-dialog">
          <Dialog.Title className="dialog-title">{t('designer.import.title')}</Dialog.Title>
          <Dialog.Description className="muted small">{t(dialect === 'mcu' ? 'designer.import.hint.mcu' : 'designer.import.hint.recording')}</Dialog.Description>
          <textarea className="designer-json-input" rows={14} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} data-testid="designer-import-text" />
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="button">
                {t('designer.cancel')}
              </button>
            </Dialog.Close>
            <button type="button" className="button primary" disabled={text.trim() === ''} onClick={run} data-testid="designer-import-run">
              {t('designer.import.run')}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

export function OutputPanel(props: { store: StoreApi<DesignerState> }) {
  const t = useT()
  const { store } = props
  const doc = useStore(store, selectSettledDoc)
  const dialect = useStore(store, (s) => s.dialect)
  const fields = useStore(store, (s) => s.output)
  const warnings = useStore(store, (s) => s.importWarnings)
  const profile = useApp(selectActiveProfile)
  const [copied, setCopied] = useState<'json' | 'tccli' | null>(null)
  const [importing, setImporting] = useState(false)
  const sdkAppId = fields.sdkAppId || profile?.sdkApps[0]?.sdkAppId || 0
  const region = fields.region || profile?.defaultRegion || 'ap-guangzhou'
  const req = compileRequest(doc, dialect, { ...fields, sdkAppId, region })
  const json = JSON.stringify(req.body, null, 2)
  const change = store.getState().outputChanged
  return (
    <section className="designer-panel" data-testid="designer-output">
      <h3>
        {t('designer.output.title')} <code>{req.action}</code>
      </h3>
      <div className="dgrid">
        <label className="dfield">
          <span>SdkAppId</span>
          <input type="number" value={sdkAppId} onChange={(e) => change({ sdkAppId: Number(e.target.value) || 0 })} />
        </label>
        <label className="dfield">
          <span>TaskId</span>
          <input type="text" value={fields.taskId} onChange={(e) => change({ taskId: e.target.value.trim() })} data-testid="designer-task-id" />
        </label>
        {dialect === 'mcu' && (
          <label className="dfield">
            <span>SequenceNumber</span>
            <input type="number" min={1} value={fields.sequence} onChange={(e) => change({ sequence: Math.max(1, Math.floor(Number(e.target.value) || 1)) })} />
          </label>
        )}
        <label className="dfield">
          <span>{t('designer.output.region')}</span>
          <input type="text" value={region} onChange={(e) => change({ region: e.target.value.trim() })} />
        </label>
      </div>
      <pre className="designer-json" data-testid="designer-json">
        {json}
      </pre>
      <div className="designer-row">
        <button type="button" className="button small" onClick={() => copy(json, () => setCopied('json'))} data-testid="designer-copy-json">
          {copied === 'json' ? t('designer.output.copied') : t('designer.output.copyJson')}
        </button>
        <button type="button" className="button small" onClick={() => copy(toTccliCommand(req.action, req.body, region), () => setCopied('tccli'))} data-testid="designer-copy-tccli">
          {copied === 'tccli' ? t('designer.output.copied') : t('designer.output.copyTccli')}
        </button>
        <button type="button" className="button small" onClick={() => setImporting(true)} data-testid="designer-import">
          {t('designer.import.open')}
        </button>
      </div>
      {warnings.length > 0 && (
        <div data-testid="designer-import-warnings">
          <p className="small muted">{t('designer.import.warnings', { n: warnings.length })}</p>
          <ul className="designer-issues">
            {warnings.map((w, i) => (
              <li key={i} className="warning">
                {w}
              </li>
            ))}
          </ul>
        </div>
      )}
      {importing && <ImportDialog store={store} onClose={() => setImporting(false)} />}
    </section>
  )
}
