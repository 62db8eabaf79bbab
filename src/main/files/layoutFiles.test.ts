// Layout files through the real contract and dispatch, on a real temporary folder, with a
// scripted dialog standing in for the native one.
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChannelName } from '../../shared/contract/channels'
import type { LayoutFileInfo, OpenedLayout, RecentLayoutFile, RecoveredLayout, RecoveryOffer } from '../../shared/contract/contract'
import type { Result } from '../../shared/errors'
import { serialize } from '../../shared/layout/file'
import { createDoc, makeTile, type LayoutDoc } from '../../shared/layout/model'
import { InMemorySecretStore } from '../credentials/secretStore'
import { createServices, type Services } from '../services'
import { ScriptedFileDialogs } from './dialogs'
import { MAX_RECENT } from './layoutFiles'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trtc-layout-files-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/** The main services on `userData`, as the app builds them; `now` can be moved by the test. */
async function start(userData: string, clock = { t: Date.now() }) {
  const dialogs = new ScriptedFileDialogs()
  const logLines: string[] = []
  const log = { error: (m: string) => void logLines.push(m), warn: (m: string) => void logLines.push(m), info: () => undefined }
  const services: Services = await createServices({
    userDataDir: userData,
    secrets: new InMemorySecretStore(),
    appInfo: { name: 'TRTC Desk', version: '0', versions: { electron: '', chrome: '', node: '', v8: '' }, platform: 'linux', arch: 'x64', systemLocales: ['en'] },
    log,
    emit: () => undefined,
    openExternal: async () => undefined,
    startDemo: () => Promise.reject(new Error('no Demo cloud in these tests')),
    dialogs,
    now: () => clock.t,
  })
  cleanups.push(() => services.close())
  const call = async <T>(channel: ChannelName, request?: unknown): Promise<Result<T>> => (await services.dispatch(channel, request)) as Result<T>
  const value = async <T>(channel: ChannelName, request?: unknown): Promise<T> => {
    const r = await call<T>(channel, request)
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
    return r.value
  }
  return { dialogs, call, value, logLines, clock }
}

function twoByTwo(name = 'Show'): LayoutDoc {
  const doc = createDoc('1920x1080', name)
  doc.tiles = [
    makeTile('t1', { x: 0, y: 0, width: 960, height: 540 }, 0),
    makeTile('t2', { x: 960, y: 0, width: 960, height: 540 }, 1),
    makeTile('t3', { x: 0, y: 540, width: 960, height: 540 }, 2),
    makeTile('t4', { x: 960, y: 540, width: 960, height: 540 }, 3),
  ]
  return doc
}

