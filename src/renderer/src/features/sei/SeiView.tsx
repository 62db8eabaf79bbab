import { useMemo, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import { useApp, useT } from '../shell/context'
import { selectLocale } from '../shell/appStore'
import { layoutAt, volumeCsv } from '../../../../shared/media/seiEntry'
import { LayoutCanvas } from './LayoutCanvas'
import { createSeiStore, type Source } from './seiStore'
import { VolumeChart } from './VolumeChart'
import { LivePanel } from './LivePanel'
import { compareSei } from '../../../../shared/layout/compareSei'
import type { LayoutDoc } from '../../../../shared/layout/model'
import SeiWorker from './seiWorker?worker&inline'
import { download } from '../../components/download'

// The example payload of 003_530a54cf0f8c0df7.txt L2225–L2228.
export const referenceExample = `{ "app_data":"", "canvas":{ "w":1080, "h":960 }, "regions":[ { "uid":"65949987242835883c", "zorder":2, "volume":45,
"x":270, "y":480, "w":540, "h":480 }, { "uid":"659c9d8d242b328d31", "zorder":2, "volume":0, "x":0, "y":0, "w":540,
"h":480 }, { "uid":"64989a82272b308c", "zorder":2, "volume":91, "x":540, "y":0, "w":540, "h":480 } ], "ver":"1.0",
"ts":1648544726 }`

/** Control characters shown as dots, so binary-looking text stays readable. */
const printable = (s: string) =>
  Array.from(s, (c) => {
    const code = c.charCodeAt(0)
    return (code < 32 && c !== '\n' && c !== '\t' && c !== '\r') || code === 127 ? '·' : c
  }).join('')

const store = createSeiStore({ startWorker: () => new SeiWorker(), objectUrl: (f) => URL.createObjectURL(f), revokeUrl: (u) => URL.revokeObjectURL(u) })

async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
  const box = svg.viewBox.baseVal
  const text = new XMLSerializer().serializeToString(svg)
  const img = new Image()
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`
  await img.decode()
  const canvas = document.createElement('canvas')
  canvas.width = box.width
  canvas.height = box.height
  canvas.getContext('2d')!.drawImage(img, 0, 0, box.width, box.height)
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'))
}

/** A message whose `quoted` parts are JSON names: shown as code. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))
}

export function SeiView() {
  const t = useT()
  const locale = useApp(selectLocale)
  const s = useStore(store)
  const fileInput = useRef<HTMLInputElement>(null)
  const video = useRef<HTMLVideoElement>(null)
  const svg = useRef<SVGSVGElement>(null)
  // The playing position belongs to one video: a newly opened file starts without one.
  const [playing, setPlaying] = useState<{ url: string; ms: number } | null>(null)
  const videoMs = playing && playing.url === s.videoUrl ? playing.ms : null
  const [dragging, setDragging] = useState(false)
  const [latency, setLatency] = useState<number | null>(null)
  const [design, setDesign] = useState<LayoutDoc | null>(null)

  const layoutEntries = useMemo(() => s.entries.filter((e) => e.layout), [s.entries])
  const selected = s.entries[s.index]
  // With a playing video the overlay follows the picture; otherwise the selected message.
  const shown = videoMs !== null ? layoutAt(s.entries, videoMs) : selected?.layout ? selected : layoutAt(s.entries, selected?.ptsMs ?? 0)
  const volumeLabel = (v: number) => t('sei.volume', { value: v })
  // Live streams of tasks started here are checked against the layout the task was given.
  const comparison = s.source === 'live' && design && shown?.layout ? compareSei(design, shown.layout) : null

  const seek = (ms: number) => {
    const i = s.entries.findIndex((e) => e.ptsMs >= ms)
    s.entrySelected(i < 0 ? s.entries.length - 1 : i)
    if (video.current) video.current.currentTime = ms / 1000
  }
  const tabs: Source[] = ['paste', 'file', 'live']

  return (
    <section
      className="page page-wide"
      data-testid="view-sei"
      onDragOver={(e) => {
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault()
        setDragging(false)
        const f = e.dataTransfer.files[0]
        if (f) s.fileOpened(f)
      }}
    >
      <PageHeader title={t('sei.title')} subtitle={t('sei.subtitle')}>
        <div className="tabs" role="tablist">
          {tabs.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={s.source === k} className="tab" onClick={() => s.sourceSelected(k)} data-testid={`sei-tab-${k}`}>
              {t(k === 'paste' ? 'sei.source.paste' : k === 'file' ? 'sei.source.file' : 'sei.source.live')}
            </button>
          ))}
        </div>
      </PageHeader>
      {dragging && <div className="drop-hint">{t('sei.file.drop')}</div>}
      <div className="sei-grid">
        <div className="card sei-source">
          {s.source === 'live' ? (
            <LivePanel onEntries={s.liveEntries} onLatency={setLatency} onDesign={setDesign} />
          ) : s.source === 'paste' ? (
            <>
              <label className="field wide">
                <span>{t('sei.paste.label')}</span>
                <textarea data-testid="sei-json" value={s.text} spellCheck={false} rows={14} placeholder={t('sei.paste.hint')} onChange={(e) => s.textChanged(e.target.value)} />
              </label>
              <button type="button" className="button" onClick={() => s.textChanged(referenceExample)} data-testid="sei-load-example">
                {t('sei.paste.example')}
              </button>
            </>
          ) : (
            <>
              <input
                ref={fileInput}
                type="file"
                hidden
                accept=".flv,.mp4,.m4v,.mov,.ts,.m2ts,.h264,.264,.h265,.265,.hevc"
                onChange={(e) => {
                  const f = e.target.files?.[0]
                  if (f) s.fileOpened(f)
                  e.target.value = ''
                }}
                data-testid="sei-file-input"
              />
              <button type="button" className="button primary" onClick={() => fileInput.current?.click()}>
                {t('sei.file.open')}
              </button>
              <p className="muted small">{t('sei.file.hint')}</p>
              {s.fileName && (
                <p className="small" data-testid="sei-file-summary">
                  <strong>{s.fileName}</strong>
                  {s.container && ` · ${s.container.toUpperCase()}`}
                  {!s.parsing && ` · ${t('sei.file.count', { count: s.entries.length, layouts: layoutEntries.length })}`}
                </p>
              )}
              {s.parsing && (
                <div className="progress" role="progressbar" aria-valuemax={s.parsing.total} aria-valuenow={s.parsing.bytes}>
                  <div className="progress-bar" style={{ width: `${s.parsing.total ? (100 * s.parsing.bytes) / s.parsing.total : 0}%` }} />
                  <span className="small muted">{t('sei.file.parsing', { percent: s.parsing.total ? Math.floor((100 * s.parsing.bytes) / s.parsing.total) : 0, count: s.parsing.count })}</span>
                </div>
              )}
              {s.entries.length > 0 && (
                <div className="sei-timeline">
                  <input
                    type="range"
                    min={0}
                    max={s.entries.length - 1}
                    value={s.index}
                    onChange={(e) => seek(s.entries[Number(e.target.value)]!.ptsMs)}
                    aria-label={t('sei.timeline')}
                    data-testid="sei-scrub"
                  />
                  <ol className="sei-list" data-testid="sei-list">
                    {s.entries.map((e, i) => (
                      <li key={`${e.offset}-${i}`} aria-current={i === s.index} onClick={() => seek(e.ptsMs)}>
                        <span className="mono">{(e.ptsMs / 1000).toFixed(3)} s</span>
                        <span className="muted">type {e.payloadType}</span>
                        <span className="ellipsis">{e.layout ? (e.layout.regions.length === 1 ? t('sei.region') : t('sei.regions', { count: e.layout.regions.length })) : printable((e.text ?? e.base64 ?? '').slice(0, 60))}</span>
                      </li>
                    ))}
                  </ol>
                </div>
              )}
            </>
          )}
          {s.error && (
            <p className="error-text" role="alert" data-testid="sei-error">
              {withCode(s.source === 'paste' ? t('sei.error', { message: t(s.error.key, s.error.params) }) : t(s.error.key, s.error.params))}
            </p>
          )}
          {s.warnings.length > 0 && (
            <div className="warnings" data-testid="sei-warnings">
              <strong>{t('sei.warnings')}</strong>
              <ul>
                {s.warnings.map((w, i) => (
                  <li key={i}>{withCode(t(w.key, w.params))}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="card sei-preview">
          {shown?.layout ? (
            <>
              <div className="sei-meta muted">
                <span>{t('sei.canvas', { w: shown.layout.canvas.w, h: shown.layout.canvas.h })}</span>
                <span>{(shown.layout.regions.length === 1 ? t('sei.region') : t('sei.regions', { count: shown.layout.regions.length }))}</span>
                <span title={String(shown.layout.ts)}>{t('sei.serverTime', { time: new Date(shown.layout.ts * 1000).toLocaleString(locale) })}</span>
                {s.source !== 'paste' && <span>{(shown.ptsMs / 1000).toFixed(3)} s</span>}
                {s.source === 'live' && latency !== null && <span data-testid="sei-latency">{t('sei.live.latency', { seconds: (latency / 1000).toFixed(1) })}</span>}
                <span className="spacer" />
                <button type="button" className="link" onClick={() => svg.current && void svgToPng(svg.current).then((b) => download('sei-overlay.png', b))} data-testid="sei-export-png">
                  {t('sei.export.png')}
                </button>
                {layoutEntries.length > 1 && (
                  <button type="button" className="link" onClick={() => download('sei-volumes.csv', new Blob([volumeCsv(s.entries)], { type: 'text/csv' }))} data-testid="sei-export-csv">
                    {t('sei.export.csv')}
                  </button>
                )}
              </div>
              {comparison && (
                <p className={comparison.comparable && comparison.regions.every((r) => r.status === 'match') && comparison.missing.length === 0 ? 'compare ok' : 'compare'} data-testid="sei-compare">
                  {comparison.comparable
                    ? t('sei.compare.summary', {
                        match: comparison.regions.filter((r) => r.status === 'match').length,
                        moved: comparison.regions.filter((r) => r.status === 'moved').length,
                        unexpected: comparison.regions.filter((r) => r.status === 'unexpected').length,
                        missing: comparison.missing.length,
                      })
                    : t('sei.compare.template')}
                </p>
              )}
              <div className="sei-stage">
                {s.videoUrl && (
                  <video
                    ref={video}
                    src={s.videoUrl}
                    controls
                    muted
                    onTimeUpdate={(e) => setPlaying({ url: s.videoUrl!, ms: e.currentTarget.currentTime * 1000 })}
                    onSeeked={(e) => setPlaying({ url: s.videoUrl!, ms: e.currentTarget.currentTime * 1000 })}
                    data-testid="sei-video"
                  />
                )}
                <div className={s.videoUrl ? 'sei-overlay' : ''}>
                  <LayoutCanvas layout={shown.layout} volumeLabel={volumeLabel} transparent={Boolean(s.videoUrl)} comparison={comparison} ref={svg} />
                </div>
              </div>
            </>
          ) : (
            <EmptyState title={t(s.source === 'paste' ? 'sei.paste.label' : 'sei.file.open')} body={t(s.source === 'paste' ? 'sei.paste.empty' : 'sei.file.empty')} />
          )}
          {layoutEntries.length > 1 && <VolumeChart entries={s.entries} cursorMs={shown?.ptsMs ?? 0} onSeek={seek} />}
          {selected && s.source === 'file' && (
            <details className="sei-raw" open>
              <summary>{t('sei.raw', { type: selected.payloadType, offset: selected.offset })}</summary>
              {selected.uuid && <p className="mono small">uuid {selected.uuid}</p>}
              <pre className="code" data-testid="sei-raw">{selected.text !== undefined ? printable(selected.text) : selected.base64}</pre>
            </details>
          )}
        </div>
      </div>
    </section>
  )
}
