// The header's alerts bell and its panel. The bell (with its count) is on the first screen; the
// panel's lists and the rules editor (./AlertsPanel.tsx) load when it first opens.
import { lazy, Suspense, useEffect, useState } from 'react'
import * as Dialog from '@radix-ui/react-dialog'
import { useStore, type StoreApi } from 'zustand'
import { api } from '../../api'
import { errorText } from '../../i18n/i18n'
import { useT } from '../shell/context'
import { createAlertsStore, selectUnacknowledged, type AlertsState } from './alertsStore'
import './alerts.css'

const AlertsPanelBody = lazy(() => import('./AlertsPanel').then((m) => ({ default: m.AlertsPanelBody })))

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

  return (
    <Dialog.Root open={s.open} onOpenChange={s.panelToggled}>
      <Dialog.Trigger asChild>
        <button type="button" className="bell" aria-label={count > 0 ? t('alerts.bell.count', { count }) : t('alerts.bell')} title={t('alerts.bell')} data-testid="alerts-bell">
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 3a6 6 0 0 0-6 6v3.5L4.5 16h15L18 12.5V9a6 6 0 0 0-6-6zM9.5 19a2.5 2.5 0 0 0 5 0" />
          </svg>
          {count > 0 && (
            <span className="bell-count" data-testid="alerts-count">
              {count > 99 ? '99+' : count}
            </span>
          )}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay alert-overlay" />
        <Dialog.Content className="alert-panel" data-testid="alerts-panel" aria-describedby={undefined}>
          <div className="alert-panel-head">
            <Dialog.Title className="dialog-title">{t('alerts.title')}</Dialog.Title>
            <div className="alert-tabs" role="tablist">
              {(['alerts', 'rules'] as const).map((tab) => (
                <button key={tab} type="button" role="tab" aria-selected={s.tab === tab} className="alert-tab" onClick={() => s.tabSelected(tab)} data-testid={`alerts-tab-${tab}`}>
                  {t(tab === 'alerts' ? 'alerts.tab.alerts' : 'alerts.tab.rules')}
                  {tab === 'alerts' && count > 0 && <span className="bell-count inline">{count}</span>}
                </button>
              ))}
            </div>
            <Dialog.Close asChild>
              <button type="button" className="link alert-close" aria-label={t('alerts.close')}>
                ×
              </button>
            </Dialog.Close>
          </div>
          {s.error && (
            <p className="error-text small" role="alert">
              {errorText(t, s.error)}
            </p>
          )}
          <Suspense fallback={<div className="alert-panel-body" />}>
            <AlertsPanelBody s={s} />
          </Suspense>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
