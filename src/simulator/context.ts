import type { Edition, Overlay, World } from './world'

/** What an action handler may read and change: one server instance's state at one instant. */
export interface SimContext {
  world: World
  overlay: Overlay
  /** Server time, Unix seconds (fault clock offset already applied). */
  now: number
  /** Same instant in milliseconds, for SEI and stream timing. */
  nowMs: number
  edition: Edition
  /** SDK secret key per SDKAppID, for UserSig checks. */
  sdkSecretKeys: ReadonlyMap<number, string>
  /** Deterministic ID source: the n-th ID of this server. */
  nextId: (kind: string) => string
}
