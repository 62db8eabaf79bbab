// The cue list: ordered layouts, each with a thumbnail, renamed in place, moved up and down,
// deleted, and taken to the selected running task by button or by its digit key (1–9).
import { useState } from 'react'
import { useStore, type StoreApi } from 'zustand'
import type { Cue } from '../../../../shared/contract/contract'
import type { LayoutDoc } from '../../../../shared/layout/model'
import { useT } from '../shell/context'
import { errorText, type MessageKey } from '../../i18n/i18n'
import { layoutDiff, sameLayout, type CueState } from './cueStore'

/** A layout's shape in words: "4 equal", "1 + 3" (one big tile and equal others), "5 tiles". */
export function shapeOf(doc: LayoutDoc): [MessageKey, { n: number; rest: number }] {
  const areas = doc.tiles.map((x) => x.width * x.height).sort((a, b) => b - a)
  const n = areas.length
  const p = { n, rest: n - 1 }
  if (n > 0 && areas.every((a) => a === areas[0])) return ['designer.cue.shape.equal', p]
  if (n > 1 && areas.slice(1).every((a) => a === areas[1])) return ['designer.cue.shape.bigAndRest', p]
  return ['designer.cue.shape.tiles', p]
}

const uniqueName = (cues: readonly Cue[], name: string): string => {
  let candidate = name
  for (let i = 2; cues.some((c) => c.name === candidate); i++) candidate = `${name} (${i})`
  return candidate
}

/** The users a layout names, for a cue's default name: "alice, bob +2". */
export function boundUsers(doc: LayoutDoc): string {
  const ids = [...new Set(doc.tiles.flatMap((t) => (t.binding.kind === 'user' ? [t.binding.userId] : [])))]
  return ids.length <= 2 ? ids.join(', ') : `${ids.slice(0, 2).join(', ')} +${ids.length - 2}`
}

export function CueThumb(props: { doc: LayoutDoc }) {
  const { width, height } = props.doc.canvas
  const tiles = [...props.doc.tiles].sort((a, b) => a.z - b.z)
  return (
    <svg className="cue-thumb" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
      <rect x={0} y={0} width={width} height={height} className="cue-thumb-canvas" />
      {tiles.map((t) => (
        <rect key={t.id} x={t.x} y={t.y} width={t.width} height={t.height} className="cue-thumb-tile" />
      ))}
    </svg>
  )
}

export function CueList(props: {
  cues: StoreApi<CueState>
  doc: LayoutDoc
  /** The layout the selected task runs, or null when no task is selected. */
  running: LayoutDoc | null
  liveCueId: string | null
  busy: boolean
  onTake(cue: Cue, index: number): void
}) {
  const t = useT()
  const cues = useStore(props.cues, (s) => s.cues)
  const error = useStore(props.cues, (s) => s.error)
  const armed = useStore(props.cues, (s) => s.armed)
  const s = props.cues.getState()
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null)

  const commitName = () => {
    if (editing) void s.renamed(editing.id, editing.name)
    setEditing(null)
  }

  return (
    <div className="cue-list" data-testid="cue-list">
      <div className="cue-head">
        <h4>{t('designer.cue.title')}</h4>
        <label className={armed ? 'cue-arm armed' : 'cue-arm'} title={t('designer.cue.armHint')}>
          <input type="checkbox" checked={armed} onChange={(e) => s.armedChanged(e.target.checked)} data-testid="cue-arm" />
          <span>{armed ? t('designer.cue.armed') : t('designer.cue.disarmed')}</span>
        </label>
        <button type="button" className="button" onClick={() => void s.added(props.doc, uniqueName(cues, t('designer.cue.defaultName', { shape: t(...shapeOf(props.doc)), who: boundUsers(props.doc) || t('designer.cue.openSlots') })))} data-testid="cue-add">
          {t('designer.cue.add')}
        </button>
      </div>
      {error && (
        <p className="golive-msg fail" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {cues.length === 0 ? (
        <p className="muted small">{t('designer.cue.empty')}</p>
      ) : (
        <ol className="cue-items">
          {cues.map((cue, i) => {
            const live = cue.id === props.liveCueId
            const d = props.running ? layoutDiff(props.running, cue.doc) : null
            const same = d !== null && sameLayout(d)
            return (
              <li key={cue.id} className={live ? 'cue live' : 'cue'} data-testid="cue">
                <span className="cue-key" title={i < 9 ? t('designer.cue.keyHint', { n: i + 1 }) : undefined}>
                  {i < 9 ? i + 1 : ''}
                </span>
                <CueThumb doc={cue.doc} />
                <div className="cue-body">
                  {editing?.id === cue.id ? (
                    <input
                      type="text"
                      value={editing.name}
                      maxLength={80}
                      autoFocus
                      aria-label={t('designer.cue.name')}
                      onChange={(e) => setEditing({ id: cue.id, name: e.target.value })}
                      onBlur={commitName}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') commitName()
                        else if (e.key === 'Escape') setEditing(null)
                      }}
                      data-testid="cue-name-input"
                    />
                  ) : (
                    <button type="button" className="cue-name link" title={t('designer.cue.rename')} onClick={() => setEditing({ id: cue.id, name: cue.name })} data-testid="cue-name">
                      {cue.name}
                    </button>
                  )}
                  <span className="muted small" data-testid="cue-state" title={d && !same && !live ? t('designer.live.diff', { added: d.added, removed: d.removed.length, changed: d.changed }) : undefined}>
                    {live ? <span className="cue-live">{t('designer.cue.live')}</span> : d === null ? t('designer.cue.noTask') : same ? t('designer.live.same') : t('designer.cue.diff', { added: d.added, removed: d.removed.length, changed: d.changed })}
                  </span>
                </div>
                <div className="cue-actions">
                  <button type="button" className="button primary" disabled={props.busy || props.running === null} onClick={() => props.onTake(cue, i)} data-testid="cue-take">
                    {t('designer.live.take')}
                  </button>
                  <button type="button" className="designer-icon" disabled={i === 0} aria-label={t('designer.cue.up')} title={t('designer.cue.up')} onClick={() => void s.moved(cue.id, -1)} data-testid="cue-up">
                    <svg viewBox="0 0 24 24"><path d="M6 15l6-6 6 6" /></svg>
                  </button>
                  <button type="button" className="designer-icon" disabled={i === cues.length - 1} aria-label={t('designer.cue.down')} title={t('designer.cue.down')} onClick={() => void s.moved(cue.id, 1)} data-testid="cue-down">
                    <svg viewBox="0 0 24 24"><path d="M6 9l6 6 6-6" /></svg>
                  </button>
                  <button type="button" className="designer-icon" aria-label={t('designer.cue.delete')} title={t('designer.cue.delete')} onClick={() => void s.removed(cue.id)} data-testid="cue-delete">
                    <svg viewBox="0 0 24 24"><path d="M5 7h14M10 7V5h4v2M7 7l1 12h8l1-12" /></svg>
                  </button>
                </div>
              </li>
            )
          })}
        </ol>
      )}
      {cues.length > 0 && <p className="muted small">{armed ? t('designer.cue.hotkeys') : t('designer.cue.hotkeysOff')}</p>}
    </div>
  )
}
