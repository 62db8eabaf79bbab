// The mix-layout designer: toolbar, canvas editor and the side panels (properties, template,
// validation, output). The document lives in a store that outlives the view, so switching sections
// keeps the layout being edited.
import { useEffect, useMemo } from 'react'
import { useStore, type StoreApi } from 'zustand'
import type { AlignEdge } from '../../../../shared/layout/commands'
import type { LayoutMode } from '../../../../shared/layout/model'
import { previewTemplate, STARTERS } from '../../../../shared/layout/templates'
import { PageHeader } from '../../components/PageHeader'
import { useIssueText, useT } from '../shell/context'
import { useImageProbes, useIssues } from './checks'
import type { MessageKey } from '../../i18n/i18n'
import { DesignerCanvas, type TileIssues } from './DesignerCanvas'
import { designerStore } from './session'
import { ASPECT_LOCKS, selectCanRedo, selectCanUndo, selectSettledDoc, simUsers, type AspectLock, type DesignerState } from './designerStore'
import { PropertiesPanel } from './PropertiesPanel'
import { RoomUsersPanel } from './RoomUsersPanel'
import { GoLivePanel } from './GoLivePanel'
import { IssuesPanel, OutputPanel } from './OutputPanels'
import { FileMenu, FileName, RecoveryBanner } from './FileMenu'
import './designer.css'


const MODES: readonly LayoutMode[] = ['custom', 'floating', 'grid', 'screenShare']
const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.tagName) return false
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable
}

/** Editor shortcuts, active while the designer is shown and focus is not in a text field. */
function useShortcuts(store: StoreApi<DesignerState>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return
      const s = store.getState()
      const mod = isMac ? e.metaKey : e.ctrlKey
      const key = e.key.toLowerCase()
      let handled = true
      if (mod && key === 'z' && !e.shiftKey) s.undoRequested()
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) s.redoRequested()
      else if (mod && key === 'd') s.duplicateRequested()
      else if (mod && key === 'a') s.allSelected()
      else if (mod && (key === '=' || key === '+')) s.zoomStepped(1)
      else if (mod && key === '-') s.zoomStepped(-1)
      else if (mod && key === '0') s.fitRequested()
      else if (mod) handled = false
      else if (key === 'delete' || key === 'backspace') s.deleteRequested()
      else if (key === 'escape') {
        if (s.tool.kind !== 'idle') s.gestureCancelled()
        else s.selectionChanged([])
      } else if (key === ' ') {
        if (!e.repeat) s.spaceToggled(true)
      } else if (key.startsWith('arrow')) {
        const step = e.shiftKey ? 10 : 1
        const d = { arrowleft: [-step, 0], arrowright: [step, 0], arrowup: [0, -step], arrowdown: [0, step] }[key]
        if (d && d[0] !== undefined && d[1] !== undefined) s.nudged(d[0], d[1])
      } else handled = false
      if (handled) e.preventDefault()
    }
    const onUp = (e: KeyboardEvent) => {
      if (e.key === ' ') store.getState().spaceToggled(false)
    }
    const onBlur = () => store.getState().spaceToggled(false)
    window.addEventListener('keydown', onKey)
    window.addEventListener('keyup', onUp)
    window.addEventListener('blur', onBlur)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('keyup', onUp)
      window.removeEventListener('blur', onBlur)
    }
  }, [store])
}

function IconButton(props: { label: string; onClick(): void; disabled?: boolean; testId?: string; path: string; pressed?: boolean }) {
  return (
    <button
      type="button"
      className="designer-icon"
      title={props.label}
      aria-label={props.label}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d={props.path} />
      </svg>
    </button>
  )
}

