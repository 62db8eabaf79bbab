// The native open/save dialogs, as a port: Electron's `dialog` in src/main/index.ts, a scripted fake
// in tests. Layout files are only ever read or written at a path that came from here or from the
// recent-files list main keeps, never at a path the renderer names.

export interface FileDialogs {
  /** The chosen file, or null when the user cancelled. */
  showOpenDialog(opts: { title: string }): Promise<string | null>
  /** Where to write, or null when the user cancelled. `defaultPath` is a suggested file name or path. */
  showSaveDialog(opts: { title: string; defaultPath: string }): Promise<string | null>
}

/** Answers no dialog: every request is a cancel. The default when nothing is wired in. */
export const noFileDialogs: FileDialogs = {
  showOpenDialog: async () => null,
  showSaveDialog: async () => null,
}

/** A dialog whose answers a test sets in advance; each answer is used once, then the dialog cancels. */
export class ScriptedFileDialogs implements FileDialogs {
  private readonly answers: Array<string | null> = []
  /** Every dialog shown, in order: which kind and the suggested path of save dialogs. */
  readonly shown: Array<{ kind: 'open' | 'save'; defaultPath?: string }> = []

  /** The next dialog returns `path` (null: the user cancels). */
  answerNext(path: string | null): void {
    this.answers.push(path)
  }

  async showOpenDialog(): Promise<string | null> {
    this.shown.push({ kind: 'open' })
    return this.answers.shift() ?? null
  }

  async showSaveDialog(opts: { defaultPath: string }): Promise<string | null> {
    this.shown.push({ kind: 'save', defaultPath: opts.defaultPath })
    return this.answers.shift() ?? null
  }
}