describe('layout files', () => {
  it('an autosave and a removal asked one after the other land in that order', async () => {
    const dir = await tempDir()
    const app = await start(join(dir, 'userData'))
    app.dialogs.answerNext(join(dir, 'show.trtclayout.json'))
    const file = await app.value<LayoutFileInfo>('layout.save', { doc: twoByTwo() })
    for (let i = 0; i < 3; i++) {
      // The autosave timer fired just before the document went back to its saved state: the
      // removal, asked second, must not be overtaken by the write.
      const autosaved = app.value('layout.autosave', { doc: twoByTwo(`Draft ${i}`), fileId: file.id })
      const discarded = app.value('layout.discardRecovery')
      await Promise.all([autosaved, discarded])
      expect(await readdir(join(dir, 'userData', 'autosave')).catch(() => []), `round ${i}`).toEqual([])
      expect(await app.value('layout.recovery')).toBeNull()
    }
  })

  it('saves through the dialog, writes back without asking, and opens the same document', async () => {
    const dir = await tempDir()
    const app = await start(join(dir, 'userData'))
    const path = join(dir, 'show.trtclayout.json')
    app.dialogs.answerNext(path)
    const saved = await app.value<LayoutFileInfo>('layout.save', { doc: twoByTwo() })
    expect(saved).toMatchObject({ name: 'show.trtclayout.json', path })
    expect(app.dialogs.shown).toEqual([{ kind: 'save', defaultPath: 'Show.trtclayout.json' }])
    expect(await readFile(path, 'utf8')).toBe(serialize(twoByTwo()))

    // Save again with the file's id: no dialog, the same file.
    const edited = { ...twoByTwo(), name: 'Show, edited' }
    expect(await app.value<LayoutFileInfo>('layout.save', { doc: edited, fileId: saved.id })).toEqual(saved)
    expect(app.dialogs.shown).toHaveLength(1)
    expect(JSON.parse(await readFile(path, 'utf8')).doc.name).toBe('Show, edited')

    app.dialogs.answerNext(path)
    const opened = await app.value<OpenedLayout>('layout.open')
    expect(opened.doc).toEqual(edited)
    expect(opened.file).toEqual(saved)
    expect(opened.file.migratedFrom).toBeUndefined()
  })

  it('asks again on Save As, adds the extension a dialog left off, and treats a cancel as nothing done', async () => {
    const dir = await tempDir()
    const app = await start(join(dir, 'userData'))
    app.dialogs.answerNext(join(dir, 'first.trtclayout.json'))
    const first = await app.value<LayoutFileInfo>('layout.save', { doc: twoByTwo() })
    app.dialogs.answerNext(join(dir, 'copy'))
    const copy = await app.value<LayoutFileInfo>('layout.saveAs', { doc: twoByTwo(), fileId: first.id })
    expect(app.dialogs.shown[1]).toEqual({ kind: 'save', defaultPath: first.path })
    expect(copy.path).toBe(join(dir, 'copy.trtclayout.json'))
    expect(copy.id).not.toBe(first.id)
    // Cancelled dialogs.
    expect(await app.value('layout.saveAs', { doc: twoByTwo() })).toBeNull()
    expect(await app.value('layout.open')).toBeNull()
    expect((await readdir(dir)).sort()).toEqual(['copy.trtclayout.json', 'first.trtclayout.json', 'userData'])
  })

  it('migrates a version 1 file on open', async () => {
    const dir = await tempDir()
    const app = await start(join(dir, 'userData'))
    const v1 = {
      format: 'trtc-desk-layout',
      version: 1,
      doc: { name: 'Old show', canvas: { width: 1280, height: 720, background: 0x102030 }, tiles: [{ id: 'a', x: 0, y: 0, width: 640, height: 360, zOrder: 2, renderMode: 1, userId: 'alice', roomId: '1234' }] },
    }
    const path = join(dir, 'old.trtclayout.json')
    await writeFile(path, JSON.stringify(v1))
    app.dialogs.answerNext(path)
    const opened = await app.value<OpenedLayout>('layout.open')
    expect(opened.doc.version).toBe(2)
    expect(opened.file.migratedFrom).toBe(1)
    expect(opened.doc.canvas).toMatchObject({ width: 1280, height: 720, backgroundColor: '#102030' })
    expect(opened.doc.tiles[0]).toMatchObject({ id: 'a', z: 2, renderMode: 'fit', binding: { kind: 'user', userId: 'alice', roomId: '1234', roomIdType: 'number' } })
    // The file on disk is left as it was until the user saves.
    expect(JSON.parse(await readFile(path, 'utf8')).version).toBe(1)
  })

  it('refuses a broken or newer file with a clear error and changes nothing', async () => {
    const dir = await tempDir()
    const app = await start(join(dir, 'userData'))
    app.dialogs.answerNext(join(dir, 'good.trtclayout.json'))
    await app.value('layout.save', { doc: twoByTwo() })
    await app.value('layout.autosave', { doc: twoByTwo('Unsaved work') })
    const recentBefore = await app.value<RecentLayoutFile[]>('layout.recent')

    const cases: Array<[string, string, RegExp]> = [
      ['broken.trtclayout.json', '{"format": "trtc-desk-layout", "version": 2, "doc": ', /not valid JSON/],
      ['newer.trtclayout.json', JSON.stringify({ format: 'trtc-desk-layout', version: 9, doc: {} }), /version 9.*newer TRTC Desk/],
      ['other.json', JSON.stringify({ hello: 'world' }), /not a TRTC Desk layout file/],
      ['damaged.trtclayout.json', JSON.stringify({ format: 'trtc-desk-layout', version: 2, doc: { ...twoByTwo(), tiles: [{ id: 't1' }] } }), /damaged: tiles\.0/],
    ]
    for (const [name, text, message] of cases) {
      await writeFile(join(dir, name), text)
      app.dialogs.answerNext(join(dir, name))
      const r = await app.call('layout.open')
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('file.invalid')
        expect(r.error.message).toMatch(message)
      }
    }
    app.dialogs.answerNext(join(dir, 'nowhere.trtclayout.json'))
    const missing = await app.call('layout.open')
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'file.unreadable', message: expect.stringMatching(/no longer exists/) })

    expect(await app.value('layout.recent')).toEqual(recentBefore)
    expect((await app.value<RecoveryOffer>('layout.recovery')).docName).toBe('Unsaved work')
  })

  it('keeps the recent files across restarts, most recent first, marks missing ones and can forget them', async () => {
    const dir = await tempDir()
    const userData = join(dir, 'userData')
    const clock = { t: 1_700_000_000_000 }
    const app = await start(userData, clock)
    for (let i = 0; i < MAX_RECENT + 2; i++) {
      clock.t += 1000
      app.dialogs.answerNext(join(dir, `l${i}.trtclayout.json`))
      await app.value('layout.save', { doc: twoByTwo(`L${i}`) })
    }
    // Opening an older one moves it to the top instead of adding it twice.
    app.dialogs.answerNext(join(dir, 'l5.trtclayout.json'))
    await app.value('layout.open')
    await rm(join(dir, 'l11.trtclayout.json'))

    const again = await start(userData, clock)
    const list = await again.value<RecentLayoutFile[]>('layout.recent')
    expect(list.map((e) => e.name)).toEqual(['l5', 'l11', 'l10', 'l9', 'l8', 'l7', 'l6', 'l4', 'l3', 'l2'].map((n) => `${n}.trtclayout.json`))
    expect(list.filter((e) => e.missing).map((e) => e.name)).toEqual(['l11.trtclayout.json'])

    // A recent entry opens by its id; the missing one says so and stays listed.
    const opened = await again.value<OpenedLayout>('layout.openRecent', { id: list[2]!.id })
    expect(opened.doc.name).toBe('L10')
    const gone = await again.call('layout.openRecent', { id: list[1]!.id })
    expect(gone.ok ? null : gone.error.code).toBe('file.unreadable')

    const afterRemove = await again.value<RecentLayoutFile[]>('layout.removeRecent', { id: list[1]!.id })
    expect(afterRemove.map((e) => e.name)).not.toContain('l11.trtclayout.json')
    expect(afterRemove).toHaveLength(MAX_RECENT - 1)
    expect(await again.value('layout.clearRecent')).toEqual([])
    expect(await (await start(userData, clock)).value('layout.recent')).toEqual([])
  })

  it('autosaves a document, offers it after a crash, restores it with its file and clears it on save', async () => {
    const dir = await tempDir()
    const userData = join(dir, 'userData')
    const clock = { t: Date.now() }
    const app = await start(userData, clock)
    expect(await app.value('layout.recovery')).toBeNull()

    // A never-saved document.
    await app.value('layout.autosave', { doc: twoByTwo('Draft') })
    const crashed = await start(userData, clock)
    expect(await crashed.value('layout.recovery')).toMatchObject({ savedAt: clock.t, docName: 'Draft', file: null })
    const draft = await crashed.value<RecoveredLayout>('layout.restoreRecovery')
    expect(draft.doc).toEqual(twoByTwo('Draft'))
    expect(draft.file).toBeNull()
    await crashed.value('layout.discardRecovery')
    expect(await crashed.value('layout.recovery')).toBeNull()

    // A saved document edited afterwards: the offer names its file; Save writes back to it.
    const path = join(dir, 'show.trtclayout.json')
    crashed.dialogs.answerNext(path)
    const file = await crashed.value<LayoutFileInfo>('layout.save', { doc: twoByTwo() })
    const past = new Date(clock.t - 60_000)
    await utimes(path, past, past)
    const edited = { ...twoByTwo(), name: 'Show, edited' }
    await crashed.value('layout.autosave', { doc: edited, fileId: file.id })

    const third = await start(userData, clock)
    const offer = await third.value<RecoveryOffer>('layout.recovery')
    expect(offer.file?.path).toBe(path)
    const restored = await third.value<RecoveredLayout>('layout.restoreRecovery')
    expect(restored.doc).toEqual(edited)
    // Restoring keeps the autosave until the document is saved: a second crash still finds it.
    expect(await third.value('layout.recovery')).not.toBeNull()
    expect(await third.value<LayoutFileInfo>('layout.save', { doc: restored.doc, fileId: restored.file!.id })).toMatchObject({ path })
    expect(third.dialogs.shown).toEqual([])
    expect(JSON.parse(await readFile(path, 'utf8')).doc.name).toBe('Show, edited')
    expect(await third.value('layout.recovery')).toBeNull()
  })

  it('offers no recovery when the file was saved after the autosave', async () => {
    const dir = await tempDir()
    const userData = join(dir, 'userData')
    const clock = { t: Date.now() - 3_600_000 }
    const app = await start(userData, clock)
    const path = join(dir, 'show.trtclayout.json')
    app.dialogs.answerNext(path)
    const file = await app.value<LayoutFileInfo>('layout.save', { doc: twoByTwo() })
    await app.value('layout.autosave', { doc: twoByTwo('Edited'), fileId: file.id })
    // Another run saved the file an hour after the autosave.
    await writeFile(path, serialize(twoByTwo('Saved elsewhere')))
    expect(await (await start(userData, clock)).value('layout.recovery')).toBeNull()
  })

  it('ignores a damaged autosave', async () => {
    const dir = await tempDir()
    const userData = join(dir, 'userData')
    await mkdir(join(userData, 'autosave'), { recursive: true })
    await writeFile(join(userData, 'autosave', 'layout.json'), JSON.stringify({ savedAt: 1, path: null, file: '{"format":"nope"}' }))
    const app = await start(userData)
    expect(await app.value('layout.recovery')).toBeNull()
    expect(app.logLines.some((l) => /damaged autosave/.test(l))).toBe(true)
  })

  it('never reads or writes a path the renderer names', async () => {
    const dir = await tempDir()
    const app = await start(join(dir, 'userData'))
    const target = join(dir, 'chosen-by-renderer.trtclayout.json')
    for (const [channel, request] of [
      ['layout.save', { doc: twoByTwo(), path: target }],
      ['layout.saveAs', { doc: twoByTwo(), path: target }],
      ['layout.open', { path: target }],
      ['layout.openRecent', { path: target }],
      ['layout.autosave', { doc: twoByTwo(), path: target }],
    ] as const) {
      const r = await app.call(channel, request)
      expect(r.ok ? null : r.error.code, channel).toBe('request.invalid')
    }
    // A made-up id names no file: Save falls back to asking (cancelled here), Open Recent refuses.
    expect(await app.value('layout.save', { doc: twoByTwo(), fileId: 'made-up' })).toBeNull()
    expect(app.dialogs.shown).toEqual([{ kind: 'save', defaultPath: 'Show.trtclayout.json' }])
    const r = await app.call('layout.openRecent', { id: 'made-up' })
    expect(r.ok ? null : r.error.code).toBe('request.invalid')
    expect((await readdir(dir)).filter((n) => n !== 'userData')).toEqual([])
  })
})