// 24×24 stroke icons.
const ICON = {
  add: 'M12 5v14M5 12h14',
  undo: 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  duplicate: 'M8 8h12v12H8zM4 16V4h12',
  remove: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  front: 'M4 4h10v10H4zM10 10h10v10H10z',
  back: 'M10 10h10v10H10zM4 4h10v10H4z',
  lock: 'M6 11h12v9H6zM8 11V8a4 4 0 0 1 8 0v3',
  left: 'M4 3v18M8 7h12v4H8zM8 14h7v4H8z',
  hcenter: 'M12 3v18M5 7h14v4H5zM8 14h8v4H8z',
  right: 'M20 3v18M4 7h12v4H4zM9 14h7v4H9z',
  top: 'M3 4h18M7 8h4v12H7zM14 8h4v7h-4z',
  vcenter: 'M3 12h18M7 5h4v14H7zM14 8h4v8h-4z',
  bottom: 'M3 20h18M7 4h4v12H7zM14 9h4v7h-4z',
  distH: 'M4 3v18M20 3v18M10 7h4v10h-4z',
  distV: 'M3 4h18M3 20h18M7 10h10v4H7z',
  zoomIn: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM20 20l-4-4M8 11h6M11 8v6',
  zoomOut: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM20 20l-4-4M8 11h6',
  fit: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  magnet: 'M6 4v8a6 6 0 0 0 12 0V4h-4v8a2 2 0 0 1-4 0V4z',
  grid: 'M4 4h16v16H4zM4 10h16M4 15h16M10 4v16M15 4v16',
}

const ALIGNS: readonly { edge: AlignEdge; key: MessageKey }[] = [
  { edge: 'left', key: 'designer.align.left' },
  { edge: 'hcenter', key: 'designer.align.hcenter' },
  { edge: 'right', key: 'designer.align.right' },
  { edge: 'top', key: 'designer.align.top' },
  { edge: 'vcenter', key: 'designer.align.vcenter' },
  { edge: 'bottom', key: 'designer.align.bottom' },
]

function Toolbar(props: { store: StoreApi<DesignerState> }) {
  const t = useT()
  const { store } = props
  const s = store.getState()
  const canUndo = useStore(store, selectCanUndo)
  const canRedo = useStore(store, selectCanRedo)
  const count = useStore(store, (x) => x.selection.length)
  const zoom = useStore(store, (x) => x.view.zoom)
  const snap = useStore(store, (x) => x.snapEnabled)
  const grid = useStore(store, (x) => x.showGrid)
  const aspect = useStore(store, (x) => x.aspectLock)
  const custom = useStore(store, (x) => x.history.present.mode === 'custom')
  const mod = isMac ? '⌘' : 'Ctrl+'
  return (
    <div className="designer-toolbar" role="toolbar" aria-label={t('designer.toolbar')}>
      <button type="button" className="button primary designer-add" onClick={s.tileAdded} disabled={!custom} data-testid="designer-add-tile">
        {t('designer.addTile')}
      </button>
      <span className="designer-sep" />
      <IconButton label={`${t('designer.undo')} (${mod}Z)`} path={ICON.undo} onClick={s.undoRequested} disabled={!canUndo} testId="designer-undo" />
      <IconButton label={`${t('designer.redo')} (${mod}Shift+Z)`} path={ICON.redo} onClick={s.redoRequested} disabled={!canRedo} testId="designer-redo" />
      <span className="designer-sep" />
      <IconButton label={`${t('designer.duplicate')} (${mod}D)`} path={ICON.duplicate} onClick={s.duplicateRequested} disabled={count === 0} testId="designer-duplicate" />
      <IconButton label={`${t('designer.delete')} (Del)`} path={ICON.remove} onClick={s.deleteRequested} disabled={count === 0} testId="designer-delete" />
      <IconButton label={t('designer.bringForward')} path={ICON.front} onClick={() => s.reorderRequested('bringForward')} disabled={count === 0} testId="designer-forward" />
      <IconButton label={t('designer.sendBackward')} path={ICON.back} onClick={() => s.reorderRequested('sendBackward')} disabled={count === 0} testId="designer-backward" />
      <IconButton label={t('designer.lock')} path={ICON.lock} onClick={s.lockToggled} disabled={count === 0} testId="designer-lock" />
      <span className="designer-sep" />
      {ALIGNS.map((a) => (
        <IconButton key={a.edge} label={t(a.key)} path={ICON[a.edge]} onClick={() => s.alignRequested(a.edge)} disabled={count === 0} testId={`designer-align-${a.edge}`} />
      ))}
      <IconButton label={t('designer.distributeH')} path={ICON.distH} onClick={() => s.distributeRequested('horizontal')} disabled={count < 3} />
      <IconButton label={t('designer.distributeV')} path={ICON.distV} onClick={() => s.distributeRequested('vertical')} disabled={count < 3} />
      <span className="designer-sep" />
      <label className="designer-inline" title={t('designer.aspect.hint')}>
        <span>{t('designer.aspect')}</span>
        <select value={aspect} onChange={(e) => s.aspectLockChanged(e.target.value as AspectLock)} data-testid="designer-aspect">
          {ASPECT_LOCKS.map((a) => (
            <option key={a} value={a}>
              {a === 'free' ? t('designer.aspect.free') : a}
            </option>
          ))}
        </select>
      </label>
      <span className="designer-spacer" />
      <IconButton label={t('designer.snap')} path={ICON.magnet} onClick={s.snapToggled} pressed={snap} testId="designer-snap" />
      <IconButton label={t('designer.grid')} path={ICON.grid} onClick={s.gridToggled} pressed={grid} testId="designer-grid" />
      <span className="designer-sep" />
      <IconButton label={`${t('designer.zoomOut')} (${mod}−)`} path={ICON.zoomOut} onClick={() => s.zoomStepped(-1)} />
      <span className="designer-zoom" data-testid="designer-zoom">
        {Math.round(zoom * 100)}%
      </span>
      <IconButton label={`${t('designer.zoomIn')} (${mod}+)`} path={ICON.zoomIn} onClick={() => s.zoomStepped(1)} />
      <IconButton label={`${t('designer.fit')} (${mod}0)`} path={ICON.fit} onClick={s.fitRequested} testId="designer-fit" />
    </div>
  )
}

