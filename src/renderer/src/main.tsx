import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { api } from './api'
import { createAppStore } from './features/shell/appStore'
import { AppStoreContext } from './features/shell/context'
import { App } from './features/shell/App'
import './styles.css'

const media = window.matchMedia('(prefers-color-scheme: dark)')
const store = createAppStore({ api, systemDark: media.matches })
media.addEventListener('change', (e) => store.getState().systemThemeChanged(e.matches))
api.on('settings.changed', (s) => store.getState().settingsPushed(s))
api.on('profiles.changed', (p) => store.getState().profilesPushed(p))
api.on('layout.menu', (command) => store.getState().fileCommandChosen(command))
void store.getState().started()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  </StrictMode>,
)
