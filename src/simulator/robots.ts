// Robot users that tasks put in rooms (stream ingest, AI conversation and transcription): each is a
// session of the room while its task runs, so it is in the room's user list and events.
import type { SimContext } from './context'
import { roomKey, type UserSession } from './world'

export interface RobotStay {
  sdkAppId: number
  roomId: string
  isString: boolean
  userId: string
  /** Unix seconds. */
  joinTs: number
  leaveTs: number
  deviceType: string
}

/** Puts the robot among the room's sessions, or moves its leave time when it is there already. */
export function placeRobot(stay: RobotStay, ctx: SimContext): void {
  const key = roomKey(stay.sdkAppId, stay.roomId, stay.isString)
  const list = ctx.overlay.robots.get(key) ?? []
  const at = list.findIndex((s) => s.userId === stay.userId && s.joinTs === stay.joinTs)
  const session: UserSession = {
    userId: stay.userId,
    role: 'anchor',
    joinTs: stay.joinTs,
    plannedLeave: stay.leaveTs,
    platform: 'Web',
    deviceType: stay.deviceType,
    os: 'Linux',
    sdkVersion: 'cloud',
    network: 'wired',
    region: 'ap-guangzhou',
    clientIp: '10.0.0.1',
    width: 1280,
    height: 720,
    fps: 25,
    hasVideo: stay.deviceType === 'Cloud relay',
    index: 100_000 + (at < 0 ? list.length : at),
  }
  if (at < 0) list.push(session)
  else list[at] = session
  ctx.overlay.robots.set(key, list)
}
