// Builds every main-process service and the IPC handlers from plain inputs. The Electron
// composition root and the Chromium test harness both call this, so tests run the real wiring.
import { createQualitySweep } from './rooms/qualitySweep'
import { removeStaleTempFiles } from './atomicFile'
import { join } from 'node:path'
import type { AppInfo, Settings } from '../shared/contract/contract'
import { createProfileService } from './credentials/profiles'
import type { SecretStore } from './credentials/secretStore'
import { createHandlers } from './handlers'
import { createDispatch, type Dispatch, type Emit, type Logger } from './ipc/dispatch'
import { createCloudContext, type CloudContext, type DemoCloud } from './profiles/cloudContext'
import { createAuditLog, createAuditRecorder } from './rooms/auditLog'
import { createInsightsService } from './rooms/insightsService'
import { createModerationService, type ModerationService } from './rooms/moderationService'
import { createUnblockScheduler } from './rooms/unblockScheduler'
import { createRoomTasks } from './rooms/roomTasks'
import { createRoomsService } from './rooms/roomsService'
import { createConsoleService } from './console/consoleService'
import { moderationAudit } from './console/consoleEffects'
import { createSettingsStore } from './settings/settingsStore'
import { createImageProber } from './mixing/imageProbe'
import { createMixingService } from './mixing/mixingService'
import { createCueFile } from './recording/cueFile'
import { createRecordingService } from './recording/recordingService'
import { createLiveSei } from './sei/liveSei'
import { createDashboardService } from './dashboard/dashboardService'
import { createAlertsService, type AlertsService } from './alerts/alertsService'
import { alertLocale } from '../shared/alerts/text'
import { createLayoutFiles } from './files/layoutFiles'
import { noFileDialogs, type FileDialogs } from './files/dialogs'
import { startSimulator, type Simulator } from '../simulator/server'

export interface ServiceOptions {
  userDataDir: string
  appInfo: AppInfo
  log: Logger
  emit: Emit
  secrets: SecretStore
  openExternal(url: string): Promise<void>
  onSettingsChanged?(settings: Settings): void
  now?: () => number
  /** The Demo profile's simulator; defaults to one started on loopback with a random port. */
  startDemo?: () => Promise<DemoCloud>
  /** Native open/save dialogs for layout files; without them every dialog counts as cancelled. */
  dialogs?: FileDialogs
  /** A desktop notification (Electron's Notification in the app, recorded by the test harness). */
  notify?(title: string, body: string): void
}

export interface Services {
  dispatch: Dispatch
  settings: Awaited<ReturnType<typeof createSettingsStore>>
  cloud: CloudContext
  alerts: AlertsService
  close(): Promise<void>
}

export function demoCloudOf(sim: Simulator): DemoCloud {
  return {
    endpoint: sim.endpoint,
    credentials: sim.credentials,
    sdkAppIds: sim.world.apps.map((a) => a.sdkAppId),
    sdkSecretKeyOf: (id) => sim.sdkSecretKeyOf(id),
    close: () => sim.close(),
  }
}

export async function createServices(opts: ServiceOptions): Promise<Services> {
  // Temp files of atomic writes a killed process left behind (older than this process).
  const started = Date.now() - process.uptime() * 1000
  for (const dir of [opts.userDataDir, join(opts.userDataDir, 'autosave')]) await removeStaleTempFiles(dir, started)
  const settings = await createSettingsStore(opts.userDataDir, opts.log)
  const uiLocale = () => alertLocale(settings.get().language, opts.appInfo.systemLocales)
  const now = opts.now ?? Date.now
  const clock = { now }
  const profiles = createProfileService({ dir: opts.userDataDir, secrets: opts.secrets, clock })
  const startDemo =
    opts.startDemo ?? (async () => demoCloudOf(await startSimulator({ clock: now })))
  const cloud = createCloudContext({ profiles, startDemo, clock })
  const audit = createAuditLog(join(opts.userDataDir, 'moderation-audit.jsonl'))
  // The scheduler and the moderation service need each other: the service schedules timed
  // unblocks, the scheduler sends them through the service (audited like any other action).
  let moderation: ModerationService | null = null
  const unblocks = await createUnblockScheduler({
    path: join(opts.userDataDir, 'scheduled-unblocks.json'),
    now,
    log: opts.log,
    changed: (list) => opts.emit('moderation.scheduleChanged', list),
    async unblock(e) {
      const r = await moderation!.run({ action: 'block', sdkAppId: e.sdkAppId, roomId: e.roomId, roomIdType: e.roomIdType, userIds: e.userIds, isMute: 0 }, e.profileId)
      // A profile that no longer exists can never unblock: drop the entry (the audit log says so).
      if (!r.ok) return r.error.code === 'profile.notFound' || r.error.code === 'credentials.missing'
      return r.value.every((o) => o.ok || !o.error?.retryable)
    },
  })
  moderation = createModerationService({ cloud, audit, now, scheduleUnblock: (e) => unblocks.add(e) })
  const liveSei = createLiveSei({ emit: opts.emit, now })
  const dashboard = createDashboardService({ cloud, settings, emit: opts.emit, now })
  const alerts = await createAlertsService({
    dir: opts.userDataDir,
    cloud,
    now,
    emit: opts.emit,
    notify: opts.notify ?? (() => undefined),
    log: opts.log,
    locale: uiLocale,
  })
  const images = createImageProber(now)
  const roomTasks = createRoomTasks({ cloud, audit, emit: opts.emit, now, log: opts.log, path: join(opts.userDataDir, 'room-tasks.json') })
  const recordAudit = createAuditRecorder(audit)
  const quality = createQualitySweep({ cloud, emit: opts.emit, now })
  const handlers = createHandlers({
    appInfo: opts.appInfo,
    settings,
    cloud,
    now,
    rooms: createRoomsService({ cloud, emit: opts.emit, now }),
    quality,
    insights: createInsightsService({ cloud }),
    moderation,
    unblocks,
    mixing: createMixingService({ cloud, emit: opts.emit, now, images }),
    recording: createRecordingService({ cloud, emit: opts.emit, now, images }),
    images,
    cues: createCueFile(join(opts.userDataDir, 'cues.json')),
    liveSei,
    dashboard,
    alerts,
    layoutFiles: createLayoutFiles({ dir: opts.userDataDir, dialogs: opts.dialogs ?? noFileDialogs, now, log: opts.log, locale: uiLocale }),
    audit,
    apiConsole: createConsoleService({
      cloud,
      now,
      async sent(action, params, region, r, handle) {
        const entry = moderationAudit(action, params, r, handle.profileName, now())
        if (entry) await recordAudit(entry)
        await roomTasks.fromConsole(action, params, region, r, handle)
      },
    }),
    roomTasks,
    openExternal: opts.openExternal,
    onSettingsChanged: opts.onSettingsChanged,
    emit: opts.emit,
  })
  return {
    dispatch: createDispatch(handlers, opts.log),
    settings,
    cloud,
    alerts,
    close: async () => {
      liveSei.stopAll()
      quality.close()
      dashboard.close()
      await alerts.close()
      await unblocks.close()
      await cloud.close()
    },
  }
}
