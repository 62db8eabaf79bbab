// Request-body reading for the simulator's actions. Each getter names the documented error codes
// for "missing" and "wrong"; the first problem wins and the getter returns a harmless fallback, so a
// handler reads all its parameters and then checks `failure` once.

import { documentedAs } from '../shared/trtc/errorCodes'

export interface ApiFailure {
  code: string
  message: string
}

export type Reply = { ok: true; body: Record<string, unknown> } | ({ ok: false } & ApiFailure)

export const fail = (code: string, message: string): Reply => ({ ok: false, code, message })
export const done = (body: Record<string, unknown>): Reply => ({ ok: true, body })

export interface Codes {
  missing?: string
  invalid?: string
}

/**
 * The codes an action answers when a getter is given none: missing, wrong type, out of range. The
 * common codes (L17013–L17114) unless the action's own table documents narrower ones.
 */
export interface DefaultCodes {
  missing: string
  invalid: string
  range: string
  /** The action answering: a narrow code its table does not list becomes the common one. */
  action?: string
}

export const COMMON_CODES: DefaultCodes = { missing: 'MissingParameter', invalid: 'InvalidParameter', range: 'InvalidParameterValue' }

/** The common codes, narrowed per getter only to codes `action`'s own table lists. */
export const codesOf = (action: string, base: DefaultCodes = COMMON_CODES): DefaultCodes => ({ ...base, action })

/** Marks a body decoded from a GET query string, whose numbers arrive as digit strings. */
export const FROM_QUERY = Symbol('fromQuery')

/**
 * GET parameters (003_530a54cf0f8c0df7.txt L7959–L7979): `a=1&List.0=x&Obj.Key=y` becomes
 * `{ a: '1', List: ['x'], Obj: { Key: 'y' } }`, marked so integer getters accept digit strings.
 */
export function bodyFromQuery(query: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [key, value] of query) {
    const parts = key.split('.')
    let node: Record<string, unknown> | unknown[] = root
    parts.forEach((part, i) => {
      const last = i === parts.length - 1
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1] ?? '')
      const slot = Array.isArray(node) ? Number(part) : part
      const container = node as Record<string | number, unknown>
      if (last) container[slot] = value
      else {
        container[slot] ??= nextIsIndex ? [] : {}
        node = container[slot] as Record<string, unknown> | unknown[]
      }
    })
  }
  Object.defineProperty(root, FROM_QUERY, { value: true })
  return root
}

export class Params {
  failure: ApiFailure | null = null
  private readonly loose: boolean

  constructor(
    readonly body: Record<string, unknown>,
    private readonly defaults: DefaultCodes = COMMON_CODES,
    private readonly prefix = '',
    loose?: boolean,
  ) {
    this.loose = loose ?? (body as { [FROM_QUERY]?: boolean })[FROM_QUERY] === true
  }

  private problem(code: string | undefined, fallback: string, message: string): void {
    if (this.failure) return
    const action = this.defaults.action
    this.failure = { code: (code !== undefined && action !== undefined ? documentedAs(action, code) : code) ?? fallback, message }
  }

  has(name: string): boolean {
    return this.body[name] !== undefined && this.body[name] !== null
  }

  private raw(name: string, required: boolean, codes: Codes): unknown {
    const v = this.body[name]
    if ((v === undefined || v === null) && required) this.problem(codes.missing, this.defaults.missing, `The parameter ${this.prefix}${name} is missing.`)
    return v
  }

  int(name: string, codes: Codes = {}, range?: [number, number]): number {
    return this.intOr(name, undefined, codes, range) ?? 0
  }

  optInt(name: string, codes: Codes = {}, range?: [number, number]): number | undefined {
    return this.intOr(name, undefined, codes, range, false)
  }

  private intOr(name: string, def: number | undefined, codes: Codes, range: [number, number] | undefined, required = true): number | undefined {
    const given = this.raw(name, required && def === undefined, codes)
    if (given === undefined || given === null) return def
    const v = this.loose && typeof given === 'string' && /^-?\d+$/.test(given) ? Number(given) : given
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.problem(codes.invalid, this.defaults.invalid, `${this.prefix}${name} must be an integer.`)
      return def
    }
    if (range && (v < range[0] || v > range[1])) {
      this.problem(codes.invalid, this.defaults.range, `${this.prefix}${name} must be between ${range[0]} and ${range[1]}.`)
      return def
    }
    return v
  }

  optBool(name: string, codes: Codes = {}): boolean | undefined {
    const given = this.raw(name, false, codes)
    if (given === undefined || given === null) return undefined
    const v = this.loose && (given === 'true' || given === 'false') ? given === 'true' : given
    if (typeof v !== 'boolean') {
      this.problem(codes.invalid, this.defaults.invalid, `${this.prefix}${name} must be true or false.`)
      return undefined
    }
    return v
  }

  str(name: string, codes: Codes = {}): string {
    return this.optStr(name, codes, true) ?? ''
  }

  optStr(name: string, codes: Codes = {}, required = false): string | undefined {
    const v = this.raw(name, required, codes)
    if (v === undefined || v === null) return undefined
    if (typeof v !== 'string' || (required && v.length === 0)) {
      if (typeof v === 'string') this.problem(codes.missing ?? codes.invalid, this.defaults.invalid, `${this.prefix}${name} is empty.`)
      else this.problem(codes.invalid, this.defaults.invalid, `${this.prefix}${name} must be a string.`)
      return undefined
    }
    return v
  }

  strArray(name: string, codes: Codes = {}, required = false): string[] | undefined {
    const v = this.raw(name, required, codes)
    if (v === undefined || v === null) return undefined
    if (!Array.isArray(v) || !v.every((x): x is string => typeof x === 'string')) {
      this.problem(codes.invalid, this.defaults.invalid, `${this.prefix}${name} must be an array of strings.`)
      return undefined
    }
    return v
  }

  obj(name: string, codes: Codes = {}, required = false): Params | undefined {
    const v = this.raw(name, required, codes)
    if (v === undefined || v === null) return undefined
    if (typeof v !== 'object' || Array.isArray(v)) {
      this.problem(codes.invalid, this.defaults.invalid, `${this.prefix}${name} must be an object.`)
      return undefined
    }
    return this.child(v as Record<string, unknown>, `${this.prefix}${name}.`)
  }

  objArray(name: string, codes: Codes = {}, required = false): Params[] | undefined {
    const v = this.raw(name, required, codes)
    if (v === undefined || v === null) return undefined
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x))) {
      this.problem(codes.invalid, this.defaults.invalid, `${this.prefix}${name} must be an array of objects.`)
      return undefined
    }
    return v.map((x, i) => this.child(x as Record<string, unknown>, `${this.prefix}${name}.${i}.`))
  }

  /** Child readers share the parent's first failure. */
  private child(body: Record<string, unknown>, prefix: string): Params {
    const c = new Params(body, this.defaults, prefix, this.loose)
    const parent = this as Params
    Object.defineProperty(c, 'failure', {
      get: () => parent.failure,
      set: (f: ApiFailure | null) => {
        if (!parent.failure) parent.failure = f
      },
    })
    return c
  }

  /** The first failure so far; a call, so checks after other calls are not narrowed away by TypeScript. */
  firstFailure(): ApiFailure | null {
    return this.failure
  }

  /** Records a failure found by the handler's own rules; without a code, the action's value error. */
  reject(code: string | undefined, message: string): void {
    this.problem(code, this.defaults.range, message)
  }

  /** The action's code for a value out of range. */
  get rangeCode(): string {
    return this.defaults.range
  }
}