function TemplatePanel(props: { store: StoreApi<DesignerState>; approximate: boolean; hidden: string[] }) {
  const t = useT()
  const { store } = props
  const s = store.getState()
  const mode = useStore(store, (x) => x.history.present.mode)
  const count = useStore(store, (x) => x.simUserCount)
  const audioOnly = useStore(store, (x) => x.simAudioOnlyCount)
  const dialect = useStore(store, (x) => x.dialect)
  const modeKey = (m: LayoutMode): MessageKey => `designer.mode.${m}` as MessageKey
  return (
    <section className="designer-panel" data-testid="designer-template">
      <h3>{t('designer.template.title')}</h3>
      <div className="designer-modes" role="radiogroup" aria-label={t('designer.template.title')}>
        {MODES.map((m) => (
          <label key={m} className="segment">
            <input type="radio" name="designer-mode" checked={mode === m} onChange={() => s.commandIssued({ type: 'setMode', mode: m })} data-testid={`designer-mode-${m}`} />
            <span>{t(modeKey(m))}</span>
          </label>
        ))}
      </div>
      {mode === 'custom' ? (
        <div className="designer-starters">
          <span className="muted small">{t('designer.starters')}</span>
          <div className="designer-starter-list">
            {STARTERS.map((st) => (
              <button key={st.id} type="button" className="button small" onClick={() => s.commandIssued({ type: 'applyTemplate', starter: st.id })} data-testid={`designer-starter-${st.id}`}>
                {t(`designer.starter.${st.id}` as MessageKey)}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <div className="designer-sim">
          <div className="dgrid">
            <label className="dfield">
              <span>{t('designer.template.users')}</span>
              <input type="number" min={0} max={40} value={count} onChange={(e) => s.simUsersChanged(Number(e.target.value), audioOnly)} data-testid="designer-sim-users" />
            </label>
            <label className="dfield">
              <span>{t('designer.template.audioOnly')}</span>
              <input type="number" min={0} max={count} value={audioOnly} onChange={(e) => s.simUsersChanged(count, Number(e.target.value))} />
            </label>
          </div>
          {props.approximate && (
            <p className="designer-approx" data-testid="designer-approx">
              {t('designer.template.approximate')}
            </p>
          )}
          {props.hidden.length > 0 && <p className="muted small">{t('designer.template.hidden', { users: props.hidden.join(', ') })}</p>}
          <button
            type="button"
            className="button"
            data-testid="designer-convert"
            onClick={() => s.commandIssued({ type: 'convertTemplateToCustom', users: simUsers(count, audioOnly), dialect })}
          >
            {t('designer.template.convert')}
          </button>
        </div>
      )}
    </section>
  )
}

function TargetSwitch(props: { store: StoreApi<DesignerState> }) {
  const t = useT()
  const dialect = useStore(props.store, (x) => x.dialect)
  const s = props.store.getState()
  return (
    <div className="designer-target" role="radiogroup" aria-label={t('designer.target')}>
      <span className="muted small">{t('designer.target')}</span>
      {(['mcu', 'recording'] as const).map((d) => (
        <label key={d} className="segment">
          <input type="radio" name="designer-target" checked={dialect === d} onChange={() => s.dialectChanged(d)} data-testid={`designer-target-${d}`} />
          <span>{t(d === 'mcu' ? 'designer.target.mcu' : 'designer.target.recording')}</span>
        </label>
      ))}
    </div>
  )
}

export function DesignerView(props: { store?: StoreApi<DesignerState> }) {
  const t = useT()
  const store = props.store ?? designerStore
  useShortcuts(store)
  const doc = useStore(store, selectSettledDoc)
  const dialect = useStore(store, (x) => x.dialect)
  const count = useStore(store, (x) => x.simUserCount)
  const audioOnly = useStore(store, (x) => x.simAudioOnlyCount)

  const preview = useMemo(() => {
    if (doc.mode === 'custom') return null
    const big = doc.template.bigScreenUser
    return previewTemplate(doc.mode, simUsers(count, audioOnly), doc.canvas, dialect, {
      bigScreenUserId: big?.userId ?? null,
      showAudioOnly: doc.template.showAudioOnly,
      bigOnRight: doc.template.bigOnRight,
    })
  }, [doc.mode, doc.template, doc.canvas, count, audioOnly, dialect])
  useImageProbes(store)
  const issues = useIssues(store)
  const say = useIssueText()
  const tileIssues: TileIssues = useMemo(() => {
    const m = new Map<string, string[]>()
    for (const i of issues) if (i.tileId !== undefined && i.severity === 'error') m.set(i.tileId, [...(m.get(i.tileId) ?? []), say(i)])
    return m
  }, [issues, say])
  const fileError = useStore(store, (x) => x.fileError)

  return (
    <section className="page page-wide designer-page" data-testid="view-designer">
      <PageHeader title={t('designer.title')} subtitle={t('designer.subtitle')}>
        <FileName store={store} />
        <TargetSwitch store={store} />
        <FileMenu store={store} />
      </PageHeader>
      <RecoveryBanner store={store} />
      {fileError && (
        <div className="designer-file-error" role="alert" data-testid="designer-file-error">
          <span>{fileError}</span>
          <button type="button" className="link" onClick={() => store.getState().fileFailed(null)}>
            {t('designer.dismiss')}
          </button>
        </div>
      )}
      <Toolbar store={store} />
      <div className="designer-body">
        <DesignerCanvas store={store} preview={preview?.tiles ?? null} emptyBigArea={preview?.emptyBigArea ?? null} issues={tileIssues} />
        <aside className="designer-side">
          <TemplatePanel store={store} approximate={preview?.approximate ?? false} hidden={preview?.hiddenUserIds ?? []} />
          <RoomUsersPanel store={store} />
          <section className="designer-panel">
            <PropertiesPanel store={store} />
          </section>
          <IssuesPanel store={store} issues={issues} />
          <OutputPanel store={store} />
          <GoLivePanel store={store} />
        </aside>
      </div>
    </section>
  )
}
