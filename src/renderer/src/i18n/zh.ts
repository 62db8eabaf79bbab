// The Chinese catalogue: the shell's, each feature's and the one main and src/shared speak from.
// Loaded on demand by ./i18n.ts, so English-only sessions never parse it.
import type { MessageKey } from './i18n'
import { zhCN as shell } from './zhCN'
import { zhCN as designer } from '../features/designer/messages.zh'
import { zhCN as checks } from '../features/designer/checkMessages.zh'
import { zhCN as rooms } from '../features/rooms/messages.zh'
import { zhCN as insights } from '../features/rooms/insightsMessages.zh'
import { zhCN as roomTasks } from '../features/rooms/tasksMessages.zh'
import { zhCN as dashboard } from '../features/dashboard/messages.zh'
import { zhCN as sei } from '../features/sei/messages.zh'
import { zhCN as settings } from '../features/settings/messages.zh'
import { zhCN as alerts } from '../features/alerts/messages.zh'
import { zhCN as show } from '../features/show/messages.zh'
import { zhCN as apiConsole } from '../features/console/messages.zh'
import { zhCN as errors } from '../../../shared/messages/catalogue.zh'

export const zhCN: Record<MessageKey, string> = { ...shell, ...designer, ...checks, ...rooms, ...insights, ...roomTasks, ...dashboard, ...sei, ...settings, ...alerts, ...show, ...apiConsole, ...errors }
