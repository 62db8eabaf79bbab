// Document settings beyond the canvas, in tabs: watermarks (McuWaterMarkParams / WaterMark,
// 003_530a54cf0f8c0df7.txt L15427–L15514, L16396–L16470), the audio allowlist and blocklist
// (McuAudioParams L15096–L15145, SubscribeStreamUserIds L16103–L16170), SEI (McuLayoutVolume and
// McuPassThrough L15300–L15360) and the template options of the floating, grid and screen-share
// layouts. Every change is one command from src/shared/layout/commands.ts, so one undo entry.
import { useState, type DragEvent } from 'react'
import { useStore, type StoreApi } from 'zustand'
import type { AudioUser, LayoutDoc, LayoutVolumeSei, PassThroughSei, RenderMode, RoomIdType, StreamType, TemplateSettings, Watermark } from '../../../../shared/layout/model'
import { DEFAULT_LAYOUT_SEI, RENDER_MODES } from '../../../../shared/layout/model'
import type { Issue } from '../../../../shared/layout/validate'
import type { MessageKey } from '../../i18n/i18n'
import { useT } from '../shell/context'
import { selectSettledDoc, type DesignerState } from './designerStore'
import { ColorField, DraftArea, DraftInput, Field, FieldIssues, ImageField, NumInput, readImage } from './fields'
import { carriesUser, decodeUser, USER_MIME } from './imageDrop'
import { useIssues } from './checks'

type Tab = 'watermarks' | 'audio' | 'sei' | 'template'
const TABS: readonly Tab[] = ['watermarks', 'audio', 'sei', 'template']

/** "It must be shorter than 4,096 characters." (L15322–L15324) */
export const APPDATA_MAX = 4095
const DEFAULT_PASS_THROUGH: PassThroughSei = { payloadType: 100, uuid: null, content: '', interval: 1000, followIdr: false }

interface Ctx {
  doc: LayoutDoc
  issues: Issue[]
  issue: DesignerState['commandIssued']
  dialect: DesignerState['dialect']
}

export function DocumentPanel(props: { store: StoreApi<DesignerState> }) {
  const t = useT()
  const [tab, setTab] = useState<Tab>('watermarks')
  const doc = useStore(props.store, selectSettledDoc)
  const dialect = useStore(props.store, (s) => s.dialect)
  const issues = useIssues(props.store)
  const ctx: Ctx = { doc, issues, issue: props.store.getState().commandIssued, dialect }
  const count = (k: Tab): number => (k === 'watermarks' ? doc.watermarks.length : 0)
  return (
    <div className="designer-props" data-testid="document-props">
      <div className="doc-tabs" role="tablist" aria-label={t('designer.doc.title')}>
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)} data-testid={`doc-tab-${k}`}>
            {t(`designer.doc.${k}` as MessageKey)}
            {count(k) > 0 ? ` (${count(k)})` : ''}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="doc-section">
        {tab === 'watermarks' && <Watermarks ctx={ctx} />}
        {tab === 'audio' && <Audio ctx={ctx} />}
        {tab === 'sei' && <Sei ctx={ctx} />}
        {tab === 'template' && <Template ctx={ctx} />}
      </div>
    </div>
  )
}

function RemoveButton(props: { label: string; onClick(): void; testId?: string }) {
  return (
    <button type="button" className="doc-remove" aria-label={props.label} title={props.label} onClick={props.onClick} data-testid={props.testId}>
      <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
        <path d="M6 6l12 12M18 6 6 18" />
      </svg>
    </button>
  )
}

// ——— Watermarks ———

