// Finds English left on a page shown in Chinese: every visible text node and every title,
// placeholder and aria-label, outside elements marked translate="no" (IDs, user names, the cloud's
// own words) and code. A token counts as an English word when it is letters only (an ID has digits,
// underscores or dots; an API or field name is CamelCase or all capitals); the few words that are
// names in both languages are listed here. URLs, host names, field paths (regions[0].uid) and
// `quoted` names are not words; what the user types (textarea) is theirs.
import type { Page } from 'playwright-core'

// Key caps (printed in Latin on Chinese keyboards too), units, command names, a format's standard
// name ("Annex B" byte streams) and a language's own name.
export const namesInBothLanguages = ['Desk', 'Alt', 'Ctrl', 'Shift', 'Del', 'Esc', 'Enter', 'Space', 'px', 'fps', 'ms', 'kbps', 'Kbps', 'Hz', 'tccli', 'Annex', 'English']

/** The English words on the page, each with the text it was found in. Empty when there are none. */
export async function englishOn(page: Page): Promise<string[]> {
  // A string, so no bundler helper (tsx adds __name to functions) leaks into the page.
  return page.evaluate(`((allowed) => {
    const allow = new Set(allowed)
    const found = new Set()
    const skipped = (el) => !el || !!el.closest('[translate="no"], script, style, code, kbd, pre, noscript, template, textarea')
    const visible = (el) => {
      const box = el.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) return false
      const style = getComputedStyle(el)
      return style.visibility !== 'hidden' && style.display !== 'none'
    }
    const check = (text, where) => {
      for (const token of text.replace(/\\b[a-z][a-z0-9+.-]*:\\/\\/\\S*/gi, ' ').replace(/[^\\s.]+(?:\\.[^\\s.]+){2,}/g, ' ').replace(/[A-Za-z_]+\\[\\d+\\](?:\\.[A-Za-z_]+)?/g, ' ').replace(/\\x60[^\\x60]*\\x60/g, ' ').match(/[A-Za-z][A-Za-z0-9_.'’-]*/g) ?? []) {
        const word = token.replace(/[.'’-]+$/, '')
        if (/^[A-Z]?[a-z]+$/.test(word) && word.length > 1 && !allow.has(word)) found.add(\`\${word} — “\${where.trim().slice(0, 80)}”\`)
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!n.textContent?.trim() || skipped(el) || !visible(el)) continue
      check(n.textContent, n.textContent)
    }
    for (const el of document.body.querySelectorAll('[title], [placeholder], [aria-label]')) {
      if (skipped(el) || !visible(el)) continue
      for (const a of ['title', 'placeholder', 'aria-label']) {
        const v = el.getAttribute(a)
        if (v) check(v, \`\${a}=\${v}\`)
      }
    }
    for (const el of document.body.querySelectorAll('option')) if (!skipped(el)) check(el.textContent ?? '', el.textContent ?? '')
    return [...found].sort()
  })(${JSON.stringify(namesInBothLanguages)})`)
}
