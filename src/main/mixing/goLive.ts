// What starting a mix task and starting a cloud recording share: the layout is checked for its
// dialect before anything is sent, and a robot joins the room with a UserSig made here from the
// active profile's SDK secret key, so the key never leaves main.
import { randomBytes } from 'node:crypto'
import { err, ok, type Result } from '../../shared/errors'
import type { LayoutDoc } from '../../shared/layout/model'
import type { Dialect } from '../../shared/layout/templates'
import { imageUrls, validate, type TaskContext } from '../../shared/layout/validate'
import type { CloudContext } from '../profiles/cloudContext'
import type { CloudHandle } from '../rooms/cloudAccess'
import { genUserSig } from '../usersig/tlsSig'
import type { ImageProber } from './imageProbe'

/**
 * A `request.invalid` carrying the layout's errors for `dialect` in the task's context (its room and,
 * once running, its canvas) after probing its image URLs, or null when it can be sent.
 */
export async function invalidLayout(doc: LayoutDoc, dialect: Dialect, task: Omit<TaskContext, 'images'>, prober: ImageProber): Promise<Result<never> | null> {
  const images = await prober.probe(imageUrls(doc, dialect))
  const errors = validate(doc, dialect, { ...task, images }).filter((i) => i.severity === 'error')
  if (errors.length === 0) return null
  return err('request.invalid', 'err.live.checks', { count: errors.length }, { checks: errors, message: `The layout breaks ${errors.length} rule(s) of the ${dialect === 'mcu' ? 'mixing' : 'recording'} API: ${errors.map((i) => i.code).join(', ')}` })
}

export interface Robot {
  profileId: string
  handle: CloudHandle
  userId: string
  userSig: string
}

export type RobotPrefix = 'mixer' | 'recorder' | 'relay' | 'asr' | 'agent'
const noKey = { mixer: 'err.live.noSdkKeyMix', recorder: 'err.live.noSdkKeyRecord', relay: 'err.tasks.noSdkKey', asr: 'err.tasks.noSdkKey', agent: 'err.tasks.noSdkKey' } as const

/**
 * The active profile's client and a robot for `sdkAppId`: a UserId of its own (`<prefix>_<suffix>`,
 * the suffix random unless given, so it is no one else's in the room, L12848–L12855) with a UserSig
 * valid for a day.
 */
export async function robotFor(cloud: CloudContext, sdkAppId: number, prefix: RobotPrefix, nowMs: number, suffix?: string): Promise<Result<Robot>> {
  const profileId = await cloud.activeId()
  const handle = await cloud.clientFor(profileId)
  if (!handle.ok) return handle
  const key = await cloud.sdkSecretKeyFor(profileId, sdkAppId)
  if (!key.ok) return err('credentials.missing', noKey[prefix], { sdkAppId })
  const userId = `${prefix}_${suffix ?? randomBytes(4).toString('hex')}`
  const userSig = genUserSig({ sdkAppId, sdkSecretKey: key.value, userId, expireSeconds: 86400, nowSeconds: Math.floor(nowMs / 1000) })
  return ok({ profileId, handle: handle.value, userId, userSig })
}
