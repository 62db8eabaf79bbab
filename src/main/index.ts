// Composition root: app lifecycle, the window, and wiring. The only module that imports electron
// at runtime.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, Notification, screen, session, shell, type MenuItemConstructorOptions } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { readJsonFile, writeFileAtomic } from './atomicFile'
import { createFileLogger } from './fileLog'
import { createSenderCheck, registerIpc } from './ipc/register'
import { contentSecurityPolicy, isAppNavigation, isOpenableExternally, webPreferences } from './security'
import { createServices } from './services'
import { KeytarSecretStore } from './credentials/secretStore'
import { restoreWindowState, type WindowState } from './windowState'
import type { Emit } from './ipc/dispatch'
import type { LayoutMenuCommand } from '../shared/contract/contract'

const devServerUrl = process.env.ELECTRON_RENDERER_URL
const log = createFileLogger(join(app.getPath('logs'), 'main.log'), !app.isPackaged)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.whenReady().then(start, (e: unknown) => log.error('App failed to become ready', e))
}

app.on('web-contents-created', (_event, contents) => {
  // No navigation away from the app and no new windows; https links go to the OS browser.
  contents.on('will-navigate', (event, url) => {
    if (isAppNavigation(url, devServerUrl)) return
    event.preventDefault()
    if (isOpenableExternally(url)) void shell.openExternal(url)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isOpenableExternally(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

// Dialog filters take the last extension only; the layout module checks the content.
const layoutFilters = [
  { name: 'TRTC Desk layout', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
]

async function start(): Promise<void> {
  const userData = app.getPath('userData')
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } })
  })

  const services = await createServices({
    userDataDir: userData,
    log,
    secrets: new KeytarSecretStore(),
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      versions: {
        electron: process.versions.electron ?? '',
        chrome: process.versions.chrome ?? '',
        node: process.versions.node,
        v8: process.versions.v8,
      },
      platform: process.platform,
      arch: process.arch,
      systemLocales: app.getPreferredSystemLanguages(),
    },
    openExternal: (url) => shell.openExternal(url),
    notify: (title, body) => {
      if (!Notification.isSupported()) return
      const n = new Notification({ title, body })
      // A click brings the window forward, where the bell lists the alert.
      n.on('click', () => {
        const win = BrowserWindow.getAllWindows()[0]
        if (win) {
          if (win.isMinimized()) win.restore()
          win.focus()
        }
      })
      n.show()
    },
    dialogs: {
      async showOpenDialog({ title }) {
        const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
        const opts = { title, properties: ['openFile' as const], filters: layoutFilters }
        const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
        return r.canceled ? null : (r.filePaths[0] ?? null)
      },
      async showSaveDialog({ title, defaultPath }) {
        const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
        const opts = { title, defaultPath, filters: layoutFilters, properties: ['showOverwriteConfirmation' as const] }
        const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts)
        return r.canceled || !r.filePath ? null : r.filePath
      },
    },
    onSettingsChanged: (s) => {
      nativeTheme.themeSource = s.theme
    },
    emit: emitToWindows,
  })
  nativeTheme.themeSource = services.settings.get().theme
  registerIpc(ipcMain, services.dispatch, createSenderCheck(devServerUrl, pathToFileURL(join(__dirname, '../renderer/index.html')).href))
  app.on('will-quit', () => void services.close())

  Menu.setApplicationMenu(buildMenu((command) => emitToWindows('layout.menu', command)))
  await createWindow(userData)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow(userData)
  })
}

async function createWindow(userData: string): Promise<void> {
  const statePath = join(userData, 'window-state.json')
  const saved = await readJsonFile(statePath).catch(() => undefined)
  const state = restoreWindowState(saved, screen.getAllDisplays().map((d) => d.workArea))
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'TRTC Desk',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171c' : '#f6f7f9',
    icon: join(__dirname, '../../resources/icon-256.png'),
    webPreferences: webPreferences(join(__dirname, '../preload/index.js')),
  })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())

  const save = () => {
    const b = win.getNormalBounds()
    const next: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() }
    void writeFileAtomic(statePath, JSON.stringify(next)).catch((e: unknown) => log.warn('Could not save window state', e))
  }
  win.on('close', save)

  if (devServerUrl) await win.loadURL(devServerUrl)
  else await win.loadFile(join(__dirname, '../renderer/index.html'))
}

const emitToWindows: Emit = (event, payload) => {
  for (const win of BrowserWindow.getAllWindows()) win.webContents.send(event, payload)
}

function buildMenu(layoutCommand: (command: LayoutMenuCommand) => void): Menu {
  const isMac = process.platform === 'darwin'
  // The renderer handles these keys itself (also while typing in a field), so the menu only shows them.
  const item = (label: string, command: LayoutMenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => layoutCommand(command),
  })
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item('New Layout', 'new'),
      item('Open Layout…', 'open', 'CmdOrCtrl+O'),
      { type: 'separator' },
      item('Save Layout', 'save', 'CmdOrCtrl+S'),
      item('Save Layout As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    file,
    { role: 'editMenu' },
    // The View menu without DevTools in packaged builds: reload and zoom only.
    app.isPackaged
      ? { label: 'View', submenu: [{ role: 'reload' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] }
      : { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Open Log Folder', click: () => void shell.openPath(app.getPath('logs')) },
        { label: 'TRTC Server API Documentation', click: () => void shell.openExternal('https://trtc.io/document/34268') },
      ],
    },
  ]
  return Menu.buildFromTemplate(template)
}
