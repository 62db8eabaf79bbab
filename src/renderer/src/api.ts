// The only reader of window.api.
import type { Api } from '../../shared/contract/client'

declare global {
  interface Window {
    api: Api
  }
}

export const api: Api = window.api
