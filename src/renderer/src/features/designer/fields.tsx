// Form fields of the designer's panels. Each keeps a draft while it is edited and commits once (on
// Enter, blur, or when a picker closes), so one edit is one undo entry; the document's value shows
// through whenever nothing is being edited, so undo and other edits are always visible.
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { ImageRef } from '../../../../shared/layout/model'
import type { Issue } from '../../../../shared/layout/validate'
import { useIssueText, useT } from '../shell/context'
import { checkImage, makePreview, previewSrc } from './imageDrop'

export function Field(props: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={props.wide ? 'dfield wide' : 'dfield'}>
      <span>{props.label}</span>
      {props.children}
    </label>
  )
}

export function DraftInput(props: { value: string; onCommit(v: string): void; type?: 'text' | 'number'; testId?: string; disabled?: boolean; placeholder?: string; label?: string }) {
  // null while not editing: the field shows the document's value, so undo and other edits show through.
  const [draft, setDraft] = useState<string | null>(null)
  const done = () => {
    if (draft !== null && draft !== props.value) props.onCommit(draft)
    setDraft(null)
  }
  return (
    <input
      type={props.type ?? 'text'}
      value={draft ?? props.value}
      disabled={props.disabled}
      placeholder={props.placeholder}
      aria-label={props.label}
      data-testid={props.testId}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={done}
      onKeyDown={(e) => {
        if (e.key === 'Enter') done()
        if (e.key === 'Escape') setDraft(null)
      }}
    />
  )
}

export function NumInput(props: { value: number; onCommit(v: number): void; testId?: string; disabled?: boolean; label?: string }) {
  return (
    <DraftInput
      type="number"
      value={String(props.value)}
      testId={props.testId}
      disabled={props.disabled}
      label={props.label}
      onCommit={(v) => {
        const n = Number(v)
        if (v.trim() !== '' && Number.isFinite(n)) props.onCommit(n)
      }}
    />
  )
}

/** A multi-line draft committed on blur (Enter makes a new line). */
export function DraftArea(props: { value: string; onCommit(v: string): void; testId?: string; rows?: number }) {
  const [draft, setDraft] = useState<string | null>(null)
  return (
    <textarea
      className="doc-textarea"
      rows={props.rows ?? 3}
      spellCheck={false}
      value={draft ?? props.value}
      data-testid={props.testId}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        if (draft !== null && draft !== props.value) props.onCommit(draft)
        setDraft(null)
      }}
    />
  )
}

/** `#rrggbb` with a swatch; the colour is committed when the picker closes, not on every hue it passes. */
export function ColorField(props: { value: string; onCommit(v: string): void; testId?: string; label?: string }) {
  const ref = useRef<HTMLInputElement>(null)
  const [draft, setDraft] = useState<string | null>(null)
  const commit = useRef(props.onCommit)
  useEffect(() => {
    commit.current = props.onCommit
  })
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const onChange = () => {
      commit.current(el.value)
      setDraft(null)
    }
    el.addEventListener('change', onChange)
    return () => el.removeEventListener('change', onChange)
  }, [])
  const swatch = /^#[0-9a-fA-F]{6}$/.test(draft ?? props.value) ? (draft ?? props.value) : '#000000'
  return (
    <span className="designer-color">
      <input ref={ref} type="color" aria-label={props.label} value={swatch.toLowerCase()} onChange={(e) => setDraft(e.target.value)} />
      <DraftInput value={draft ?? props.value} onCommit={props.onCommit} testId={props.testId} label={props.label} />
    </span>
  )
}

export function FieldIssues(props: { issues: readonly Issue[]; testId?: string }) {
  const say = useIssueText()
  if (props.issues.length === 0) return null
  return (
    <>
      {props.issues.map((i, n) => (
        <p key={n} className={`doc-field-issue ${i.severity}`} data-testid={props.testId ?? 'field-issue'} data-code={i.code}>
          {say(i)}
        </p>
      ))}
    </>
  )
}

/** Reads a chosen or dropped PNG/JPEG into an ImageRef with a local preview (no URL yet), or a message why not. */
export async function readImage(file: File, t: ReturnType<typeof useT>): Promise<{ ok: true; image: ImageRef; width: number; height: number } | { ok: false; message: string }> {
  const problem = checkImage(file)
  if (problem === 'type') return { ok: false, message: t('designer.image.notImage', { name: file.name }) }
  if (problem === 'empty') return { ok: false, message: t('designer.image.empty', { name: file.name }) }
  if (problem === 'size') return { ok: false, message: t('designer.image.tooBig', { name: file.name, size: (file.size / 1024 / 1024).toFixed(1) }) }
  try {
    const p = await makePreview(file)
    return { ok: true, image: { name: file.name, dataRef: p.dataUrl }, width: p.width, height: p.height }
  } catch {
    return { ok: false, message: t('designer.image.decode', { name: file.name }) }
  }
}

const baseName = (url: string): string => decodeURIComponent(url.split(/[?#]/)[0]?.split('/').pop() ?? '') || url

/**
 * An image the cloud fetches by URL: a local preview chosen from a file (or dropped on the canvas),
 * the public URL the request carries, and the issues of the image.
 */
export function ImageField(props: { label: string; value: ImageRef | null; onChange(v: ImageRef | null): void; issues?: readonly Issue[]; testId: string; disabled?: boolean }) {
  const t = useT()
  const input = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string | null>(null)
  const v = props.value
  const src = previewSrc(v)
  const choose = async (file: File) => {
    const r = await readImage(file, t)
    if (!r.ok) return setError(r.message)
    setError(null)
    props.onChange(r.image)
  }
  const setUrl = (raw: string) => {
    const url = raw.trim()
    if (url === '') props.onChange(v?.dataRef ? { name: v.name, dataRef: v.dataRef } : null)
    else props.onChange({ name: v?.name || baseName(url), url, ...(v?.dataRef ? { dataRef: v.dataRef } : {}) })
  }
  return (
    <div className="dfield wide" data-testid={props.testId}>
      <span>{props.label}</span>
      <div className="designer-row">
        {src && <img className="doc-thumb" src={src} alt="" data-testid={`${props.testId}-thumb`} />}
        <span className="small" style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {v ? v.name || t('designer.image.unnamed') : t('designer.image.none')}
        </span>
        <button type="button" className="button small" disabled={props.disabled} onClick={() => input.current?.click()} data-testid={`${props.testId}-choose`}>
          {t('designer.image.choose')}
        </button>
        {v && (
          <button type="button" className="button small" disabled={props.disabled} onClick={() => props.onChange(null)} data-testid={`${props.testId}-clear`}>
            {t('designer.image.remove')}
          </button>
        )}
      </div>
      <DraftInput value={v?.url ?? ''} placeholder="https://…" onCommit={setUrl} testId={`${props.testId}-url`} disabled={props.disabled} label={`${props.label} URL`} />
      {error && (
        <p className="doc-field-issue" role="alert">
          {error}
        </p>
      )}
      <FieldIssues issues={props.issues ?? []} />
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg"
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0]
          e.target.value = ''
          if (f) void choose(f)
        }}
      />
    </div>
  )
}
