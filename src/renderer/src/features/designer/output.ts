// Which request the output panel shows for the chosen target, built by the shared compilers.
// Live mix updates a running MCU task with UpdatePublishCdnStream (003_530a54cf0f8c0df7.txt
// L3508–L3583) and recording with ModifyCloudRecording (L13375–L13395); both carry the whole layout.
import { fromMcuRequest, fromRecordingRequest, toModifyCloudRecordingRequest, toUpdatePublishCdnStreamRequest, type ImportResult } from '../../../../shared/layout/compile'
import type { LayoutDoc } from '../../../../shared/layout/model'
import type { Dialect } from '../../../../shared/layout/templates'

export interface OutputFields {
  sdkAppId: number
  taskId: string
  region: string
  /** Must grow with every update of an MCU task (L2266–L2269). */
  sequence: number
  fps: number
  bitRateKbps: number
  gopSeconds: number
}

/** SdkAppId 0 and an empty region mean: take them from the active profile. */
export const DEFAULT_OUTPUT_FIELDS: OutputFields = { sdkAppId: 0, taskId: '', region: '', sequence: 1, fps: 15, bitRateKbps: 1500, gopSeconds: 2 }

export interface CompiledRequest {
  action: 'UpdatePublishCdnStream' | 'ModifyCloudRecording'
  body: object
}

export function compileRequest(doc: LayoutDoc, dialect: Dialect, f: OutputFields): CompiledRequest {
  if (dialect === 'mcu')
    return {
      action: 'UpdatePublishCdnStream',
      // VideoEncode carries the canvas size, so the request alone rebuilds the same canvas on import.
      body: toUpdatePublishCdnStreamRequest(doc, { SdkAppId: f.sdkAppId, TaskId: f.taskId, SequenceNumber: f.sequence, VideoEncode: { Fps: f.fps, BitRate: f.bitRateKbps, Gop: f.gopSeconds } }),
    }
  return { action: 'ModifyCloudRecording', body: toModifyCloudRecordingRequest(doc, { SdkAppId: f.sdkAppId, TaskId: f.taskId }) }
}

/** Reads pasted request JSON for the target; bad JSON is a warning with an empty layout, never a throw. */
export function importRequest(text: string, dialect: Dialect): ImportResult {
  return dialect === 'mcu' ? fromMcuRequest(text) : fromRecordingRequest(text)
}
