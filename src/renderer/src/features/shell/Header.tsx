import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { useApp, useT } from './context'
import { selectActiveProfile } from './appStore'
import { AlertsBell } from '../alerts/AlertsBell'
import { errorText } from '../../i18n/i18n'

export function Header() {
  const t = useT()
  const profiles = useApp((s) => s.profiles)
  const active = useApp(selectActiveProfile)
  const select = useApp((s) => s.sectionSelected)
  const selectProfile = useApp((s) => s.profileSelected)
  const openAbout = useApp((s) => s.aboutToggled)
  const error = useApp((s) => s.error)
  const dismiss = useApp((s) => s.errorDismissed)

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
        <DropdownMenu.Root>
          <DropdownMenu.Trigger asChild>
            <button type="button" className="profile-button" data-testid="profile-switcher">
              <span className="profile-label">{t('header.profile')}</span>
              <span className="profile-name">
                {profiles === null ? t('header.loading') : active ? (active.kind === 'demo' ? t('profile.demoName') : active.name) : t('header.noProfile')}
              </span>
              <svg viewBox="0 0 12 12" aria-hidden="true" className="chevron">
                <path d="M2 4l4 4 4-4" />
              </svg>
            </button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
              {profiles && profiles.profiles.length === 0 && (
                <DropdownMenu.Label className="menu-label">{t('header.profilesEmpty')}</DropdownMenu.Label>
              )}
              {profiles?.profiles.map((p) => (
                <DropdownMenu.Item
                  key={p.id}
                  className="menu-item"
                  data-active={p.id === profiles.activeId || undefined}
                  onSelect={() => void selectProfile(p.id)}
                >
                  <span>{p.kind === 'demo' ? t('profile.demoName') : p.name}</span>
                  <span className="muted">{p.secretIdHint}</span>
                </DropdownMenu.Item>
              ))}
              <DropdownMenu.Separator className="menu-separator" />
              <DropdownMenu.Item className="menu-item" onSelect={() => select('settings')}>
                {t('header.manageProfiles')}
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" onSelect={() => openAbout(true)}>
                {t('header.about')}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
    </header>
  )
}
