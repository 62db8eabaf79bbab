// Reads the built main bundle's window settings, so the security scan cannot be blind to them:
// the settings come from a helper that electronegativity does not follow. Returns the problems.
const REQUIRED = [
  ['contextIsolation', 'true'],
  ['sandbox', 'true'],
  ['webSecurity', 'true'],
  ['nodeIntegration', 'false'],
]

/** @param {string} bundle the text of out/main/index.js @returns {string[]} */
function checkWindowSettings(bundle) {
  const problems = []
  for (const [key, want] of REQUIRED) {
    const values = [...bundle.matchAll(new RegExp(`\\b${key}\\s*:\\s*(!0|!1|true|false)`, 'g'))].map((m) => (m[1] === '!0' ? 'true' : m[1] === '!1' ? 'false' : m[1]))
    if (values.length === 0) problems.push(`${key} is not set in the main bundle`)
    else if (values.some((v) => v !== want)) problems.push(`${key} is set to ${values.find((v) => v !== want)} in the main bundle (must be ${want})`)
  }
  return problems
}

module.exports = { checkWindowSettings }
