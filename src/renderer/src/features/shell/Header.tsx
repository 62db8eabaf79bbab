import { lazy, useState } from 'react'
import { useApp, useT } from './context'
import { selectActiveProfile } from './appStore'
import { AlertsBell } from '../alerts/AlertsBell'
import { errorText } from '../../i18n/i18n'
import { AfterFirstPaint } from '../../components/AfterFirstPaint'

const ProfileMenu = lazy(() => import('./ProfileMenu'))

export function Header() {
  const t = useT()
  const profiles = useApp((s) => s.profiles)
  const active = useApp(selectActiveProfile)
  const error = useApp((s) => s.error)
  const dismiss = useApp((s) => s.errorDismissed)
  // A click before the menu's code is in opens it as soon as it is.
  const [menuWanted, setMenuWanted] = useState(false)

  const trigger = (
    <button type="button" className="profile-button" aria-haspopup="menu" onClick={() => setMenuWanted(true)} data-testid="profile-switcher">
      <span className="profile-label">{t('header.profile')}</span>
      <span className="profile-name">{profiles === null ? t('header.loading') : active ? (active.kind === 'demo' ? t('profile.demoName') : active.name) : t('header.noProfile')}</span>
      <svg viewBox="0 0 12 12" aria-hidden="true" className="chevron">
        <path d="M2 4l4 4 4-4" />
      </svg>
    </button>
  )
  return (
    <header className="header">
      <div className="brand">
        <svg viewBox="0 0 32 32" className="brand-mark" aria-hidden="true">
          <rect x="2" y="2" width="28" height="28" rx="7" />
          <path d="M9 11h14M16 11v12" />
        </svg>
        <span>{t('app.name')}</span>
      </div>
      {error && (
        <div className="header-error" role="alert">
          <span>{errorText(t, error)}</span>
          <button type="button" className="link" onClick={dismiss} aria-label="×">
            ×
          </button>
        </div>
      )}
      <div className="header-actions">
        <AlertsBell />
        <AfterFirstPaint fallback={trigger}>
          <ProfileMenu trigger={trigger} defaultOpen={menuWanted} />
        </AfterFirstPaint>
      </div>
    </header>
  )
}
