import { createContext, useContext, useCallback } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { errorText, translate, type MessageKey } from '../../i18n/i18n'
import { selectLocale, type AppState } from './appStore'
import type { AppError, CheckRef } from '../../../../shared/errors'
import { issueText } from '../designer/checkMessages'

export const AppStoreContext = createContext<StoreApi<AppState> | null>(null)

export function useApp<T>(selector: (s: AppState) => T): T {
  const store = useContext(AppStoreContext)
  if (!store) throw new Error('useApp outside AppStoreContext')
  return useStore(store, selector)
}

export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const locale = useApp(selectLocale)
  return useCallback((key, params) => translate(locale, key, params), [locale])
}

/** Words an error from main in the UI language. */
export function useErrorText(): (e: Pick<AppError, 'say' | 'cloudSays'>) => string {
  const t = useT()
  return useCallback((e) => errorText(t, e), [t])
}

/** Words a layout check (shared/layout/validate.ts) in the UI language. */
export function useIssueText(): (issue: CheckRef) => string {
  const locale = useApp(selectLocale)
  const t = useT()
  return useCallback((issue) => issueText(t, locale, issue), [t, locale])
}
