// The names that may cross the IPC boundary. Kept apart from the schemas so the preload can build
// its allow-list without bundling zod; contract.ts checks that both lists agree.

export const channelNames = [
  'app.info',
  'settings.get',
  'settings.update',
  'profiles.list',
  'profiles.activate',
  'profiles.create',
  'profiles.update',
  'profiles.delete',
  'profiles.test',
  'profiles.discoverImports',
  'profiles.import',
  'profiles.deletePlaintext',
  'cloud.requestLog',
  'cloud.status',
  'usersig.generate',
  'usersig.decode',
  'rooms.fetch',
  'rooms.cancel',
  'rooms.qualityFocus',
  'rooms.qualitySnapshot',
  'rooms.findUser',
  'rooms.users',
  'rooms.quality',
  'rooms.events',
  'moderation.run',
  'moderation.scheduled',
  'moderation.cancelScheduled',
  'layout.probeImages',
  'mixing.start',
  'mixing.update',
  'mixing.stop',
  'mixing.tasks',
  'mixing.layout',
  'recording.start',
  'recording.update',
  'recording.stop',
  'recording.tasks',
  'recording.layout',
  'cues.load',
  'cues.save',
  'sei.liveStart',
  'sei.liveStop',
  'audit.list',
  'dashboard.start',
  'dashboard.stop',
  'dashboard.pause',
  'dashboard.configure',
  'dashboard.refresh',
  'dashboard.market',
  'dashboard.usage',
  'dashboard.roomUsage',
  'layout.open',
  'layout.openRecent',
  'layout.save',
  'layout.saveAs',
  'layout.recent',
  'layout.removeRecent',
  'layout.clearRecent',
  'layout.autosave',
  'layout.recovery',
  'layout.restoreRecovery',
  'layout.discardRecovery',
  'alerts.rules',
  'alerts.saveRule',
  'alerts.deleteRule',
  'alerts.configure',
  'alerts.list',
  'alerts.ack',
  'shell.openExternal',
] as const

export const eventNames = ['settings.changed', 'profiles.changed', 'moderation.scheduleChanged', 'mixing.tasksChanged', 'recording.tasksChanged', 'sei.liveEntries', 'sei.liveStatus', 'sei.liveMedia', 'rooms.progress', 'rooms.quality', 'dashboard.snapshot', 'alerts.changed', 'layout.menu'] as const

export type ChannelName = (typeof channelNames)[number]
export type EventName = (typeof eventNames)[number]

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value)
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value)
}
