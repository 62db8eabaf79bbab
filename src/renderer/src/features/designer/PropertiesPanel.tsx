// Numeric and text properties of the selected tile, or of the document when nothing is selected
// (canvas here; watermarks, audio, SEI and template options in DocumentPanel).
// Fields keep a draft while typing and commit on Enter or blur, so one edit is one undo entry.
import { useStore, type StoreApi } from 'zustand'
import { RENDER_MODES, type CanvasPresetId, type RenderMode, type RoomIdType, type StreamType, type Tile, type UserRef } from '../../../../shared/layout/model'
import { useT } from '../shell/context'
import { useIssues } from './checks'
import { selectSettledDoc, type DesignerState } from './designerStore'
import type { MessageKey } from '../../i18n/i18n'
import { DocumentPanel } from './DocumentPanel'
import { DraftInput, Field, ImageField, NumInput } from './fields'

export { DraftInput }

const PRESETS: readonly CanvasPresetId[] = ['1920x1080', '1280x720', '720x1280', '1080x1920', 'custom']

const modeKey = (m: RenderMode): MessageKey => `designer.renderMode.${m}` as MessageKey

function TileProps(props: { store: StoreApi<DesignerState>; tile: Tile }) {
  const t = useT()
  const { tile } = props
  const issues = useIssues(props.store)
  const issue = props.store.getState().commandIssued
  const ro = tile.locked
  const rect = (k: 'x' | 'y' | 'width' | 'height') => (v: number) => issue({ type: 'setTileRect', id: tile.id, rect: { x: tile.x, y: tile.y, width: tile.width, height: tile.height, [k]: v } })
  const user: UserRef = tile.binding.kind === 'user' ? tile.binding : { userId: '', roomId: '', roomIdType: 'number', streamType: 'camera' }
  const bind = (patch: Partial<UserRef>) => {
    const next = { ...user, ...patch }
    if (next.userId.trim() !== '') issue({ type: 'bindUser', id: tile.id, user: next })
  }
  return (
    <div className="designer-props" data-testid="tile-props">
      <h3>
        {t('designer.props.tile')} <code>{tile.id}</code>
      </h3>
      <div className="dgrid">
        <Field label="X">
          <NumInput value={tile.x} onCommit={rect('x')} testId="prop-x" disabled={ro} />
        </Field>
        <Field label="Y">
          <NumInput value={tile.y} onCommit={rect('y')} testId="prop-y" disabled={ro} />
        </Field>
        <Field label={t('designer.props.width')}>
          <NumInput value={tile.width} onCommit={rect('width')} testId="prop-w" disabled={ro} />
        </Field>
        <Field label={t('designer.props.height')}>
          <NumInput value={tile.height} onCommit={rect('height')} testId="prop-h" disabled={ro} />
        </Field>
        <Field label="Z">
          <NumInput value={tile.z} onCommit={(z) => issue({ type: 'setTileProps', ids: [tile.id], props: { z } })} testId="prop-z" />
        </Field>
        <Field label={t('designer.props.renderMode')}>
          <select value={tile.renderMode} onChange={(e) => issue({ type: 'setTileProps', ids: [tile.id], props: { renderMode: e.target.value as RenderMode } })}>
            {RENDER_MODES.map((m) => (
              <option key={m} value={m}>
                {t(modeKey(m))}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('designer.props.label')} wide>
          <DraftInput value={tile.label} onCommit={(label) => issue({ type: 'setTileProps', ids: [tile.id], props: { label } })} testId="prop-label" />
        </Field>
        <Field label={t('designer.props.binding')} wide>
          <select
            value={tile.binding.kind}
            data-testid="prop-binding"
            onChange={(e) => (e.target.value === 'slot' ? issue({ type: 'unbind', id: tile.id }) : issue({ type: 'bindUser', id: tile.id, user: { ...user, userId: user.userId || tile.label || tile.id } }))}
          >
            <option value="slot">{t('designer.props.binding.slot')}</option>
            <option value="user">{t('designer.props.binding.user')}</option>
          </select>
        </Field>
        {tile.binding.kind === 'user' && (
          <>
            <Field label={t('designer.props.userId')}>
              <DraftInput value={user.userId} onCommit={(userId) => bind({ userId })} testId="prop-user" />
            </Field>
            <Field label={t('designer.props.roomId')}>
              <DraftInput value={user.roomId} onCommit={(roomId) => bind({ roomId })} placeholder={t('designer.props.roomId.main')} />
            </Field>
            <Field label={t('designer.props.roomIdType')}>
              <select value={user.roomIdType} onChange={(e) => bind({ roomIdType: e.target.value as RoomIdType })}>
                <option value="number">{t('designer.props.roomIdType.number')}</option>
                <option value="string">{t('designer.props.roomIdType.string')}</option>
              </select>
            </Field>
            <Field label={t('designer.props.streamType')}>
              <select value={user.streamType} onChange={(e) => bind({ streamType: e.target.value as StreamType })}>
                <option value="camera">{t('designer.props.streamType.camera')}</option>
                <option value="screen">{t('designer.props.streamType.screen')}</option>
              </select>
            </Field>
          </>
        )}
        <ImageField
          label={t('designer.props.placeholder')}
          value={tile.placeholder}
          onChange={(placeholder) => issue({ type: 'setTileProps', ids: [tile.id], props: { placeholder } })}
          issues={issues.filter((i) => i.tileId === tile.id && i.field === 'placeholder')}
          testId="prop-placeholder"
        />
      </div>
    </div>
  )
}

function CanvasProps(props: { store: StoreApi<DesignerState> }) {
  const t = useT()
  const canvas = useStore(props.store, (s) => s.history.present.canvas)
  const name = useStore(props.store, (s) => s.history.present.name)
  const issue = props.store.getState().commandIssued
  const issues = useIssues(props.store)
  return (
    <div className="designer-props" data-testid="canvas-props">
      <h3>{t('designer.props.canvas')}</h3>
      <div className="dgrid">
        <Field label={t('designer.props.name')} wide>
          <DraftInput value={name} placeholder={t('main.untitledLayout')} onCommit={(n) => issue({ type: 'setName', name: n })} />
        </Field>
        <Field label={t('designer.props.preset')} wide>
          <select value={canvas.preset} data-testid="canvas-preset" onChange={(e) => issue({ type: 'setCanvas', preset: e.target.value as CanvasPresetId })}>
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {p === 'custom' ? t('designer.props.preset.custom') : p.replace('x', ' × ')}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('designer.props.width')}>
          <NumInput value={canvas.width} onCommit={(width) => issue({ type: 'setCanvas', preset: 'custom', width })} testId="canvas-w" />
        </Field>
        <Field label={t('designer.props.height')}>
          <NumInput value={canvas.height} onCommit={(height) => issue({ type: 'setCanvas', preset: 'custom', height })} testId="canvas-h" />
        </Field>
        <Field label={t('designer.props.background')} wide>
          <span className="designer-color">
            <input type="color" value={canvas.backgroundColor} onChange={(e) => issue({ type: 'setCanvas', backgroundColor: e.target.value })} />
            <code>{canvas.backgroundColor}</code>
          </span>
        </Field>
        <ImageField
          label={t('designer.props.backgroundImage')}
          value={canvas.backgroundImage}
          onChange={(backgroundImage) => issue({ type: 'setCanvas', backgroundImage })}
          issues={issues.filter((i) => i.field === 'canvas.backgroundImage')}
          testId="canvas-bg-image"
        />
        {canvas.backgroundImage && (
          <Field label={t('designer.props.backgroundFit')} wide>
            <select
              value={canvas.backgroundRenderMode ?? ''}
              onChange={(e) => issue({ type: 'setCanvas', backgroundRenderMode: e.target.value === '' ? null : (e.target.value as RenderMode) })}
              data-testid="canvas-bg-fit"
            >
              <option value="">{t('designer.props.default')}</option>
              {RENDER_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(modeKey(m))}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
    </div>
  )
}

export function PropertiesPanel(props: { store: StoreApi<DesignerState> }) {
  const t = useT()
  // Settled values: fields follow a drag when it ends, so the drag itself only redraws the canvas.
  const tiles = useStore(props.store, (s) => selectSettledDoc(s).tiles)
  const selection = useStore(props.store, (s) => s.selection)
  const selected = tiles.filter((x) => selection.includes(x.id))
  const only = selected.length === 1 ? selected[0] : undefined
  if (only) return <TileProps store={props.store} tile={only} />
  if (selected.length > 1)
    return (
      <div className="designer-props">
        <h3>{t('designer.props.many', { n: selected.length })}</h3>
        <p className="muted small">{t('designer.props.manyHint')}</p>
      </div>
    )
  return (
    <>
      <CanvasProps store={props.store} />
      <DocumentPanel store={props.store} />
    </>
  )
}
