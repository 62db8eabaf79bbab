import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

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
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
