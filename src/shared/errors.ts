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

export interface AppError {
  code: ErrorCode
  /** Says what happened and what to do. Never contains a secret or a stack. */
  message: string
  retryable: boolean
  requestId?: string
  tencentCode?: string
  /** Why a layout was held back: the checks it failed, for the renderer to show on tiles and fields. */
  checks?: CheckRef[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const err = (code: ErrorCode, message: string, extra: Partial<Omit<AppError, 'code' | 'message'>> = {}): Result<never> => ({
  ok: false,
  error: { code, message, retryable: extra.retryable ?? false, ...extra },
})

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value)
}
