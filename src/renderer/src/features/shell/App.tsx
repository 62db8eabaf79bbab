import { Fragment, lazy, Suspense, useEffect } from 'react'
import { useApp, useT } from './context'
import { selectDark, selectLocale, sections, type Section } from './appStore'
import { Header } from './Header'
import { RoomsView } from '../rooms/RoomsView'
import { AfterFirstPaint } from '../../components/AfterFirstPaint'
import type { MessageKey } from '../../i18n/i18n'
import type { NavItem } from './NavTooltips'

// The first screen is Rooms; the other sections load when first opened, so start-up parses less.
const DesignerView = lazy(() => import('../designer/DesignerView').then((m) => ({ default: m.DesignerView })))
const ShowView = lazy(() => import('../show/ShowView').then((m) => ({ default: m.ShowView })))
const SeiView = lazy(() => import('../sei/SeiView').then((m) => ({ default: m.SeiView })))
const ConsoleView = lazy(() => import('../console/ConsoleView').then((m) => ({ default: m.ConsoleView })))
const SettingsView = lazy(() => import('../settings/SettingsView').then((m) => ({ default: m.SettingsView })))
// Tooltips and dialogs (Radix) load after the first screen is painted, or when first opened.
const NavTooltips = lazy(() => import('./NavTooltips'))
const AboutDialog = lazy(() => import('./AboutDialog').then((m) => ({ default: m.AboutDialog })))

const navLabel: Record<Section, MessageKey> = {
  rooms: 'nav.rooms',
  designer: 'nav.designer',
  show: 'nav.show',
  sei: 'nav.sei',
  console: 'nav.console',
  settings: 'nav.settings',
}

const navIcon: Record<Section, string> = {
  rooms: 'M3 5h18v4H3zM3 11h18v4H3zM3 17h18v3H3z',
  designer: 'M3 3h8v8H3zM13 3h8v5h-8zM13 10h8v11h-8zM3 13h8v8H3z',
  show: 'M2 5h9v7H2zM13 5h9v7h-9zM2 14h20v5H2z',
  sei: 'M3 19h2V9H3zm4 0h2V5H7zm4 0h2v-7h-2zm4 0h2V8h-2zm4 0h2v-4h-2z',
  console: 'M3 4h18v16H3zm2 4v10h14V8zm1.5 2.5L9 13l-2.5 2.5 1 1L11 13 7.5 9.5zM12 15.5h5V17h-5z',
  settings: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zm9 5v-2l-2.2-.6a7 7 0 0 0-.7-1.7l1.2-2-1.4-1.4-2 1.2a7 7 0 0 0-1.7-.7L13.6 3h-2l-.6 2.2a7 7 0 0 0-1.7.7l-2-1.2-1.4 1.4 1.2 2a7 7 0 0 0-.7 1.7L3 11v2l2.2.6c.2.6.4 1.2.7 1.7l-1.2 2 1.4 1.4 2-1.2c.5.3 1.1.5 1.7.7l.6 2.2h2l.6-2.2c.6-.2 1.2-.4 1.7-.7l2 1.2 1.4-1.4-1.2-2c.3-.5.5-1.1.7-1.7z',
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)
const modKey = isMac ? '⌘' : 'Ctrl+'

export function App() {
  const t = useT()
  const section = useApp((s) => s.section)
  const select = useApp((s) => s.sectionSelected)
  const dark = useApp(selectDark)
  const locale = useApp(selectLocale)
  const ready = useApp((s) => s.ready)
  const aboutOpen = useApp((s) => s.aboutOpen)

  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light'
    document.documentElement.lang = locale
  }, [dark, locale])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(isMac ? e.metaKey : e.ctrlKey) || e.altKey || e.shiftKey) return
      const index = Number(e.key) - 1
      const target = e.key === ',' ? 'settings' : sections[index]
      if (target) {
        e.preventDefault()
        select(target)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [select])

  // Nothing until the first answers are in and their language loaded: no flash of the wrong words.
  if (!ready) return null
  const navItems: NavItem[] = sections.map((s, i) => ({
    key: s,
    tip: t('nav.shortcut', { keys: `${modKey}${i + 1}` }),
    button: (
      <button type="button" className="nav-item" aria-current={section === s ? 'page' : undefined} onClick={() => select(s)} data-testid={`nav-${s}`}>
        <svg viewBox="0 0 24 24" aria-hidden="true" className="nav-icon">
          <path d={navIcon[s]} />
        </svg>
        <span>{t(navLabel[s])}</span>
      </button>
    ),
  }))
  return (
    <div className="shell">
      <Header />
      <nav className="sidebar" aria-label={t('app.name')}>
        <AfterFirstPaint fallback={navItems.map((x) => <Fragment key={x.key}>{x.button}</Fragment>)}>
          <NavTooltips items={navItems} />
        </AfterFirstPaint>
      </nav>
      <main className="content">
        {section === 'rooms' && <RoomsView />}
        <Suspense fallback={null}>
          {section === 'designer' && <DesignerView />}
          {section === 'show' && <ShowView />}
          {section === 'sei' && <SeiView />}
          {section === 'console' && <ConsoleView />}
          {section === 'settings' && <SettingsView />}
        </Suspense>
      </main>
      {aboutOpen && (
        <Suspense fallback={null}>
          <AboutDialog />
        </Suspense>
      )}
    </div>
  )
}