function Watermarks(props: { ctx: Ctx }) {
  const t = useT()
  const { doc, issue } = props.ctx
  const [error, setError] = useState<string | null>(null)
  const c = doc.canvas
  const addText = () =>
    issue({
      type: 'addWatermark',
      watermark: { kind: 'text', text: 'TRTC', fontSize: Math.round(c.height / 24), fontColor: '#ffffff', backgroundColor: null, x: Math.round(c.width * 0.72), y: Math.round(c.height * 0.04), width: Math.round(c.width / 4), height: Math.round(c.height / 12) },
    })
  const addImage = async (file: File) => {
    const r = await readImage(file, t)
    if (!r.ok) return setError(r.message)
    setError(null)
    const scale = Math.min(1, c.width / 6 / r.width, c.height / 6 / r.height)
    const width = Math.max(1, Math.round(r.width * scale))
    const height = Math.max(1, Math.round(r.height * scale))
    const z = props.ctx.dialect === 'mcu' ? doc.tiles.reduce((m, x) => Math.max(m, x.z), -1) + 1 : 0
    issue({ type: 'addWatermark', watermark: { kind: 'image', image: r.image, z, x: Math.round(c.width * 0.04), y: Math.round(c.height * 0.04), width, height } })
  }
  return (
    <>
      <div className="designer-row">
        <button type="button" className="button small" onClick={addText} data-testid="wm-add-text">
          {t('designer.wm.addText')}
        </button>
        <label className="button small" data-testid="wm-add-image">
          {t('designer.wm.addImage')}
          <input
            type="file"
            accept="image/png,image/jpeg"
            hidden
            data-testid="wm-add-image-input"
            onChange={(e) => {
              const f = e.target.files?.[0]
              e.target.value = ''
              if (f) void addImage(f)
            }}
          />
        </label>
      </div>
      {error && (
        <p className="doc-field-issue" role="alert">
          {error}
        </p>
      )}
      {doc.watermarks.length === 0 && <p className="muted small">{t('designer.wm.none')}</p>}
      {doc.watermarks.map((w) => (
        <WatermarkCard key={w.id} w={w} ctx={props.ctx} />
      ))}
    </>
  )
}

function WatermarkCard(props: { w: Watermark; ctx: Ctx }) {
  const t = useT()
  const { w } = props
  const { issue } = props.ctx
  const mine = props.ctx.issues.filter((i) => i.watermarkId === w.id)
  const rect = (k: 'x' | 'y' | 'width' | 'height') => (v: number) => issue({ type: 'updateWatermark', id: w.id, props: { [k]: v } })
  return (
    <div className="doc-card" data-testid="wm-card" data-wm={w.id}>
      <div className="doc-card-head">
        <span>{t(w.kind === 'image' ? 'designer.wm.image' : 'designer.wm.text')}</span>
        <code>{w.id}</code>
        <span className="spacer" />
        <RemoveButton label={t('designer.wm.remove')} onClick={() => issue({ type: 'removeWatermark', id: w.id })} testId="wm-remove" />
      </div>
      <div className="dgrid">
        {w.kind === 'text' && (
          <>
            <Field label={t('designer.wm.textLabel')} wide>
              <DraftInput value={w.text} onCommit={(text) => issue({ type: 'updateWatermark', id: w.id, props: { text } })} testId="wm-text" />
            </Field>
            <Field label={t('designer.wm.fontSize')}>
              <NumInput value={w.fontSize} onCommit={(fontSize) => issue({ type: 'updateWatermark', id: w.id, props: { fontSize } })} testId="wm-font-size" />
            </Field>
            <Field label={t('designer.wm.color')}>
              <ColorField value={w.fontColor} onCommit={(fontColor) => issue({ type: 'updateWatermark', id: w.id, props: { fontColor } })} testId="wm-color" label={t('designer.wm.color')} />
            </Field>
            <div className="dfield wide">
              <span>{t('designer.wm.fill')}</span>
              <span className="doc-fill">
                <input
                  type="checkbox"
                  checked={w.backgroundColor !== null}
                  aria-label={t('designer.wm.fill')}
                  onChange={(e) => issue({ type: 'updateWatermark', id: w.id, props: { backgroundColor: e.target.checked ? '#000000' : null } })}
                  data-testid="wm-fill"
                />
                {w.backgroundColor !== null ? (
                  <ColorField value={w.backgroundColor} onCommit={(backgroundColor) => issue({ type: 'updateWatermark', id: w.id, props: { backgroundColor } })} label={t('designer.wm.fill')} />
                ) : (
                  <span className="muted small">{t('designer.wm.transparent')}</span>
                )}
              </span>
            </div>
          </>
        )}
        {w.kind === 'image' && (
          <ImageField
            label={t('designer.wm.imageLabel')}
            value={w.image}
            onChange={(image) => (image ? issue({ type: 'updateWatermark', id: w.id, props: { image } }) : issue({ type: 'removeWatermark', id: w.id }))}
            issues={mine.filter((i) => i.code.startsWith('image.'))}
            testId="wm-image"
          />
        )}
        <Field label="X">
          <NumInput value={w.x} onCommit={rect('x')} testId="wm-x" />
        </Field>
        <Field label="Y">
          <NumInput value={w.y} onCommit={rect('y')} testId="wm-y" />
        </Field>
        <Field label={t('designer.props.width')}>
          <NumInput value={w.width} onCommit={rect('width')} testId="wm-w" />
        </Field>
        <Field label={t('designer.props.height')}>
          <NumInput value={w.height} onCommit={rect('height')} testId="wm-h" />
        </Field>
        {w.kind === 'image' && (
          <Field label={t('designer.wm.layer')}>
            <NumInput value={w.z} onCommit={(z) => issue({ type: 'updateWatermark', id: w.id, props: { z: Math.round(z) } })} testId="wm-z" />
          </Field>
        )}
      </div>
      <FieldIssues issues={mine.filter((i) => !i.code.startsWith('image.'))} />
    </div>
  )
}

