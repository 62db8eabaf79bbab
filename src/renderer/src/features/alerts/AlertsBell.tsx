// The header's alerts bell. The bell (with its count) is on the first screen; the panel, its lists
// and the rules editor (./AlertsPanel.tsx) load when it first opens.
import { lazy, Suspense, useEffect, useState } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { api } from '../../api'
import { useT } from '../shell/context'
import { createAlertsStore, selectUnacknowledged, type AlertsState } from './alertsStore'
import './alerts.css'

const AlertsPanel = lazy(() => import('./AlertsPanel').then((m) => ({ default: m.AlertsPanel })))

let sharedStore: StoreApi<AlertsState> | null = null
function alertsStore(): StoreApi<AlertsState> {
  if (!sharedStore) {
    const store = createAlertsStore({ api })
    api.on('alerts.changed', (v) => store.getState().pushed(v))
    void store.getState().loaded()
    sharedStore = store
  }
  return sharedStore
}

export function AlertsBell(props: { store?: StoreApi<AlertsState> }) {
  const t = useT()
  const [store] = useState(() => props.store ?? alertsStore())
  const s = useStore(store)
  const count = selectUnacknowledged(s)
  useEffect(() => {
    if (s.open) void s.loaded()
    // Reload once per opening; pushes keep it fresh while open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s.open])

  const bell = (
    <button
      type="button"
      className="bell"
      aria-label={count > 0 ? t('alerts.bell.count', { count }) : t('alerts.bell')}
      aria-haspopup="dialog"
      aria-expanded={s.open}
      title={t('alerts.bell')}
      onClick={() => s.panelToggled(true)}
      data-testid="alerts-bell"
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 3a6 6 0 0 0-6 6v3.5L4.5 16h15L18 12.5V9a6 6 0 0 0-6-6zM9.5 19a2.5 2.5 0 0 0 5 0" />
      </svg>
      {count > 0 && (
        <span className="bell-count" data-testid="alerts-count">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </button>
  )
  return (
    <>
      {bell}
      {s.open && (
        <Suspense fallback={null}>
          <AlertsPanel s={s} count={count} />
        </Suspense>
      )}
    </>
  )
}
