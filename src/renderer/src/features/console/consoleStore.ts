// The API console's state: the action chosen, its request as the form and the JSON view edit it
// (one parameters object, kept per action while the app runs), and the calls of this session.
// Main validates, signs and sends; this store only holds what the user typed and what came back.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Api } from '../../../../shared/contract/client'
import type { ConsoleCallRequest, ConsoleCallResult } from '../../../../shared/contract/contract'
import type { AppError } from '../../../../shared/errors'
import type { ActionName } from '../../../../shared/trtc/actions'
import { defaultParams, defaultRegion, describeForm, fieldTexts, readField, readParamsJson, withField } from './form'
import { checkParams, type ParamIssue } from './issues'

export interface Draft {
  params: Record<string, unknown>
  /** What each field of the form shows; the parameters hold what these texts read as. */
  texts: Record<string, string>
  /** Fields whose text is not JSON yet (left out of the parameters until it is). */
  badJson: string[]
  region: string | null
  /** The JSON view's text, and why it is not a parameters object when it is not one. */
  jsonText: string
  jsonProblem: 'json' | 'notObject' | null
  /** What is wrong with the request as it stands, checked again at every edit. */
  issues: ParamIssue[]
}

export type CallResult = { ok: true; value: ConsoleCallResult } | { ok: false; error: AppError; elapsedMs: number }

export interface ConsoleCall {
  id: number
  time: number
  action: ActionName
  region: string | null
  params: Record<string, unknown>
  result: CallResult
}

/** What new requests start from: the active profile's first SDKAppID and default region. */
export interface ProfileDefaults {
  sdkAppId: number | null
  region: string | null
}

export interface ConsoleState {
  action: ActionName
  drafts: Partial<Record<ActionName, Draft>>
  mode: 'form' | 'json'
  sending: boolean
  /** The call whose answer is shown. */
  shown: ConsoleCall | null
  /** This session's calls, newest first. */
  history: ConsoleCall[]
  profile: ProfileDefaults
  profileChanged(profile: ProfileDefaults): void
  actionChosen(action: ActionName): void
  fieldEdited(name: string, text: string): void
  jsonEdited(text: string): void
  modeChosen(mode: 'form' | 'json'): void
  regionChosen(region: string): void
  sendRequested(): Promise<void>
  callLoaded(id: number): void
}

export const HISTORY_SIZE = 50

const json = (params: Record<string, unknown>) => JSON.stringify(params, null, 2)

export function draftOf(action: ActionName, params: Record<string, unknown>, region: string | null, nowMs: number): Draft {
  const form = describeForm(action)
  return { params, texts: fieldTexts(form, params), badJson: [], region, jsonText: json(params), jsonProblem: null, issues: checkParams(form, params, { nowS: Math.floor(nowMs / 1000), region }) }
}

export const selectDraft = (s: ConsoleState): Draft => s.drafts[s.action]!

export function createConsoleStore(deps: { api: Api; now: () => number; profile: ProfileDefaults; action?: ActionName }): StoreApi<ConsoleState> {
  let seq = 0
  const fresh = (action: ActionName, profile: ProfileDefaults): Draft => {
    const form = describeForm(action)
    return draftOf(action, defaultParams(form, { sdkAppId: profile.sdkAppId, nowMs: deps.now() }), defaultRegion(form, profile.region), deps.now())
  }
  const first = deps.action ?? 'DescribeRoomInfo'
  return createStore<ConsoleState>((set, get) => {
    const patchDraft = (patch: Partial<Omit<Draft, 'issues'>>) => {
      const s = get()
      const next = { ...selectDraft(s), ...patch }
      next.issues = checkParams(describeForm(s.action), next.params, { nowS: Math.floor(deps.now() / 1000), region: next.region, badJson: next.badJson })
      set({ drafts: { ...s.drafts, [s.action]: next } })
    }
    return {
      action: first,
      drafts: { [first]: fresh(first, deps.profile) },
      mode: 'form',
      sending: false,
      shown: null,
      history: [],
      profile: deps.profile,
      profileChanged(profile) {
        const s = get()
        if (s.profile.sdkAppId === profile.sdkAppId && s.profile.region === profile.region) return
        // Requests not yet sent start again from the new profile's application and region.
        set({ profile, drafts: { [s.action]: fresh(s.action, profile) } })
      },
      actionChosen(action) {
        const s = get()
        set({ action, drafts: s.drafts[action] ? s.drafts : { ...s.drafts, [action]: fresh(action, s.profile) } })
      },
      fieldEdited(name, text) {
        const s = get()
        const d = selectDraft(s)
        const f = describeForm(s.action).fields.find((x) => x.name === name)
        if (!f) return
        const read = readField(f, text)
        const params = withField(d.params, f, read)
        const badJson = d.badJson.filter((n) => n !== name).concat('bad' in read ? [name] : [])
        patchDraft({ params, texts: { ...d.texts, [name]: text }, badJson, jsonText: json(params), jsonProblem: null })
      },
      jsonEdited(text) {
        const s = get()
        const read = readParamsJson(text)
        if ('bad' in read) return patchDraft({ jsonText: text, jsonProblem: read.bad })
        patchDraft({ jsonText: text, jsonProblem: null, params: read.params, texts: fieldTexts(describeForm(s.action), read.params), badJson: [] })
      },
      modeChosen(mode) {
        const d = selectDraft(get())
        // Back to the form from JSON that does not read: the form keeps the last parameters that did.
        if (mode === 'form' && d.jsonProblem) patchDraft({ jsonText: json(d.params), jsonProblem: null })
        set({ mode })
      },
      regionChosen: (region) => patchDraft({ region }),
      async sendRequested() {
        const s = get()
        if (s.sending) return
        const d = selectDraft(s)
        const action = s.action
        set({ sending: true })
        const startedAt = deps.now()
        const request: ConsoleCallRequest = { action, params: d.params, ...(d.region ? { region: d.region as ConsoleCallRequest['region'] } : {}) }
        const r = await deps.api['console.call'](request)
        const call: ConsoleCall = {
          id: ++seq,
          time: startedAt,
          action,
          region: r.ok ? r.value.region : d.region,
          params: d.params,
          result: r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error, elapsedMs: deps.now() - startedAt },
        }
        set({ sending: false, shown: call, history: [call, ...get().history].slice(0, HISTORY_SIZE) })
      },
      callLoaded(id) {
        const s = get()
        const call = s.history.find((c) => c.id === id)
        if (!call) return
        set({ action: call.action, drafts: { ...s.drafts, [call.action]: draftOf(call.action, call.params, call.region, deps.now()) }, shown: call })
      },
    }
  })
}
