import type { Result } from '../../shared/errors'
import type { TencentClient } from '../cloud/client'

/** What a feature needs to call TRTC for the active profile. */
export interface CloudHandle {
  profileId: string
  profileName: string
  client: TencentClient
  /** The profile's default region; actions that take no region ignore it. */
  region: string
  sdkAppIds: number[]
}

export interface CloudAccess {
  /** The active profile's client, or why there is none (credentials.missing, keychain.unavailable…). */
  current(): Promise<Result<CloudHandle>>
}
