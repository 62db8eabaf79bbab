// The layout file: New, Open, Open recent, Save and Save As through main's native dialogs, the
// autosave of unsaved changes and the offer to recover them after a crash. Main reads and writes
// the files; the renderer sends documents and names files only by the id main gave them. In a
// browser (`npm run web`, no native dialogs) Open is the browser's file picker and Save a download,
// in the same file format (shared/layout/file.ts).
import { useCallback, useEffect, useRef, useState } from 'react'
import * as Dialog from '@radix-ui/react-dialog'
import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { useStore, type StoreApi } from 'zustand'
import type { LayoutMenuCommand, RecentLayoutFile } from '../../../../shared/contract/contract'
import type { AppError } from '../../../../shared/errors'
import type { MessageKey } from '../../i18n/i18n'
import { FILE_EXTENSION, FILE_VERSION, parseLayoutFile, serialize } from '../../../../shared/layout/file'
import { download } from '../../components/download'
import { createDoc } from '../../../../shared/layout/model'
import { api } from '../../api'
import { selectLocale } from '../shell/appStore'
import { useApp, useT } from '../shell/context'
import { selectDirty, selectSettledDoc, type DesignerState } from './designerStore'
import { errorText } from '../../i18n/i18n'

/** How long the document rests before its unsaved state is autosaved. */
export const AUTOSAVE_DELAY_MS = 1500

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)

/** Main explains a failure in English; the UI language names the kind of failure around it. */
function failureKey(action: 'open' | 'save', error: AppError): MessageKey {
  if (action === 'save') return error.code === 'file.unreadable' ? 'designer.file.unwritable' : 'designer.file.saveFailed'
  if (error.code === 'file.invalid') return 'designer.file.invalid'
  if (error.code === 'file.unreadable') return 'designer.file.unreadable'
  return 'designer.file.openFailed'
}

/** A long path cut in the middle, so both the drive or home folder and the file's own folder show. */
export function shortPath(path: string, max = 64): string {
  if (path.length <= max) return path
  const tail = Math.ceil(max * 0.6)
  return `${path.slice(0, max - tail - 1)}…${path.slice(path.length - tail)}`
}

/** Stores whose start-up recovery check is done (or under way): the designer view mounts again on every visit. */
const recoveryChecks = new WeakMap<StoreApi<DesignerState>, Promise<void>>()

/**
 * Checks for a crash's autosave once per store, then autosaves while the document has unsaved
 * changes. Not while a file command runs (`busy`): an autosave sent during a save would land after
 * it and leave a stale recovery behind; it waits for the next rest instead.
 */
function useAutosave(store: StoreApi<DesignerState>, busy: { readonly current: boolean }) {
  const [checked, setChecked] = useState(false)
  useEffect(() => {
    let live = true
    let check = recoveryChecks.get(store)
    if (!check) {
      check = api['layout.recovery']().then((r) => {
        if (r.ok && r.value) store.getState().recoveryOffered(r.value)
      })
      recoveryChecks.set(store, check)
    }
    void check.then(() => live && setChecked(true))
    return () => {
      live = false
    }
  }, [store])

  useEffect(() => {
    if (!checked) return
    let timer: ReturnType<typeof setTimeout> | null = null
    let autosaved = false
    const flush = () => {
      timer = null
      if (busy.current) {
        timer = setTimeout(flush, AUTOSAVE_DELAY_MS)
        return
      }
      const s = store.getState()
      // An offer not yet answered keeps its autosave: writing now would replace it.
      if (s.recovery) return
      if (selectDirty(s)) {
        autosaved = true
        void api['layout.autosave']({ doc: selectSettledDoc(s), ...(s.file ? { fileId: s.file.id } : {}) })
      } else if (autosaved) {
        // Back to the saved state (undo): nothing left to recover.
        autosaved = false
        void api['layout.discardRecovery']()
      }
    }
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.history.present === prev.history.present && s.savedDoc === prev.savedDoc && s.recovery === prev.recovery) return
      if (s.history.gestureBase) return
      if (timer) clearTimeout(timer)
      timer = setTimeout(flush, AUTOSAVE_DELAY_MS)
    })
    return () => {
      unsubscribe()
      if (timer) {
        clearTimeout(timer)
        flush()
      }
    }
  }, [store, checked, busy])
}

