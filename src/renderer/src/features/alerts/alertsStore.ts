// Alerts in the renderer: the list main pushes, the rules, and the panel's state. Main owns the
// poller and the files; this store renders snapshots and sends intents.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Api } from '../../../../shared/contract/client'
import type { AlertRulesView, AlertsView } from '../../../../shared/contract/contract'
import type { AppError } from '../../../../shared/errors'
import type { AlertRule, RuleInput } from '../../../../shared/alerts/model'

export type AlertsTab = 'alerts' | 'rules'

export interface AlertsState {
  view: AlertsView | null
  rules: AlertRulesView | null
  open: boolean
  tab: AlertsTab
  /** The rule being edited; 'new' for a new one; null when the form is closed. */
  editing: AlertRule | 'new' | null
  error: AppError | null
  loaded(): Promise<void>
  pushed(view: AlertsView): void
  panelToggled(open: boolean): void
  tabSelected(tab: AlertsTab): void
  editStarted(rule: AlertRule | 'new'): void
  editCancelled(): void
  /** Resolves to main's refusal (English) when the rule was not saved. */
  ruleSaved(rule: RuleInput): Promise<AppError | null>
  ruleDeleted(id: string): Promise<void>
  ruleToggled(rule: AlertRule): Promise<void>
  intervalChanged(pollIntervalS: number): Promise<void>
  acknowledged(ids: string[] | 'all'): Promise<void>
}

export const selectUnacknowledged = (s: AlertsState): number => s.view?.unacknowledged ?? 0

export function createAlertsStore(deps: { api: Pick<Api, 'alerts.rules' | 'alerts.saveRule' | 'alerts.deleteRule' | 'alerts.configure' | 'alerts.list' | 'alerts.ack'> }): StoreApi<AlertsState> {
  const { api } = deps
  return createStore<AlertsState>((set) => ({
    view: null,
    rules: null,
    open: false,
    tab: 'alerts',
    editing: null,
    error: null,
    async loaded() {
      const [v, r] = await Promise.all([api['alerts.list'](), api['alerts.rules']()])
      set({ ...(v.ok ? { view: v.value } : {}), ...(r.ok ? { rules: r.value } : {}), error: !v.ok ? v.error : !r.ok ? r.error : null })
    },
    pushed: (view) => set({ view }),
    panelToggled: (open) => set({ open, ...(open ? {} : { editing: null }) }),
    tabSelected: (tab) => set({ tab, editing: null }),
    editStarted: (rule) => set({ editing: rule, tab: 'rules' }),
    editCancelled: () => set({ editing: null }),
    async ruleSaved(rule) {
      const r = await api['alerts.saveRule']({ rule: rule as Record<string, unknown> })
      if (!r.ok) return r.error
      set({ rules: r.value, editing: null, error: null })
      return null
    },
    async ruleDeleted(id) {
      const r = await api['alerts.deleteRule']({ id })
      set(r.ok ? { rules: r.value, editing: null, error: null } : { error: r.error })
    },
    async ruleToggled(rule) {
      const r = await api['alerts.saveRule']({ rule: { ...rule, enabled: !rule.enabled } })
      set(r.ok ? { rules: r.value, error: null } : { error: r.error })
    },
    async intervalChanged(pollIntervalS) {
      const r = await api['alerts.configure']({ pollIntervalS })
      set(r.ok ? { rules: r.value, error: null } : { error: r.error })
    },
    async acknowledged(ids) {
      if (ids !== 'all' && ids.length === 0) return
      const r = await api['alerts.ack'](ids === 'all' ? { all: true } : { ids })
      set(r.ok ? { view: r.value, error: null } : { error: r.error })
    },
  }))
}
