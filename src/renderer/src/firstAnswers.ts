// The three answers the first screen waits for, asked for before the rest of the app's code is
// evaluated (main.tsx imports this module first), so the round trips to main overlap that work.
// The shell's store takes them from here (appStore.started()).
import type { Api } from '../../shared/contract/client'

const api = (window as unknown as { api: Api }).api

export const firstAnswers = Promise.all([api['settings.get'](), api['app.info'](), api['profiles.list']()])
