// Saves a file the renderer made (CSV, report, PNG) through the browser's download path;
// in Electron this is the system save location.
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
