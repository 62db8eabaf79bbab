import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

/**
 * Bundled CommonJS modules (React DOM, its scheduler) become one wrapper function each, called at
 * start-up. V8 compiles a `function` literal right after `(` together with the script, on the
 * streaming thread while the file loads; the arrow wrappers the bundler writes were compiled on the
 * page's main thread when first called (module evaluation 131 ms, against 60 ms as functions). So
 * the wrappers are written as `function`. (Arrow and function wrappers behave alike here: neither
 * body uses `this` or `arguments`.) A wrapper in another shape is reported, not silently left.
 */
function eagerCommonJs(): Plugin {
  return {
    name: 'eager-commonjs',
    renderChunk(code) {
      const out = code.replace(/__commonJSMin\(\(\(([\w$, ]*)\) => \{/g, '__commonJSMin((function($1) {')
      if (/__commonJSMin\(\(\(/.test(out)) this.warn('a CommonJS wrapper was not rewritten as a function; React DOM may compile on the main thread')
      return out === code ? null : { code: out, map: null }
    },
  }
}

export default defineConfig({
  main: {
    build: {
      // keytar is a native addon; it stays a runtime require.
      externalizeDeps: true,
      // The live SEI parser runs in a worker thread from its own file (src/main/sei/liveSei.ts).
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts'), seiWorker: resolve(__dirname, 'src/main/sei/seiWorker.ts') } },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react(), eagerCommonJs()],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
