// @vitest-environment happy-dom
// The designer rendered in a DOM and driven with synthetic pointer sequences on its canvas.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../../../../shared/contract/client'
import { createInMemoryTransport } from '../../../../shared/contract/inMemoryTransport'
import { InMemorySecretStore } from '../../../../main/credentials/secretStore'
import { createServices, type Services } from '../../../../main/services'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { createDoc } from '../../../../shared/layout/model'
import { serialize } from '../../../../shared/layout/file'
import type { AppState } from '../shell/appStore'
import { AppStoreContext } from '../shell/context'
import { createDesignerStore } from './designerStore'
import { DesignerView } from './DesignerView'
import { ScriptedFileDialogs } from '../../../../main/files/dialogs'

afterEach(cleanup)

// The real main services behind window.api (the go-live panel lists mix tasks on mount).
let services: Services
let dir: string
const dialogs = new ScriptedFileDialogs()
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trtc-designer-ct-'))
  const transport = createInMemoryTransport((c, r) => services.dispatch(c, r))
  services = await createServices({
    userDataDir: dir,
    secrets: new InMemorySecretStore(),
    appInfo: { name: 'TRTC Desk', version: '0', versions: { electron: '', chrome: '', node: '', v8: '' }, platform: 'linux', arch: 'x64', systemLocales: ['en'] },
    log: { error: () => undefined, warn: () => undefined, info: () => undefined },
    emit: (e, p) => transport.emit(e, p),
    openExternal: async () => undefined,
    dialogs,
  })
  window.api = createClient(transport)
})
afterAll(async () => {
  await services.close()
  await rm(dir, { recursive: true, force: true })
})

// The shell state the designer reads: the language and the active profile. Nothing else is touched.
const appStore = createStore(() => ({ settings: null, appInfo: null, profiles: null, systemDark: false })) as unknown as StoreApi<AppState>

function mount() {
  const store = createDesignerStore({ doc: createDoc('1280x720') })
  render(
    <AppStoreContext.Provider value={appStore}>
      <DesignerView store={store} />
    </AppStoreContext.Provider>,
  )
  // Zoom 1 with the canvas at the viewport origin: client pixels are canvas pixels.
  act(() => store.setState({ view: { zoom: 1, panX: 0, panY: 0 } }))
  return { store, s: () => store.getState() }
}

