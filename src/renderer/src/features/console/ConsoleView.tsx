// The API console: pick one of the TRTC actions, fill its request (a form made from its schema, or
// JSON), send it through the active profile, read the answer. Loaded on first use (shell/App.tsx).
import { useEffect, useState } from 'react'
import type { StoreApi } from 'zustand/vanilla'
import { useStore } from 'zustand'
import { api } from '../../api'
import { PageHeader } from '../../components/PageHeader'
import { actions } from '../../../../shared/trtc/actions'
import { useApp } from '../shell/context'
import { selectActiveProfile } from '../shell/appStore'
import { filterActions, type GroupId } from './catalog'
import { createConsoleStore, type ConsoleState, type ProfileDefaults } from './consoleStore'
import { RequestPanel } from './RequestPanel'
import { ResponsePanel } from './ResponsePanel'
import { useConsoleT } from './text'
import './console.css'

// One store for the app's life: the drafts and the session's calls survive leaving the section.
let shared: StoreApi<ConsoleState> | null = null

function ActionPicker({ store }: { store: StoreApi<ConsoleState> }) {
  const { t } = useConsoleT()
  const current = useStore(store, (s) => s.action)
  const [query, setQuery] = useState('')
  const groups = filterActions(query, (g: GroupId) => t(`console.group.${g}`))
  return (
    <nav className="card console-picker" aria-label={t('console.actions')}>
      <input type="search" className="console-filter" placeholder={t('console.filter')} aria-label={t('console.filter')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="console-filter" />
      <div className="console-groups">
        {groups.length === 0 && <p className="muted small">{t('console.noMatch')}</p>}
        {groups.map((g) => (
          <section key={g.id} className="console-group">
            <h3>{t(`console.group.${g.id}`)}</h3>
            <ul>
              {g.actions.map((a) => (
                <li key={a}>
                  <button
                    type="button"
                    className="console-action"
                    aria-current={a === current ? 'true' : undefined}
                    onClick={() => store.getState().actionChosen(a)}
                    data-testid={`console-action-${a}`}
                  >
                    <span className="ellipsis" translate="no">
                      {a}
                    </span>
                    {actions[a].mutating && <span className="console-writes" title={t('console.writes')} aria-label={t('console.writes')} />}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  )
}

export function ConsoleView() {
  const { t } = useConsoleT()
  const active = useApp(selectActiveProfile)
  const profile: ProfileDefaults = { sdkAppId: active?.sdkAppIds[0] ?? null, region: active?.defaultRegion ?? null }
  const store = (shared ??= createConsoleStore({ api, now: Date.now, profile }))
  useEffect(() => {
    store.getState().profileChanged({ sdkAppId: profile.sdkAppId, region: profile.region })
  }, [store, profile.sdkAppId, profile.region])

  return (
    <section className="page page-wide console-page" data-testid="view-console">
      <PageHeader title={t('console.title')} subtitle={t('console.subtitle')} />
      <div className="console-grid">
        <ActionPicker store={store} />
        <RequestPanel store={store} />
        <ResponsePanel store={store} />
      </div>
    </section>
  )
}