/** The browser's file picker: the chosen file's text, or null when the user cancels. */
function pickTextFile(accept: string): Promise<string | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      if (!file) return resolve(null)
      file.text().then(resolve, () => resolve(null))
    })
    input.addEventListener('cancel', () => resolve(null))
    input.click()
  })
}

/** The last application-menu command run, so a remount does not run it again. */
let handledMenuSeq = 0

export function FileMenu(props: { store: StoreApi<DesignerState> }) {
  const t = useT()
  const { store } = props
  const dirty = useStore(store, selectDirty)
  const [recent, setRecent] = useState<RecentLayoutFile[] | null>(null)
  /** The action waiting for the user to save or discard unsaved changes. */
  const [pending, setPending] = useState<(() => Promise<void>) | null>(null)
  const busy = useRef(false)
  useAutosave(store, busy)

  const failed = useCallback((action: 'open' | 'save', error: AppError) => store.getState().fileFailed(t(failureKey(action, error), { message: errorText(t, error) })), [store, t])

  const inBrowser = useApp((a) => a.appInfo?.shell === 'web')
  const save = useCallback(
    async (as: boolean): Promise<boolean> => {
      const s = store.getState()
      const doc = selectSettledDoc(s)
      if (inBrowser) {
        const name = `${doc.name.replace(/[\\/:*?"<>|]+/g, '_').trim() || t('main.untitledLayout')}${FILE_EXTENSION}`
        download(name, new Blob([serialize(doc)], { type: 'application/json' }))
        store.getState().docSaved({ id: 'download', name, path: '' }, doc)
        return true
      }
      const req = { doc, ...(s.file ? { fileId: s.file.id } : {}) }
      const r = as ? await api['layout.saveAs'](req) : await api['layout.save'](req)
      if (!r.ok) {
        failed('save', r.error)
        return false
      }
      if (r.value === null) return false
      store.getState().docSaved(r.value, doc)
      return true
    },
    [store, failed, inBrowser, t],
  )

  /** Runs `action` now, or after the user chose to save or discard the unsaved changes. */
  const leave = useCallback(
    (action: () => Promise<void>) => {
      if (selectDirty(store.getState())) setPending(() => action)
      else void action()
    },
    [store],
  )

  const opened = useCallback(
    (r: Awaited<ReturnType<(typeof api)['layout.open']>>) => {
      if (!r.ok) failed('open', r.error)
      else if (r.value) store.getState().docOpened(r.value.doc, r.value.file)
    },
    [store, failed],
  )

  const actions = {
    newDoc: () =>
      leave(async () => {
        await api['layout.discardRecovery']()
        store.getState().docOpened(createDoc('1920x1080'), null)
      }),
    open: () =>
      leave(async () => {
        if (!inBrowser) return opened(await api['layout.open']())
        const text = await pickTextFile(`${FILE_EXTENSION},.json,application/json`)
        if (text === null) return
        const parsed = parseLayoutFile(text)
        if (!parsed.ok) failed('open', parsed.error)
        else store.getState().docOpened(parsed.value, null)
      }),
    openRecent: (entry: RecentLayoutFile) => {
      if (entry.missing) {
        void api['layout.removeRecent']({ id: entry.id }).then((r) => r.ok && setRecent(r.value))
        return
      }
      leave(async () => opened(await api['layout.openRecent']({ id: entry.id })))
    },
    save: () => void save(false),
    saveAs: () => void save(true),
  }
  const latest = useRef(actions)
  useEffect(() => {
    latest.current = actions
  })

  // File commands from the application menu (main sends them; the shell has opened the designer).
  const menuCommand = useApp((a) => a.fileCommand)
  useEffect(() => {
    if (!menuCommand || menuCommand.seq === handledMenuSeq) return
    handledMenuSeq = menuCommand.seq
    const a = latest.current
    const run: Record<LayoutMenuCommand, () => void> = { new: a.newDoc, open: a.open, save: a.save, saveAs: a.saveAs }
    run[menuCommand.command]()
  }, [menuCommand])

  // Ctrl/⌘+S, Ctrl/⌘+Shift+S and Ctrl/⌘+O, also while typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = isMac ? e.metaKey : e.ctrlKey
      if (!mod || e.altKey) return
      const key = e.key.toLowerCase()
      if (key !== 's' && !(key === 'o' && !e.shiftKey)) return
      e.preventDefault()
      // A field being typed in commits its draft on blur: first, so the saved document has it.
      if (e.target instanceof HTMLElement && (e.target.tagName === 'INPUT' || e.target.tagName === 'TEXTAREA')) e.target.blur()
      const a = latest.current
      if (key === 's') a[e.shiftKey ? 'saveAs' : 'save']()
      else a.open()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const mod = isMac ? '⌘' : 'Ctrl+'
  const loadRecent = (open: boolean) => {
    if (open) void api['layout.recent']().then((r) => setRecent(r.ok ? r.value : []))
  }
  const run = async (fn: () => Promise<void>) => {
    if (busy.current) return
    busy.current = true
    try {
      await fn()
    } finally {
      busy.current = false
    }
  }

  return (
    <>
      <DropdownMenu.Root onOpenChange={loadRecent}>
        <DropdownMenu.Trigger asChild>
          <button type="button" className="button designer-file-button" data-testid="designer-file-menu">
            {t('designer.file.menu')}
            <svg viewBox="0 0 12 12" aria-hidden="true" className="chevron">
              <path d="M2 4l4 4 4-4" />
            </svg>
          </button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu designer-file-menu" align="end" sideOffset={6}>
            <DropdownMenu.Item className="menu-item" onSelect={actions.newDoc} data-testid="designer-file-new">
              <span>{t('designer.file.new')}</span>
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={actions.open} data-testid="designer-file-open">
              <span>{t('designer.file.open')}</span>
              <kbd>{mod}O</kbd>
            </DropdownMenu.Item>
            <DropdownMenu.Sub>
              <DropdownMenu.SubTrigger className="menu-item" data-testid="designer-file-recent">
                <span>{t('designer.file.recent')}</span>
                <span aria-hidden="true">▸</span>
              </DropdownMenu.SubTrigger>
              <DropdownMenu.Portal>
                <DropdownMenu.SubContent className="menu designer-recent-menu" sideOffset={4} data-testid="designer-recent-list">
                  {recent !== null && recent.length === 0 && <DropdownMenu.Label className="menu-label">{t('designer.file.recentEmpty')}</DropdownMenu.Label>}
                  {recent?.map((e) => (
                    <DropdownMenu.Item
                      key={e.id}
                      className={e.missing ? 'menu-item designer-recent missing' : 'menu-item designer-recent'}
                      title={e.missing ? `${e.path}\n${t('designer.file.recentMissing')}` : e.path}
                      data-testid="designer-recent-item"
                      data-missing={e.missing || undefined}
                      onSelect={(ev) => {
                        if (e.missing) ev.preventDefault()
                        actions.openRecent(e)
                      }}
                    >
                      <span className="designer-recent-name">{e.name}</span>
                      <span className="designer-recent-path">{e.missing ? t('designer.file.recentMissing') : shortPath(e.path)}</span>
                    </DropdownMenu.Item>
                  ))}
                  {recent !== null && recent.length > 0 && (
                    <>
                      <DropdownMenu.Separator className="menu-separator" />
                      <DropdownMenu.Item className="menu-item" onSelect={() => void api['layout.clearRecent']().then((r) => r.ok && setRecent(r.value))} data-testid="designer-recent-clear">
                        {t('designer.file.recentClear')}
                      </DropdownMenu.Item>
                    </>
                  )}
                </DropdownMenu.SubContent>
              </DropdownMenu.Portal>
            </DropdownMenu.Sub>
            <DropdownMenu.Separator className="menu-separator" />
            <DropdownMenu.Item className="menu-item" onSelect={actions.save} data-testid="designer-file-save">
              <span>{t('designer.file.save')}</span>
              <kbd>{mod}S</kbd>
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={actions.saveAs} data-testid="designer-file-saveas">
              <span>{t('designer.file.saveAs')}</span>
              <kbd>{mod}Shift+S</kbd>
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <button type="button" className={dirty ? 'button primary' : 'button'} onClick={actions.save} title={`${t('designer.file.save')} (${mod}S)`} data-testid="designer-save">
        {t('designer.file.save')}
      </button>
      {pending && (
        <ConfirmLeave
          store={store}
          onCancel={() => setPending(null)}
          onDiscard={() => {
            const action = pending
            setPending(null)
            void run(action)
          }}
          onSave={async () => {
            const action = pending
            setPending(null)
            if (await save(false)) await run(action)
          }}
        />
      )}
    </>
  )
}

