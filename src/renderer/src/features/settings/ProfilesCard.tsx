import { useEffect, useState } from 'react'
import { api } from '../../api'
import type { ConnectionVerdictView, ProfileListItem } from '../../../../shared/contract/contract'
import { useApp, useT } from '../shell/context'
import { selectLocale } from '../shell/appStore'
import { ImportDialog } from './ImportDialog'
import { ProfileDialog } from './ProfileDialog'
import { verdictText } from './verdict'
import { errorText } from '../../i18n/i18n'

// Warn past one minute of clock offset (requests are still signed with corrected time).
const SKEW_WARN_MS = 60_000

export function ProfilesCard() {
  const t = useT()
  const profiles = useApp((s) => s.profiles)
  const locale = useApp(selectLocale)
  const pushed = useApp((s) => s.profilesPushed)
  const selectProfile = useApp((s) => s.profileSelected)
  const [editing, setEditing] = useState<ProfileListItem | 'new' | null>(null)
  const [importing, setImporting] = useState(false)
  const [verdicts, setVerdicts] = useState<Record<string, ConnectionVerdictView | 'testing' | { failed: string }>>({})
  const [skewMs, setSkewMs] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void api['cloud.status']().then((r) => r.ok && setSkewMs(r.value.skewMs))
  }, [profiles?.activeId, verdicts])

  const test = async (id: string) => {
    setVerdicts((v) => ({ ...v, [id]: 'testing' }))
    const r = await api['profiles.test']({ id })
    setVerdicts((v) => ({ ...v, [id]: r.ok ? r.value : { failed: errorText(t, r.error) } }))
  }
  const remove = async (p: ProfileListItem) => {
    if (!window.confirm(t('profiles.deleteConfirm', { name: p.name }))) return
    const r = await api['profiles.delete']({ id: p.id })
    if (r.ok) pushed(r.value)
    else setError(errorText(t, r.error))
  }

  return (
    <div className="card" data-testid="settings-profiles">
      <div className="toolbar">
        <h2>{t('settings.profiles')}</h2>
        <span className="spacer" />
        <button type="button" className="button" onClick={() => setImporting(true)} data-testid="profiles-import">
          {t('profiles.import')}
        </button>
        <button type="button" className="button primary" onClick={() => setEditing('new')} data-testid="profiles-add">
          {t('profiles.add')}
        </button>
      </div>
      {skewMs !== null && (
        <p className={Math.abs(skewMs) > SKEW_WARN_MS ? 'banner warn small' : 'muted small'} data-testid="profiles-skew">
          {Math.abs(skewMs) > SKEW_WARN_MS
            ? t('profiles.skewWarn', { seconds: (skewMs / 1000).toFixed(0) })
            : t('profiles.skew', { seconds: (skewMs / 1000).toFixed(1) })}
        </p>
      )}
      {error && <p className="error-text" role="alert">{error}</p>}
      <ul className="profile-list">
        {profiles?.profiles.map((p) => {
          const v = verdicts[p.id]
          const active = p.id === profiles.activeId
          return (
            <li key={p.id} className={active ? 'profile active' : 'profile'} data-testid="profile-item" data-profile={p.id}>
              <div className="profile-main">
                <div>
                  <strong>{p.kind === 'demo' ? t('profile.demoName') : p.name}</strong> {active && <span className="badge">{t('settings.profiles.active')}</span>}
                  <div className="muted small">
                    <span className="mono">{p.secretIdHint}</span>
                    {' · '}
                    {p.sdkAppIds.length ? t('profiles.apps', { apps: p.sdkAppIds.join(', ') }) : t('profiles.noApps')}
                    {' · '}
                    {'url' in p.endpoint ? p.endpoint.url : 'site' in p.endpoint ? p.endpoint.site : p.endpoint.region} · {p.defaultRegion}
                    {p.hasToken && ` · ${t('profiles.token')}`}
                    {p.tokenExpiresAt && ` · ${t('profiles.tokenExpires', { time: new Date(p.tokenExpiresAt).toLocaleString(locale) })}`}
                  </div>
                  {p.kind === 'demo' && <div className="muted small">{t('profiles.demoNote')}</div>}
                </div>
                <div className="profile-actions">
                  {!active && (
                    <button type="button" className="button" onClick={() => void selectProfile(p.id)} data-testid="profile-use">
                      {t('profiles.use')}
                    </button>
                  )}
                  <button type="button" className="button" disabled={v === 'testing'} onClick={() => void test(p.id)} data-testid="profile-test">
                    {v === 'testing' ? t('profiles.testing') : t('profiles.test')}
                  </button>
                  {p.kind !== 'demo' && (
                    <>
                      <button type="button" className="button" onClick={() => setEditing(p)} data-testid="profile-edit">
                        {t('profiles.edit')}
                      </button>
                      <button type="button" className="button danger" onClick={() => void remove(p)} data-testid="profile-delete">
                        {t('profiles.delete')}
                      </button>
                    </>
                  )}
                </div>
              </div>
              {v && v !== 'testing' && (
                <p className={!('failed' in v) && v.kind === 'ok' ? 'verdict ok' : 'verdict fail'} data-testid="profile-verdict" role="status">
                  {'failed' in v ? v.failed : verdictText(t, v)}
                </p>
              )}
            </li>
          )
        })}
      </ul>
      {editing && <ProfileDialog profile={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  )
}
