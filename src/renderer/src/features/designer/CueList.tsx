// The cue list: ordered layouts, each with a thumbnail, renamed in place, moved up and down,
// deleted, and taken to the selected running task by button or by its digit key (1–9).
import { useState } from 'react'
import { useStore, type StoreApi } from 'zustand'
import type { Cue } from '../../../../shared/contract/contract'
import type { LayoutDoc } from '../../../../shared/layout/model'
import { useT } from '../shell/context'
import { layoutDiff, sameLayout, type CueState } from './cueStore'

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
        <button type="button" className="button" onClick={() => void s.added(props.doc, t('designer.cue.defaultName', { n: cues.length + 1, tiles: props.doc.tiles.length }))} data-testid="cue-add">
          {t('designer.cue.add')}
        </button>
      </div>
      {error && (
        <p className="golive-msg fail" role="alert">
          {error}
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
                  <span className="muted small" data-testid="cue-state" title={d && !same && !live ? t('designer.live.diff', { added: d.added, removed: d.removed, changed: d.changed }) : undefined}>
                    {live ? <span className="cue-live">{t('designer.cue.live')}</span> : d === null ? t('designer.cue.noTask') : same ? t('designer.live.same') : t('designer.cue.diff', { added: d.added, removed: d.removed, changed: d.changed })}
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
      {cues.length > 0 && <p className="muted small">{t('designer.cue.hotkeys')}</p>}
    </div>
  )
}
