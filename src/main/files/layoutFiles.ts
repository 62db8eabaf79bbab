// Layout files on disk: open and save `.trtclayout.json` through the native dialogs, the recent
// files, and the autosave of a document with unsaved changes (crash recovery).
//
// The renderer never names a path. Paths come from a dialog or from the recent list, and the
// renderer refers to them by the id main hands out with each file (`LayoutFileInfo.id`).
// Files are parsed by the shared file module, so older versions are migrated on open and a broken
// or newer-version file is refused with the module's explanation, changing nothing.
import { randomBytes } from 'node:crypto'
import { readFile, stat, unlink } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { z } from 'zod'
import type { LayoutFileInfo, OpenedLayout, RecentLayoutFile, RecoveredLayout, RecoveryOffer } from '../../shared/contract/contract'
import { err, ok, type Result } from '../../shared/errors'
import { FILE_EXTENSION, FILE_VERSION, parseLayoutFile, serialize } from '../../shared/layout/file'
import type { LayoutDoc } from '../../shared/layout/model'
import { readJsonFile, writeFileAtomic } from '../atomicFile'
import type { Handlers, Logger } from '../ipc/dispatch'
import type { FileDialogs } from './dialogs'
import type { SayKey } from '../../shared/messages/catalogue'
import { sayIn } from '../../shared/messages/catalogue.zh'

export const MAX_RECENT = 10

export interface LayoutFiles {
  open(): Promise<Result<OpenedLayout | null>>
  openRecent(id: string): Promise<Result<OpenedLayout>>
  /** Writes to the file `fileId` names; without one (or an unknown one) asks where, like saveAs. */
  save(doc: LayoutDoc, fileId?: string): Promise<Result<LayoutFileInfo | null>>
  saveAs(doc: LayoutDoc, fileId?: string): Promise<Result<LayoutFileInfo | null>>
  recent(): Promise<Result<RecentLayoutFile[]>>
  removeRecent(id: string): Promise<Result<RecentLayoutFile[]>>
  clearRecent(): Promise<Result<RecentLayoutFile[]>>
  autosave(doc: LayoutDoc, fileId?: string): Promise<Result<null>>
  recovery(): Promise<Result<RecoveryOffer | null>>
  restoreRecovery(): Promise<Result<RecoveredLayout>>
  discardRecovery(): Promise<Result<null>>
}

const recentSchema = z.array(z.object({ id: z.string().min(1), path: z.string().min(1), openedAt: z.number() }))
type RecentEntry = z.infer<typeof recentSchema>[number]

const autosaveSchema = z.object({ savedAt: z.number(), path: z.string().min(1).nullable(), file: z.string() })

const newId = (): string => randomBytes(8).toString('hex')

