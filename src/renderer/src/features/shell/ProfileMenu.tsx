// The header's profile menu; loaded after the first screen is painted (Header.tsx).
import type { ReactElement } from 'react'
import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { useApp, useT } from './context'

/** `trigger` is the header's profile button; `defaultOpen` when it was clicked before this loaded. */
export default function ProfileMenu(props: { trigger: ReactElement; defaultOpen: boolean }) {
  const t = useT()
  const profiles = useApp((s) => s.profiles)
  const select = useApp((s) => s.sectionSelected)
  const selectProfile = useApp((s) => s.profileSelected)
  const openAbout = useApp((s) => s.aboutToggled)
  return (
    <DropdownMenu.Root defaultOpen={props.defaultOpen}>
      <DropdownMenu.Trigger asChild>{props.trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
          {profiles && profiles.profiles.length === 0 && <DropdownMenu.Label className="menu-label">{t('header.profilesEmpty')}</DropdownMenu.Label>}
          {profiles?.profiles.map((p) => (
            <DropdownMenu.Item key={p.id} className="menu-item" data-active={p.id === profiles.activeId || undefined} onSelect={() => void selectProfile(p.id)}>
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
  )
}