function ConfirmLeave(props: { store: StoreApi<DesignerState>; onCancel(): void; onDiscard(): void; onSave(): void }) {
  const t = useT()
  const name = useStore(props.store, (s) => s.file?.name ?? s.history.present.name) || t('main.untitledLayout')
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="designer-confirm-leave">
          <Dialog.Title className="dialog-title">{t('designer.file.confirm.title')}</Dialog.Title>
          <Dialog.Description className="muted">{t('designer.file.confirm.body', { name })}</Dialog.Description>
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="button">
                {t('designer.cancel')}
              </button>
            </Dialog.Close>
            <button type="button" className="button danger" onClick={props.onDiscard} data-testid="designer-confirm-discard">
              {t('designer.file.confirm.discard')}
            </button>
            <button type="button" className="button primary" onClick={props.onSave} data-testid="designer-confirm-save">
              {t('designer.file.confirm.save')}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

/** The file name beside the document name in the header, with the unsaved dot. */
export function FileName(props: { store: StoreApi<DesignerState> }) {
  const t = useT()
  const dirty = useStore(props.store, selectDirty)
  const file = useStore(props.store, (s) => s.file)
  const name = useStore(props.store, (s) => selectSettledDoc(s).name) || t('main.untitledLayout')
  return (
    <span className="designer-docname" data-testid="designer-docname" title={file?.path}>
      {dirty && <span className="designer-dirty" data-testid="designer-dirty" title={t('designer.unsaved')} aria-label={t('designer.unsaved')} />}
      <span className="designer-docname-text">{name}</span>
      <span className="designer-filename muted" data-testid="designer-filename">
        {file ? file.name : t('designer.file.untitled')}
      </span>
      {file?.migratedFrom !== undefined && (
        <span className="designer-migrated" title={t('designer.file.migratedHint', { from: file.migratedFrom, to: FILE_VERSION })} data-testid="designer-migrated">
          {t('designer.file.migrated', { from: file.migratedFrom })}
        </span>
      )}
    </span>
  )
}

/** "Recover the unsaved layout from …?" with Restore and Discard, until answered. */
export function RecoveryBanner(props: { store: StoreApi<DesignerState> }) {
  const t = useT()
  const locale = useApp(selectLocale)
  const offer = useStore(props.store, (s) => s.recovery)
  if (!offer) return null
  const time = new Date(offer.savedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const restore = async () => {
    const r = await api['layout.restoreRecovery']()
    if (r.ok) props.store.getState().docRecovered(r.value.doc, r.value.file)
    else {
      props.store.getState().recoveryOffered(null)
      props.store.getState().fileFailed(t(failureKey('open', r.error), { message: errorText(t, r.error) }))
    }
  }
  const discard = async () => {
    await api['layout.discardRecovery']()
    props.store.getState().recoveryOffered(null)
  }
  return (
    <div className="designer-recovery" role="alert" data-testid="designer-recovery">
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M4 12a8 8 0 1 0 2.3-5.7M4 4v4h4M12 8v4l3 2" />
      </svg>
      <div>
        <strong>{t('designer.file.recovery', { name: offer.docName, time })}</strong>
        {offer.file && <span className="muted small">{t('designer.file.recoveryFile', { path: offer.file.path })}</span>}
      </div>
      <button type="button" className="button" onClick={() => void discard()} data-testid="designer-recovery-discard">
        {t('designer.file.recoveryDiscard')}
      </button>
      <button type="button" className="button primary" onClick={() => void restore()} data-testid="designer-recovery-restore">
        {t('designer.file.recoveryRestore')}
      </button>
    </div>
  )
}
