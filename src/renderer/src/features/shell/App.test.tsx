// @vitest-environment happy-dom
// Component test: the shell rendered in a DOM, talking to the real main services through the
// in-memory transport.
import { InMemorySecretStore } from '../../../../main/credentials/secretStore'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from '../../../../shared/contract/client'
import { createInMemoryTransport } from '../../../../shared/contract/inMemoryTransport'
import { createServices } from '../../../../main/services'

const dirs: string[] = []
afterEach(async () => {
  cleanup()
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function mount(systemLocales: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'trtc-desk-ct-'))
  dirs.push(dir)
  const transport = createInMemoryTransport(async (c, r) => services.dispatch(c, r))
  const services = await createServices({
    userDataDir: dir,
    secrets: new InMemorySecretStore(),
    appInfo: { name: 'TRTC Desk', version: '9.9.9', versions: { electron: '45.4.1', chrome: '142', node: '20', v8: '14' }, platform: 'linux', arch: 'x64', systemLocales },
    log: { error: () => undefined, warn: () => undefined, info: () => undefined },
    emit: (e, p) => transport.emit(e, p),
    openExternal: async () => undefined,
  })
  const api = createClient(transport)
  ;(window as unknown as { api: typeof api }).api = api
  // Imported after window.api exists: api.ts reads it once.
  const { createAppStore } = await import('./appStore')
  const { AppStoreContext } = await import('./context')
  const { App } = await import('./App')
  const store = createAppStore({ api, systemDark: false })
  await act(() => store.getState().started())
  render(
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>,
  )
  return { store, services }
}

describe('App shell', () => {
  it('renders in Chinese when the OS prefers Chinese and navigates by click and shortcut', async () => {
    const { store } = await mount(['zh-CN', 'en-US'])
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('房间')
    fireEvent.click(screen.getByTestId('nav-sei'))
    // Sections load lazily: allow for a slow first import on a busy machine.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('SEI 预览'), { timeout: 10_000 })
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '2', ctrlKey: true }))
    })
    expect(store.getState().section).toBe('designer')
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('布局设计器'), { timeout: 10_000 })
  })

  it('opens the profile menu for a click made before its code had loaded', async () => {
    await mount(['en-US'])
    // The first screen's profile button is a plain stand-in until the menu's code is in.
    expect(screen.queryByRole('menu')).toBeNull()
    fireEvent.click(screen.getByTestId('profile-switcher'))
    expect(await screen.findByRole('menuitem', { name: 'Manage profiles…' }, { timeout: 10_000 })).toBeTruthy()
    expect(screen.getByRole('menuitem', { name: /Demo \(local simulator\)/ })).toBeTruthy()
  })

  it('changes language in Settings through main and re-renders', async () => {
    const { services } = await mount(['en-US'])
    fireEvent.click(screen.getByTestId('nav-settings'))
    fireEvent.change(await screen.findByTestId('language-select'), { target: { value: 'zh-CN' } })
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('设置'), { timeout: 10_000 })
    expect(services.settings.get().language).toBe('zh-CN')
  })
})