const tileEl = (id: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-tile="${id}"]`)
  if (!el) throw new Error(`no tile ${id}`)
  return el
}

function drag(target: Element, from: [number, number], path: Array<[number, number]>, opts: { shiftKey?: boolean; altKey?: boolean } = {}) {
  const viewport = screen.getByTestId('designer-viewport')
  fireEvent.pointerDown(target, { clientX: from[0], clientY: from[1], button: 0, pointerId: 1, ...opts })
  for (const [x, y] of path) fireEvent.pointerMove(viewport, { clientX: x, clientY: y, pointerId: 1, ...opts })
  fireEvent.pointerUp(viewport, { clientX: path.at(-1)?.[0], clientY: path.at(-1)?.[1], pointerId: 1, ...opts })
}

describe('DesignerView', () => {
  it('moves a tile by dragging, one undo entry per drag, undone and redone from the keyboard', () => {
    const { s } = mount()
    fireEvent.click(screen.getByTestId('designer-add-tile'))
    const id = s().selection[0] as string
    const start = s().history.present.tiles[0]
    expect(start).toMatchObject({ x: 480, y: 270, width: 320, height: 180 })
    const depth = s().history.past.length
    drag(tileEl(id), [500, 300], [
      [520, 310],
      [560, 330],
      [601, 343],
    ])
    expect(s().history.present.tiles[0]).toMatchObject({ x: 581, y: 313 })
    expect(s().history.past.length).toBe(depth + 1)
    expect(tileEl(id).style.left).toBe('581px')
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true }))
    })
    expect(tileEl(id).style.left).toBe('480px')
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Z', ctrlKey: true, shiftKey: true }))
    })
    expect(tileEl(id).style.left).toBe('581px')
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', shiftKey: true }))
    })
    expect(s().history.present.tiles[0]).toMatchObject({ x: 571 })
    // A numeric field commits once, on Enter.
    const depthBefore = s().history.past.length
    const field = screen.getByTestId('prop-w')
    fireEvent.change(field, { target: { value: '40' } })
    fireEvent.change(field, { target: { value: '400' } })
    expect(s().history.present.tiles[0]).toMatchObject({ width: 320 })
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(s().history.present.tiles[0]).toMatchObject({ width: 400 })
    expect(s().history.past.length).toBe(depthBefore + 1)
  })

  it('resizes from a handle, snapping the dragged edge to the canvas centre with a visible guide', () => {
    const { s } = mount()
    fireEvent.click(screen.getByTestId('designer-add-tile'))
    const id = s().selection[0] as string
    const viewport = screen.getByTestId('designer-viewport')
    // The east edge at x = 800 dragged to 644: 4 px from the canvas centre line x = 640.
    fireEvent.pointerDown(screen.getByTestId('handle-e'), { clientX: 800, clientY: 360, button: 0, pointerId: 1 })
    fireEvent.pointerMove(viewport, { clientX: 644, clientY: 360, pointerId: 1 })
    expect(screen.getAllByTestId('designer-guide').length).toBeGreaterThan(0)
    fireEvent.pointerUp(viewport, { pointerId: 1 })
    expect(screen.queryAllByTestId('designer-guide')).toHaveLength(0)
    expect(s().history.present.tiles.find((t) => t.id === id)).toMatchObject({ x: 480, width: 160 })
    expect(tileEl(id).style.width).toBe('160px')
  })

  it('selects tiles with a marquee drawn on the empty canvas', () => {
    const { s } = mount()
    fireEvent.click(screen.getByTestId('designer-starter-2x2'))
    expect(screen.getAllByTestId('designer-tile')).toHaveLength(4)
    act(() => s().selectionChanged([]))
    const viewport = screen.getByTestId('designer-viewport')
    // Starts outside the canvas (below it) so no tile is hit.
    fireEvent.pointerDown(viewport, { clientX: 1200, clientY: 900, button: 0, pointerId: 1 })
    fireEvent.pointerMove(viewport, { clientX: 700, clientY: 500, pointerId: 1 })
    expect(screen.getByTestId('designer-marquee')).toBeTruthy()
    fireEvent.pointerUp(viewport, { pointerId: 1 })
    expect(s().selection).toEqual(['t4'])
    expect(screen.queryByTestId('designer-marquee')).toBeNull()
    expect(tileEl('t4').className).toContain('selected')
  })

  it('shows the compiled request, flags an invalid tile and imports request JSON with its warnings', async () => {
    const { s } = mount()
    fireEvent.click(screen.getByTestId('designer-starter-sideBySide'))
    expect(screen.getByTestId('designer-json').textContent).toContain('"MixLayoutList"')
    expect(screen.getByTestId('designer-json').textContent).toContain('"LocationX": 640')
    fireEvent.click(screen.getByTestId('designer-target-recording'))
    expect(screen.getByTestId('designer-json').textContent).toContain('"Left": 640')
    // Two positions reserved for one user are an error, shown on the tiles.
    act(() => {
      s().commandIssued({ type: 'bindUser', id: 't1', user: { userId: 'alice', roomId: '', roomIdType: 'number', streamType: 'camera' } })
      s().commandIssued({ type: 'bindUser', id: 't2', user: { userId: 'alice', roomId: '', roomIdType: 'number', streamType: 'camera' } })
    })
    expect(screen.getAllByTestId('designer-issue').some((li) => li.className === 'error')).toBe(true)
    expect(document.querySelectorAll('.designer-tile.invalid').length).toBeGreaterThan(0)
    fireEvent.click(screen.getByTestId('designer-target-mcu'))
    fireEvent.click(screen.getByTestId('designer-import'))
    const body = { VideoParams: { VideoEncode: { Width: 1920, Height: 1080 }, LayoutParams: { MixLayoutMode: 4, MixLayoutList: [{ LocationX: 0, LocationY: 0, ImageWidth: 960, ImageHeight: 540, ZOrder: 'top' }] } } }
    fireEvent.change(screen.getByTestId('designer-import-text'), { target: { value: JSON.stringify(body) } })
    fireEvent.click(screen.getByTestId('designer-import-run'))
    await waitFor(() => expect(screen.getByTestId('designer-import-warnings')).toBeTruthy())
    expect(s().history.present.canvas).toMatchObject({ width: 1920, height: 1080 })
    expect(s().history.present.tiles).toHaveLength(1)
    // The import is one undo entry.
    act(() => s().undoRequested())
    expect(s().history.present.tiles).toHaveLength(2)
  })

  it('previews a template with simulated users, marked approximate, and converts it to editable tiles', () => {
    const { s } = mount()
    fireEvent.click(screen.getByTestId('designer-mode-grid'))
    fireEvent.change(screen.getByTestId('designer-sim-users'), { target: { value: '5' } })
    // Live mix leaves the one audio-only user out of the grid.
    expect(screen.getAllByTestId('designer-preview-tile')).toHaveLength(4)
    expect(screen.getByTestId('designer-approx')).toBeTruthy()
    expect(screen.getByTestId('designer-add-tile')).toHaveProperty('disabled', true)
    fireEvent.click(screen.getByTestId('designer-target-recording'))
    expect(screen.getAllByTestId('designer-preview-tile')).toHaveLength(5)
    fireEvent.click(screen.getByTestId('designer-convert'))
    expect(s().history.present.mode).toBe('custom')
    expect(screen.getAllByTestId('designer-tile')).toHaveLength(5)
    expect(s().history.present.tiles.map((t) => (t.binding.kind === 'user' ? t.binding.userId : ''))).toEqual(['user1', 'user2', 'user3', 'user4', 'user5'])
    act(() => s().undoRequested())
    expect(s().history.present.mode).toBe('grid')
  })

  it('opens a layout file with Ctrl+O, reports a bad one, and shows unsaved changes until saved with Ctrl+S', async () => {
    const { s } = mount()
    expect(screen.queryByTestId('designer-dirty')).toBeNull()
    expect(screen.getByTestId('designer-filename').textContent).toBe('Not saved yet')
    const path = join(dir, 'portrait.trtclayout.json')
    await writeFile(path, serialize({ ...createDoc('720x1280', 'Portrait'), tiles: [] }))
    dialogs.answerNext(path)
    fireEvent.keyDown(window, { key: 'o', ctrlKey: true })
    await waitFor(() => expect(s().history.present.canvas.width).toBe(720))
    expect(screen.getByTestId('designer-docname').textContent).toContain('Portrait')
    expect(screen.getByTestId('designer-filename').textContent).toBe('portrait.trtclayout.json')

    await writeFile(join(dir, 'other.json'), '{"format":"something-else"}')
    dialogs.answerNext(join(dir, 'other.json'))
    fireEvent.keyDown(window, { key: 'o', ctrlKey: true })
    await waitFor(() => expect(screen.getByTestId('designer-file-error').textContent).toContain('not a TRTC Desk layout file'))
    expect(s().history.present.name).toBe('Portrait')

    fireEvent.click(screen.getByTestId('designer-add-tile'))
    expect(screen.getByTestId('designer-dirty')).toBeTruthy()
    // Saving writes back to the open file without asking.
    const asked = dialogs.shown.length
    fireEvent.keyDown(window, { key: 's', ctrlKey: true })
    await waitFor(() => expect(screen.queryByTestId('designer-dirty')).toBeNull())
    expect(dialogs.shown).toHaveLength(asked)
    expect(JSON.parse(await readFile(path, 'utf8')).doc.tiles).toHaveLength(1)
  })
})
