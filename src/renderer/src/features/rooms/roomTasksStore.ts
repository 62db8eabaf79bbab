// Media and AI tasks of the rooms: main's list (pushed on every change, asked for with the cloud's
// status on open and every few seconds while a room with running tasks is shown) and the user's
// intents. Made by a factory so tests pass their own api.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Api } from '../../../../shared/contract/client'
import type { AIStartRequest, IngestStartRequest, IngestUpdateRequest, RoomTask } from '../../../../shared/contract/contract'
import type { AppError, Result } from '../../../../shared/errors'
import { api as windowApi } from '../../api'

export interface TaskOutcome {
  taskId: string
  what: 'stop' | 'update'
  error?: AppError
}

export interface RoomTasksState {
  tasks: RoomTask[]
  demoClipUrl: string | null
  loading: boolean
  loadError: AppError | null
  /** The task being acted on. */
  busy: string | null
  /** What the last stop or change did, shown on its row. */
  outcome: TaskOutcome | null
  refreshRequested(): Promise<void>
  tasksPushed(tasks: RoomTask[]): void
  ingestStarted(req: IngestStartRequest): Promise<Result<RoomTask>>
  aiStarted(req: AIStartRequest): Promise<Result<RoomTask>>
  ingestChanged(req: IngestUpdateRequest): Promise<void>
  taskStopped(task: RoomTask): Promise<void>
  taskCleared(taskId: string): Promise<void>
}

let shared: StoreApi<RoomTasksState> | null = null
/** The app's one store of room tasks, fed by main's pushes from its first use. */
export function roomTasksStore(): StoreApi<RoomTasksState> {
  if (!shared) {
    shared = createRoomTasksStore({ api: windowApi })
    windowApi.on('roomTasks.changed', (tasks) => shared!.getState().tasksPushed(tasks))
  }
  return shared
}

/** `sdkAppId:roomIdType:roomId` of every room with a task running from here. */
export const roomKey = (r: { sdkAppId: number; roomIdType: string; roomId: string }) => `${r.sdkAppId}:${r.roomIdType}:${r.roomId}`

export function createRoomTasksStore(deps: { api: Api }): StoreApi<RoomTasksState> {
  const { api } = deps
  return createStore<RoomTasksState>((set, get) => {
    const act = async (taskId: string, what: TaskOutcome['what'], run: () => Promise<Result<unknown>>) => {
      set({ busy: taskId, outcome: null })
      const r = await run()
      set({ busy: null, outcome: r.ok ? { taskId, what } : { taskId, what, error: r.error } })
    }
    return {
      tasks: [],
      demoClipUrl: null,
      loading: false,
      loadError: null,
      busy: null,
      outcome: null,
      async refreshRequested() {
        if (get().loading) return
        set({ loading: true })
        const r = await api['roomTasks.list']()
        set(r.ok ? { loading: false, loadError: null, tasks: r.value.tasks, demoClipUrl: r.value.demoClipUrl } : { loading: false, loadError: r.error })
      },
      tasksPushed: (tasks) => set({ tasks }),
      ingestStarted: (req) => api['ingest.start'](req),
      aiStarted: (req) => api['ai.start'](req),
      ingestChanged: (req) => act(req.taskId, 'update', () => api['ingest.update'](req)),
      taskStopped: (task) => act(task.taskId, 'stop', () => (task.kind === 'ingest' ? api['ingest.stop']({ taskId: task.taskId }) : api['ai.stop']({ taskId: task.taskId }))),
      async taskCleared(taskId) {
        const r = await api['roomTasks.clear']({ taskId })
        if (r.ok) set({ tasks: r.value })
      },
    }
  })
}
