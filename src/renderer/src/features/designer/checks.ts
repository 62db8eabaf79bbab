// The layout checks as the designer shows them: the settled document for the chosen target, in the
// context of the task it goes to, with what main found at its image URLs.
import { useEffect, useMemo } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { imageUrls, validate, type Issue } from '../../../../shared/layout/validate'
import { api } from '../../api'
import { selectSettledDoc, type DesignerState } from './designerStore'

export function useIssues(store: StoreApi<DesignerState>): Issue[] {
  const doc = useStore(store, selectSettledDoc)
  const dialect = useStore(store, (s) => s.dialect)
  const task = useStore(store, (s) => s.taskContext)
  const images = useStore(store, (s) => s.imageProbes)
  return useMemo(() => validate(doc, dialect, { ...task, images }), [doc, dialect, task, images])
}

const PROBE_DELAY_MS = 800

/** Asks main what the layout's image URLs hold, once they have not changed for a moment. */
export function useImageProbes(store: StoreApi<DesignerState>): void {
  const doc = useStore(store, selectSettledDoc)
  const dialect = useStore(store, (s) => s.dialect)
  const key = imageUrls(doc, dialect).join('\n')
  useEffect(() => {
    const urls = key ? key.split('\n').filter((u) => !(u in store.getState().imageProbes)) : []
    if (urls.length === 0) return
    let live = true
    const timer = setTimeout(() => {
      void api['layout.probeImages']({ urls }).then((r) => {
        if (live && r.ok) store.getState().imagesProbed(r.value)
      })
    }, PROBE_DELAY_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [key, store])
}