export function createLayoutFiles(deps: { dir: string; dialogs: FileDialogs; now: () => number; log: Logger; locale?: () => 'en' | 'zh-CN' }): LayoutFiles {
  const say = (key: SayKey) => sayIn(deps.locale?.() ?? 'en', key)
  const recentPath = join(deps.dir, 'recent-layouts.json')
  const autosavePath = join(deps.dir, 'autosave', 'layout.json')
  /** Every path handed to the renderer this run, by id. Ids of recent entries are the same ids. */
  const known = new Map<string, string>()
  let recentList: RecentEntry[] | null = null
  let writes = Promise.resolve()
  /** Autosave writes and removals, one after another: a removal asked after a write always wins. */
  let autosaveOps: Promise<unknown> = Promise.resolve()
  const inAutosaveOrder = <T>(op: () => Promise<T>): Promise<T> => {
    const done = autosaveOps.then(op, op)
    autosaveOps = done.catch(() => undefined)
    return done
  }

  const infoOf = (path: string): LayoutFileInfo => {
    let id = [...known].find(([, p]) => p === path)?.[0]
    if (id === undefined) {
      id = recentList?.find((e) => e.path === path)?.id ?? newId()
      known.set(id, path)
    }
    return { id, name: basename(path), path }
  }

  async function loadRecent(): Promise<RecentEntry[]> {
    if (recentList) return recentList
    try {
      const parsed = recentSchema.safeParse(await readJsonFile(recentPath))
      recentList = parsed.success ? parsed.data.slice(0, MAX_RECENT) : []
    } catch (e) {
      deps.log.warn(`Could not read ${recentPath}; starting an empty recent list.`, e)
      recentList = []
    }
    for (const e of recentList) if (!known.has(e.id)) known.set(e.id, e.path)
    return recentList
  }

  async function storeRecent(list: RecentEntry[]): Promise<void> {
    recentList = list
    const text = JSON.stringify(list, null, 2)
    // One write at a time, so an older list never lands after a newer one.
    writes = writes.then(() => writeFileAtomic(recentPath, text)).catch((e: unknown) => deps.log.warn('Could not save the recent layout files', e))
    await writes
  }

  async function remember(info: LayoutFileInfo): Promise<void> {
    const list = await loadRecent()
    await storeRecent([{ id: info.id, path: info.path, openedAt: deps.now() }, ...list.filter((e) => e.path !== info.path)].slice(0, MAX_RECENT))
  }

  async function view(list: RecentEntry[]): Promise<RecentLayoutFile[]> {
    return Promise.all(
      list.map(async (e) => ({
        id: e.id,
        name: basename(e.path),
        path: e.path,
        openedAt: e.openedAt,
        missing: !(await stat(e.path).then((s) => s.isFile(), () => false)),
      })),
    )
  }

  async function readLayout(path: string): Promise<Result<OpenedLayout>> {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      return code === 'ENOENT' ? err('file.unreadable', 'err.file.gone', { path }) : err('file.unreadable', 'err.file.unreadable', { path, reason: code ?? 'EIO' })
    }
    const parsed = parseLayoutFile(text)
    if (!parsed.ok) return parsed
    const info = infoOf(path)
    await remember(info)
    await clearAutosave()
    // parseLayoutFile accepted it, so the envelope is JSON with an integer version.
    const version = (JSON.parse(text) as { version: number }).version
    return ok({ doc: parsed.value, file: version < FILE_VERSION ? { ...info, migratedFrom: version } : info })
  }

  async function writeLayout(path: string, doc: LayoutDoc): Promise<Result<LayoutFileInfo>> {
    try {
      await writeFileAtomic(path, serialize(doc), 0o644)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      return err('file.unreadable', 'err.file.unwritable', { path, reason: code ?? 'EIO' })
    }
    const info = infoOf(path)
    await remember(info)
    await clearAutosave()
    return ok(info)
  }

  async function clearAutosave(): Promise<void> {
    await inAutosaveOrder(() =>
      unlink(autosavePath).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') deps.log.warn('Could not remove the autosaved layout', e)
      }),
    )
  }

  async function readAutosave(): Promise<z.infer<typeof autosaveSchema> | null> {
    try {
      const parsed = autosaveSchema.safeParse(await readJsonFile(autosavePath))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }

  async function saveAs(doc: LayoutDoc, fileId?: string): Promise<Result<LayoutFileInfo | null>> {
    const current = fileId !== undefined ? known.get(fileId) : undefined
    const suggested = current ?? `${doc.name.replace(/[\\/:*?"<>|]+/g, '_').trim() || say('main.untitledLayout')}${FILE_EXTENSION}`
    const chosen = await deps.dialogs.showSaveDialog({ title: say('main.dialog.saveLayout'), defaultPath: suggested })
    if (chosen === null) return ok(null)
    // Save dialogs do not add the double extension on every platform.
    const path = /\.json$/i.test(chosen) ? chosen : `${chosen}${FILE_EXTENSION}`
    return writeLayout(path, doc)
  }

  return {
    async open() {
      await loadRecent()
      const path = await deps.dialogs.showOpenDialog({ title: say('main.dialog.openLayout') })
      if (path === null) return ok(null)
      return readLayout(path)
    },

    async openRecent(id) {
      const entry = (await loadRecent()).find((e) => e.id === id)
      if (!entry) return err('request.invalid', 'err.file.notRecent')
      return readLayout(entry.path)
    },

    async save(doc, fileId) {
      await loadRecent()
      const path = fileId !== undefined ? known.get(fileId) : undefined
      if (path === undefined) return saveAs(doc, fileId)
      return writeLayout(path, doc)
    },

    async saveAs(doc, fileId) {
      await loadRecent()
      return saveAs(doc, fileId)
    },

    async recent() {
      return ok(await view(await loadRecent()))
    },

    async removeRecent(id) {
      const list = await loadRecent()
      await storeRecent(list.filter((e) => e.id !== id))
      return ok(await view(recentList ?? []))
    },

    async clearRecent() {
      await loadRecent()
      await storeRecent([])
      return ok([])
    },

    autosave(doc, fileId) {
      return inAutosaveOrder(async () => {
        await loadRecent()
        const path = fileId !== undefined ? (known.get(fileId) ?? null) : null
        try {
          await writeFileAtomic(autosavePath, JSON.stringify({ savedAt: deps.now(), path, file: serialize(doc) }))
        } catch (e) {
          deps.log.warn('Could not autosave the layout', e)
          return err('file.unreadable', 'err.file.autosaveFailed', { path: autosavePath }, { retryable: true })
        }
        return ok(null)
      })
    },

    async recovery() {
      const saved = await readAutosave()
      if (!saved) return ok(null)
      const parsed = parseLayoutFile(saved.file)
      if (!parsed.ok) {
        deps.log.warn(`Ignoring a damaged autosave: ${parsed.error.message}`)
        return ok(null)
      }
      if (saved.path !== null) {
        // Saved to its file after the autosave was written (by another run): nothing to recover.
        const mtime = await stat(saved.path).then((s) => s.mtimeMs, () => null)
        if (mtime !== null && mtime >= saved.savedAt) return ok(null)
      }
      await loadRecent()
      return ok({ savedAt: saved.savedAt, docName: parsed.value.name, file: saved.path !== null ? infoOf(saved.path) : null })
    },

    async restoreRecovery() {
      const saved = await readAutosave()
      if (!saved) return err('file.unreadable', 'err.file.noAutosave')
      const parsed = parseLayoutFile(saved.file)
      if (!parsed.ok) return parsed
      await loadRecent()
      // The autosave stays until the restored document is saved or discarded: a second crash
      // before that still finds it.
      if (saved.path === null) return ok({ doc: parsed.value, file: null, savedAt: saved.savedAt })
      return ok({ doc: parsed.value, file: infoOf(saved.path), savedAt: saved.savedAt })
    },

    async discardRecovery() {
      await clearAutosave()
      return ok(null)
    },
  }
}

type LayoutFileHandlers = Pick<
  Handlers,
  | 'layout.open'
  | 'layout.openRecent'
  | 'layout.save'
  | 'layout.saveAs'
  | 'layout.recent'
  | 'layout.removeRecent'
  | 'layout.clearRecent'
  | 'layout.autosave'
  | 'layout.recovery'
  | 'layout.restoreRecovery'
  | 'layout.discardRecovery'
>

export function createLayoutFileHandlers(files: LayoutFiles): LayoutFileHandlers {
  return {
    'layout.open': () => files.open(),
    'layout.openRecent': ({ id }) => files.openRecent(id),
    'layout.save': ({ doc, fileId }) => files.save(doc, fileId),
    'layout.saveAs': ({ doc, fileId }) => files.saveAs(doc, fileId),
    'layout.recent': () => files.recent(),
    'layout.removeRecent': ({ id }) => files.removeRecent(id),
    'layout.clearRecent': () => files.clearRecent(),
    'layout.autosave': ({ doc, fileId }) => files.autosave(doc, fileId),
    'layout.recovery': () => files.recovery(),
    'layout.restoreRecovery': () => files.restoreRecovery(),
    'layout.discardRecovery': () => files.discardRecovery(),
  }
}
