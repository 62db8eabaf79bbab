import { useMemo, useState } from 'react'
import { decodeVolumeLayout } from '../../../../shared/media/volumeLayout'
import { EmptyState } from '../../components/EmptyState'
import { PageHeader } from '../../components/PageHeader'
import { useT } from '../shell/context'
import { LayoutCanvas } from './LayoutCanvas'

// The example payload of 003_530a54cf0f8c0df7.txt L2225–L2228.
export const referenceExample = `{ "app_data":"", "canvas":{ "w":1080, "h":960 }, "regions":[ { "uid":"65949987242835883c", "zorder":2, "volume":45,
"x":270, "y":480, "w":540, "h":480 }, { "uid":"659c9d8d242b328d31", "zorder":2, "volume":0, "x":0, "y":0, "w":540,
"h":480 }, { "uid":"64989a82272b308c", "zorder":2, "volume":91, "x":540, "y":0, "w":540, "h":480 } ], "ver":"1.0",
"ts":1648544726 }`

export function SeiView() {
  const t = useT()
  const [text, setText] = useState('')
  const decoded = useMemo(() => (text.trim() ? decodeVolumeLayout(text) : null), [text])
  const layout = decoded?.layout
  return (
    <section className="page" data-testid="view-sei">
      <PageHeader title={t('sei.title')} subtitle={t('sei.subtitle')} />
      <div className="sei-grid">
        <div className="card sei-source">
          <label className="field wide">
            <span>{t('sei.paste.label')}</span>
            <textarea
              data-testid="sei-json"
              value={text}
              spellCheck={false}
              rows={16}
              placeholder={t('sei.paste.hint')}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <button type="button" className="button" onClick={() => setText(referenceExample)} data-testid="sei-load-example">
            {t('sei.paste.example')}
          </button>
          {decoded && !layout && (
            <p className="error-text" role="alert" data-testid="sei-error">
              {t('sei.error', { message: decoded.warnings[0] ?? '' })}
            </p>
          )}
          {layout && decoded.warnings.length > 0 && (
            <div className="warnings" data-testid="sei-warnings">
              <strong>{t('sei.warnings')}</strong>
              <ul>
                {decoded.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="card sei-preview">
          {layout ? (
            <>
              <div className="sei-meta muted">
                <span>{t('sei.canvas', { w: layout.canvas.w, h: layout.canvas.h })}</span>
                <span>{t('sei.regions', { count: layout.regions.length })}</span>
                <span>ts {layout.ts}</span>
              </div>
              <LayoutCanvas layout={layout} volumeLabel={(v) => t('sei.volume', { value: v })} />
            </>
          ) : (
            <EmptyState title={t('sei.paste.label')} body={t('sei.paste.empty')} />
          )}
        </div>
      </div>
    </section>
  )
}
