import { join } from 'node:path'
import { defaultSettings, settingsSchema, type Settings } from '../../shared/contract/contract'
import { readJsonFile, writeFileAtomic } from '../atomicFile'
import type { Logger } from '../ipc/dispatch'

export interface SettingsStore {
  get(): Settings
  update(patch: Partial<Settings>): Promise<Settings>
}

export async function createSettingsStore(dir: string, log: Logger): Promise<SettingsStore> {
  const path = join(dir, 'settings.json')
  let current = defaultSettings
  try {
    const raw = await readJsonFile(path)
    if (raw !== undefined) {
      const parsed = settingsSchema.partial().safeParse(raw)
      if (parsed.success) current = { ...defaultSettings, ...parsed.data }
      else log.warn(`Ignoring unreadable settings in ${path}; using defaults.`)
    }
  } catch (e) {
    log.warn(`Could not read ${path}; using defaults.`, e)
  }
  let writes = Promise.resolve()
  return {
    get: () => current,
    async update(patch) {
      current = { ...current, ...patch }
      const snapshot = JSON.stringify(current, null, 2)
      // Serialise writes so an older snapshot never lands after a newer one.
      writes = writes.then(() => writeFileAtomic(path, snapshot))
      await writes
      return current
    },
  }
}
