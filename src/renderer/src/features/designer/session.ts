// The window's one designer document and cue list: the Designer edits them, the Show view takes
// them to air. Components take a store prop in tests and fall back to these.
import { api } from '../../api'
import { createCueStore } from './cueStore'
import { createDesignerStore } from './designerStore'

export const designerStore = createDesignerStore()
export const cueStore = createCueStore({ load: () => api['cues.load'](), save: (cues) => api['cues.save']({ cues }) })
