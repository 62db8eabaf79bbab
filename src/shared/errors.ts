import { sayEn, type SayKey, type SayParams } from './messages/catalogue'

// Errors are values: every IPC reply is a Result. Electron keeps only `message` of an error thrown
// across `invoke` (electron#24427), so nothing relies on throwing across the boundary.

export const errorCodes = [
  'request.invalid',
  'internal',
  'credentials.missing',
  'credentials.expired',
  'keychain.unavailable',
  'profile.notFound',
  'tencent.authFailure',
  'tencent.signatureExpired',
  'tencent.rateLimited',
  'tencent.invalidParameter',
  'tencent.missingParameter',
  'tencent.unauthorized',
  'tencent.notFound',
  'tencent.failedOperation',
  'tencent.unsupportedRegion',
  'tencent.editionRequired',
  'tencent.internal',
  'tencent.unknown',
  'network.timeout',
  'network.unreachable',
  'network.reset',
  'network.protocol',
  'cancelled',
  'file.unreadable',
  'file.invalid',
  'transport.closed',
] as const

export type ErrorCode = (typeof errorCodes)[number]

/** A layout check (shared/layout/validate.ts Issue) carried by an error: a code and parameters the renderer words. */
export interface CheckRef {
  severity: 'error' | 'warning'
  code: string
  params: Record<string, string | number>
  tileId?: string
  watermarkId?: string
  field?: string
}

/** What to tell the user: a key of shared/messages/catalogue.ts and its parameters, worded by the renderer. */
export interface Say {
  key: SayKey
  params?: SayParams
}

export interface AppError {
  code: ErrorCode
  /** The same in English, for the log and for tests. Never contains a secret or a stack. */
  message: string
  say: Say
  retryable: boolean
  requestId?: string
  tencentCode?: string
  /** Tencent Cloud's own Message, where it names what our words cannot (e.g. the parameter). */
  cloudSays?: string
  /** Why a layout was held back: the checks it failed, for the renderer to show on tiles and fields. */
  checks?: CheckRef[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

/** `extra.message` replaces the English wording where the log needs more detail than the user. */
export function appError(code: ErrorCode, key: SayKey, params?: SayParams, extra: Partial<Omit<AppError, 'code' | 'say'>> = {}): AppError {
  return { code, message: sayEn(key, params), say: params ? { key, params } : { key }, retryable: extra.retryable ?? false, ...extra }
}

export const err = (code: ErrorCode, key: SayKey, params?: SayParams, extra: Partial<Omit<AppError, 'code' | 'say'>> = {}): Result<never> => ({
  ok: false,
  error: appError(code, key, params, extra),
})

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value)
}
