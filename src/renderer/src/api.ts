// The only reader of window.api. Read on every use rather than once at import, so component tests
// can install their own client (over the in-memory transport) before they render.
import type { Api } from '../../shared/contract/client'

declare global {
  interface Window {
    api: Api
  }
}

export const api: Api = new Proxy({} as Api, {
  get: (_target, key) => (window.api as unknown as Record<string | symbol, unknown>)[key],
})
