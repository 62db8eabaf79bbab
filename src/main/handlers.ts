// createHandlers(deps): every channel's behaviour, with its dependencies passed in. No electron
// import, so the real handlers run in plain Node under the Chromium harness and in unit tests.
import type { QualitySweep } from './rooms/qualitySweep'
import { EXTERNAL_HOSTS, isOpenableExternally } from './security'
import type { AppInfo } from '../shared/contract/contract'
import type { CloudContext } from './profiles/cloudContext'
import { createProfileHandlers } from './profiles/profileHandlers'
import { createLayoutFileHandlers, type LayoutFiles } from './files/layoutFiles'
import { err, ok } from '../shared/errors'
import type { Emit, Handlers } from './ipc/dispatch'
import type { SettingsStore } from './settings/settingsStore'
import type { RoomInsightsService, RoomsService } from './rooms/roomsService'
import type { AuditLog } from './rooms/auditLog'
import type { ImageProber } from './mixing/imageProbe'
import type { MixingService } from './mixing/mixingService'
import type { RecordingService } from './recording/recordingService'
import type { CueFile } from './recording/cueFile'
import type { LiveSei } from './sei/liveSei'
import type { DashboardService } from './dashboard/dashboardService'
import { createAlertHandlers } from './alerts/alertHandlers'
import type { AlertsService } from './alerts/alertsService'
import type { ModerationService } from './rooms/moderationService'
import type { UnblockScheduler } from './rooms/unblockScheduler'
import type { ConsoleService } from './console/consoleService'
import type { RoomTasks } from './rooms/roomTasks'

export interface HandlerDeps {
  appInfo: AppInfo
  settings: SettingsStore
  cloud: CloudContext
  openExternal(url: string): Promise<void>
  /** Applies settings that main itself acts on (native theme). */
  onSettingsChanged?(settings: ReturnType<SettingsStore['get']>): void
  now: () => number
  rooms: RoomsService
  quality: QualitySweep
  insights: RoomInsightsService
  moderation: ModerationService
  unblocks: UnblockScheduler
  audit: AuditLog
  roomTasks: RoomTasks
  mixing: MixingService
  images: ImageProber
  recording: RecordingService
  cues: CueFile
  liveSei: LiveSei
  dashboard: DashboardService
  alerts: AlertsService
  layoutFiles: LayoutFiles
  apiConsole: ConsoleService
  emit: Emit
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...createProfileHandlers({ cloud: deps.cloud, emit: deps.emit, now: deps.now }),
    ...createLayoutFileHandlers(deps.layoutFiles),
    ...createAlertHandlers(deps.alerts),
    'app.info': async () => ok(deps.appInfo),
    'settings.get': async () => ok(deps.settings.get()),
    'settings.update': async (patch) => {
      const next = await deps.settings.update(patch)
      deps.onSettingsChanged?.(next)
      deps.emit('settings.changed', next)
      return ok(next)
    },
    'profiles.list': () => deps.cloud.list(),
    'profiles.activate': async ({ id }) => {
      const r = await deps.cloud.activate(id)
      if (r.ok) deps.emit('profiles.changed', r.value)
      return r
    },
    'rooms.fetch': async (req) => {
      const r = await deps.rooms.fetch(req)
      // A list just fetched is swept for quality in the background (not a room's own refresh).
      if (r.ok && !req.roomId) deps.quality.track({ sdkAppId: req.sdkAppId, startTime: req.startTime, endTime: req.endTime }, r.value.rooms)
      return r
    },
    'rooms.qualityFocus': async ({ commIds }) => {
      deps.quality.focus(commIds)
      return ok(null)
    },
    'rooms.qualitySnapshot': async () => {
      const s = deps.quality.snapshot()
      return ok(s.window ? { ...s.window, rows: s.rows, done: s.done, total: s.total } : null)
    },
    'rooms.cancel': async ({ jobId }) => ok(deps.rooms.cancel(jobId)),
    'rooms.users': (req) => deps.rooms.users(req),
    'rooms.findUser': ({ query }) => deps.quality.findUser(query),
    'rooms.quality': (req) => deps.insights.quality(req),
    'rooms.events': (req) => deps.insights.events(req),
    'moderation.run': (req) => deps.moderation.run(req),
    'moderation.scheduled': async () => ok(deps.unblocks.list()),
    'moderation.cancelScheduled': async ({ id }) => ok(await deps.unblocks.cancel(id)),
    'layout.probeImages': async ({ urls }) => ok(await deps.images.probe(urls)),
    'mixing.start': (req) => deps.mixing.start(req),
    'mixing.update': ({ taskId, doc }) => deps.mixing.update(taskId, doc),
    'mixing.stop': ({ taskId }) => deps.mixing.stop(taskId),
    'mixing.tasks': async () => ok(deps.mixing.list()),
    'mixing.layout': async ({ taskId }) => deps.mixing.layout(taskId),
    'recording.start': (req) => deps.recording.start(req),
    'recording.update': ({ taskId, doc }) => deps.recording.update(taskId, doc),
    'recording.stop': ({ taskId }) => deps.recording.stop(taskId),
    'recording.tasks': () => deps.recording.refresh(),
    'recording.layout': async ({ taskId }) => deps.recording.layout(taskId),
    'cues.load': () => deps.cues.load(),
    'cues.save': ({ cues }) => deps.cues.save(cues),
    'sei.liveStart': async ({ url, media }) => ok({ id: deps.liveSei.start(url, { media: media ?? false }) }),
    'sei.liveStop': async ({ id }) => ok(deps.liveSei.stop(id)),
    'audit.list': async () => ok(await deps.audit.list()),
    'console.call': (req) => deps.apiConsole.call(req),
    'roomTasks.list': () => deps.roomTasks.list(),
    'roomTasks.clear': ({ taskId }) => deps.roomTasks.clear(taskId),
    'ingest.start': (req) => deps.roomTasks.startIngest(req),
    'ingest.update': (req) => deps.roomTasks.updateIngest(req),
    'ingest.stop': ({ taskId }) => deps.roomTasks.stop(taskId, ['ingest']),
    'ai.start': (req) => deps.roomTasks.startAI(req),
    'ai.stop': ({ taskId }) => deps.roomTasks.stop(taskId, ['transcription', 'conversation']),
    'dashboard.start': (req) => deps.dashboard.start(req),
    'dashboard.stop': async () => ok(deps.dashboard.stop()),
    'dashboard.pause': async ({ paused }) => ok(deps.dashboard.pause(paused)),
    'dashboard.configure': async (req) => {
      const r = await deps.dashboard.configure(req)
      if (req.refreshS !== undefined) deps.emit('settings.changed', deps.settings.get())
      return r
    },
    'dashboard.refresh': async () => ok(await deps.dashboard.refresh()),
    'dashboard.market': (req) => deps.dashboard.market(req),
    'dashboard.usage': (req) => deps.dashboard.usage(req),
    'dashboard.roomUsage': (req) => deps.dashboard.roomUsage(req),
    'shell.openExternal': async ({ url }) => {
      if (!isOpenableExternally(url)) return err('request.invalid', 'err.request.linkNotAllowed', { hosts: EXTERNAL_HOSTS.join(', ') }, { message: `Invalid request for shell.openExternal: links open only to ${EXTERNAL_HOSTS.join(', ')}.` })
      await deps.openExternal(url)
      return ok(null)
    },
  }
}