// ——— Audio ———

function UserRows(props: { users: readonly AudioUser[]; onChange(users: AudioUser[]): void; testId: string }) {
  const t = useT()
  const [draft, setDraft] = useState('')
  const [over, setOver] = useState(false)
  const set = (i: number, patch: Partial<AudioUser>) => props.onChange(props.users.map((u, j) => (j === i ? { ...u, ...patch } : u)))
  const add = (u: AudioUser) => {
    if (props.users.some((x) => x.userId === u.userId && x.roomId === u.roomId && x.roomIdType === u.roomIdType)) return
    props.onChange([...props.users, u])
  }
  const addDraft = () => {
    const userId = draft.trim()
    if (userId === '') return
    add({ userId, roomId: '', roomIdType: 'number' })
    setDraft('')
  }
  // Users dragged from the Room users panel can be dropped straight on the list.
  const drop = {
    onDragOver: (e: DragEvent) => {
      if (!carriesUser([...e.dataTransfer.types])) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'copy'
      setOver(true)
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      setOver(false)
      const u = decodeUser(e.dataTransfer.getData(USER_MIME))
      if (!u) return
      e.preventDefault()
      e.stopPropagation()
      add(u)
    },
  }
  return (
    <div className="doc-users" data-testid={props.testId} {...drop}>
      {props.users.map((u, i) => (
        <div key={i} className="doc-user-row" data-testid="audio-user">
          <DraftInput value={u.userId} onCommit={(userId) => (userId.trim() === '' ? props.onChange(props.users.filter((_, j) => j !== i)) : set(i, { userId: userId.trim() }))} label={t('designer.props.userId')} />
          <DraftInput value={u.roomId} onCommit={(roomId) => set(i, { roomId: roomId.trim() })} placeholder={t('designer.props.roomId.main')} label={t('designer.props.roomId')} />
          <select value={u.roomIdType} onChange={(e) => set(i, { roomIdType: e.target.value as RoomIdType })} aria-label={t('designer.props.roomIdType')} title={t('designer.props.roomIdType')}>
            <option value="number">123</option>
            <option value="string">abc</option>
          </select>
          <RemoveButton label={t('designer.audio.removeUser', { user: u.userId })} onClick={() => props.onChange(props.users.filter((_, j) => j !== i))} />
        </div>
      ))}
      <div className={over ? 'doc-drop over' : 'doc-drop'}>
        <input
          type="text"
          value={draft}
          placeholder={t('designer.audio.addPlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && addDraft()}
          style={{ flex: 1, minWidth: 0 }}
          data-testid={`${props.testId}-add-input`}
        />
        <button type="button" className="button small" onClick={addDraft} disabled={draft.trim() === ''} data-testid={`${props.testId}-add`}>
          {t('designer.audio.add')}
        </button>
      </div>
    </div>
  )
}

function AudioList(props: { kind: 'subscribe' | 'unsubscribe'; ctx: Ctx }) {
  const t = useT()
  const { doc, issue } = props.ctx
  const list = doc.audio[props.kind]
  const set = (v: AudioUser[] | null) => issue({ type: 'setAudio', audio: { ...doc.audio, [props.kind]: v } })
  const k = props.kind === 'subscribe' ? 'allow' : 'block'
  return (
    <div className="doc-card" data-testid={`audio-${props.kind}`}>
      <div className="doc-card-head">
        <span>{t(`designer.audio.${k}` as MessageKey)}</span>
        <span className="spacer" />
        <select value={list === null ? 'none' : 'list'} onChange={(e) => set(e.target.value === 'none' ? null : [])} data-testid={`audio-${props.kind}-mode`} aria-label={t(`designer.audio.${k}` as MessageKey)}>
          <option value="none">{t('designer.audio.notSent')}</option>
          <option value="list">{t('designer.audio.sendList')}</option>
        </select>
      </div>
      <p className="muted small">{t(`designer.audio.${k}.${list === null ? 'none' : list.length === 0 ? 'empty' : 'list'}` as MessageKey)}</p>
      {list !== null && <UserRows users={list} onChange={set} testId={`audio-${props.kind}-users`} />}
    </div>
  )
}

function Audio(props: { ctx: Ctx }) {
  return (
    <>
      <AudioList kind="subscribe" ctx={props.ctx} />
      <AudioList kind="unsubscribe" ctx={props.ctx} />
      <FieldIssues issues={props.ctx.issues.filter((i) => i.field === 'audio')} />
    </>
  )
}

// ——— SEI ———

function Sei(props: { ctx: Ctx }) {
  const t = useT()
  const { doc, issue, issues } = props.ctx
  const lv = doc.sei.layoutVolume
  const pt = doc.sei.passThrough
  const at = (field: string) => issues.filter((i) => i.field === field)
  const setLv = (patch: Partial<LayoutVolumeSei>) => lv && issue({ type: 'setSei', sei: { layoutVolume: { ...lv, ...patch } } })
  const setPt = (patch: Partial<PassThroughSei>) => pt && issue({ type: 'setSei', sei: { passThrough: { ...pt, ...patch } } })
  return (
    <>
      <FieldIssues issues={at('sei')} />
      <div className="doc-card" data-testid="sei-layout-volume">
        <label className="doc-check doc-card-head">
          <input type="checkbox" checked={lv !== null} onChange={(e) => issue({ type: 'setSei', sei: { layoutVolume: e.target.checked ? { ...DEFAULT_LAYOUT_SEI } : null } })} data-testid="sei-lv-on" />
          {t('designer.sei.layoutVolume')}
        </label>
        <p className="muted small">{t('designer.sei.layoutVolume.hint')}</p>
        {!lv && (
          <p className="doc-field-issue warning" data-testid="sei-lv-off">
            {t('designer.sei.layoutVolume.off')}
          </p>
        )}
        {lv && (
          <div className="dgrid">
            <div className="dfield wide">
              <span>AppData</span>
              <DraftArea value={lv.appData} onCommit={(appData) => setLv({ appData })} testId="sei-appdata" />
              <span className="doc-count" data-testid="sei-appdata-count">
                {t('designer.sei.chars', { n: lv.appData.length, max: APPDATA_MAX })}
              </span>
              <FieldIssues issues={at('sei.layoutVolume.appData')} />
            </div>
            <SeiCommon v={lv} set={setLv} at={(f) => at(`sei.layoutVolume.${f}`)} prefix="sei-lv" allowFive={false} />
          </div>
        )}
      </div>
      <div className="doc-card" data-testid="sei-pass-through">
        <label className="doc-check doc-card-head">
          <input type="checkbox" checked={pt !== null} onChange={(e) => issue({ type: 'setSei', sei: { passThrough: e.target.checked ? DEFAULT_PASS_THROUGH : null } })} data-testid="sei-pt-on" />
          {t('designer.sei.passThrough')}
        </label>
        <p className="muted small">{t('designer.sei.passThrough.hint')}</p>
        {pt && (
          <div className="dgrid">
            <div className="dfield wide">
              <span>PayloadContent</span>
              <DraftArea value={pt.content} onCommit={(content) => setPt({ content })} testId="sei-pt-content" />
              <FieldIssues issues={at('sei.passThrough.content')} />
            </div>
            <SeiCommon v={pt} set={setPt} at={(f) => at(`sei.passThrough.${f}`)} prefix="sei-pt" allowFive />
            {(pt.payloadType === 5 || pt.uuid !== null) && (
              <div className="dfield wide">
                <span>PayloadUuid</span>
                <DraftInput value={pt.uuid ?? ''} onCommit={(u) => setPt({ uuid: u.trim() === '' ? null : u.trim() })} placeholder={t('designer.sei.uuid.placeholder')} testId="sei-pt-uuid" />
                <FieldIssues issues={at('sei.passThrough.uuid')} />
              </div>
            )}
          </div>
        )}
      </div>
    </>
  )
}

function SeiCommon<T extends { payloadType: number; interval: number; followIdr: boolean }>(props: { v: T; set(p: Partial<T>): void; at(field: string): Issue[]; prefix: string; allowFive: boolean }) {
  const t = useT()
  const { v } = props
  return (
    <>
      <div className="dfield">
        <span>PayloadType</span>
        <NumInput value={v.payloadType} onCommit={(payloadType) => props.set({ payloadType } as Partial<T>)} testId={`${props.prefix}-payload-type`} />
        <span className="muted small">{props.allowFive ? t('designer.sei.payloadType.pt') : t('designer.sei.payloadType.lv')}</span>
        <FieldIssues issues={props.at('payloadType')} />
      </div>
      <div className="dfield">
        <span>{t('designer.sei.interval')}</span>
        <NumInput value={v.interval} onCommit={(interval) => props.set({ interval } as Partial<T>)} testId={`${props.prefix}-interval`} />
        <FieldIssues issues={props.at('interval')} />
      </div>
      <label className="doc-check wide">
        <input type="checkbox" checked={v.followIdr} onChange={(e) => props.set({ followIdr: e.target.checked } as Partial<T>)} data-testid={`${props.prefix}-follow-idr`} />
        {t('designer.sei.followIdr')}
      </label>
    </>
  )
}

// ——— Template options ———

const renderKey = (m: RenderMode): MessageKey => `designer.renderMode.${m}` as MessageKey

function Template(props: { ctx: Ctx }) {
  const t = useT()
  const { doc, issue, issues, dialect } = props.ctx
  const tm = doc.template
  const [over, setOver] = useState(false)
  const set = (template: Partial<TemplateSettings>) => issue({ type: 'setMode', mode: doc.mode, template })
  const at = (field: string) => issues.filter((i) => i.field === field)
  const big = tm.bigScreenUser
  const setBig = (patch: Partial<NonNullable<TemplateSettings['bigScreenUser']>>) => {
    const next = { ...(big ?? { userId: '', roomId: '', roomIdType: 'number' as const, streamType: 'camera' as const }), ...patch }
    set({ bigScreenUser: next.userId.trim() === '' ? null : { ...next, userId: next.userId.trim() } })
  }
  const drop = {
    onDragOver: (e: DragEvent) => {
      if (!carriesUser([...e.dataTransfer.types])) return
      e.preventDefault()
      setOver(true)
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      setOver(false)
      const u = decodeUser(e.dataTransfer.getData(USER_MIME))
      if (!u) return
      e.preventDefault()
      e.stopPropagation()
      set({ bigScreenUser: { ...u, streamType: big?.streamType ?? 'camera' } })
    },
  }
  return (
    <>
      {doc.mode === 'custom' && <p className="muted small" data-testid="template-custom-hint">{t('designer.tpl.customHint')}</p>}
      <div className={over ? 'doc-card doc-drop over' : 'doc-card'} data-testid="template-big" {...drop} style={{ display: 'flex', flexDirection: 'column', alignItems: 'stretch' }}>
        <div className="doc-card-head">
          <span>{t('designer.tpl.bigUser')}</span>
          <span className="spacer" />
          {big && <RemoveButton label={t('designer.tpl.clearBig')} onClick={() => set({ bigScreenUser: null })} testId="template-big-clear" />}
        </div>
        <p className="muted small">{t('designer.tpl.bigHint')}</p>
        <div className="dgrid">
          <Field label={t('designer.props.userId')}>
            <DraftInput value={big?.userId ?? ''} onCommit={(userId) => setBig({ userId })} testId="template-big-user" />
          </Field>
          <Field label={t('designer.props.roomId')}>
            <DraftInput value={big?.roomId ?? ''} onCommit={(roomId) => setBig({ roomId: roomId.trim() })} placeholder={t('designer.props.roomId.main')} disabled={!big} />
          </Field>
          <Field label={t('designer.props.roomIdType')}>
            <select value={big?.roomIdType ?? 'number'} disabled={!big} onChange={(e) => setBig({ roomIdType: e.target.value as RoomIdType })}>
              <option value="number">{t('designer.props.roomIdType.number')}</option>
              <option value="string">{t('designer.props.roomIdType.string')}</option>
            </select>
          </Field>
          <Field label={t('designer.props.streamType')}>
            <select value={big?.streamType ?? 'camera'} disabled={!big} onChange={(e) => setBig({ streamType: e.target.value as StreamType })}>
              <option value="camera">{t('designer.props.streamType.camera')}</option>
              <option value="screen">{t('designer.props.streamType.screen')}</option>
            </select>
          </Field>
        </div>
        <FieldIssues issues={at('template.bigScreenUser')} />
      </div>
      <div className="dgrid">
        <Field label={t('designer.props.renderMode')} wide>
          <select value={tm.renderMode} onChange={(e) => set({ renderMode: e.target.value as RenderMode })} data-testid="template-render-mode">
            {RENDER_MODES.map((m) => (
              <option key={m} value={m}>
                {t(renderKey(m))}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <FieldIssues issues={at('template.renderMode')} />
      <label className="doc-check">
        <input type="checkbox" checked={tm.showAudioOnly} onChange={(e) => set({ showAudioOnly: e.target.checked })} data-testid="template-audio-only" />
        {t('designer.tpl.showAudioOnly')}
        {dialect === 'recording' && <span className="muted small">— {t('designer.tpl.mcuOnly')}</span>}
      </label>
      <FieldIssues issues={at('template.showAudioOnly')} />
      <label className="doc-check">
        <input type="checkbox" checked={tm.bigOnRight} onChange={(e) => set({ bigOnRight: e.target.checked })} data-testid="template-big-right" />
        {t('designer.tpl.bigOnRight')}
        {dialect === 'mcu' && <span className="muted small">— {t('designer.tpl.recordingOnly')}</span>}
      </label>
      <ImageField
        label={t('designer.tpl.defaultPlaceholder')}
        value={tm.defaultPlaceholder}
        onChange={(defaultPlaceholder) => set({ defaultPlaceholder })}
        issues={tm.defaultPlaceholder && !tm.defaultPlaceholder.url ? [{ severity: 'error', code: 'image.noUrl', params: { name: tm.defaultPlaceholder.name }, field: 'template.defaultPlaceholder' }] : at('template.defaultPlaceholder')}
        testId="template-placeholder"
      />
    </>
  )
}
