// Builds the `sei` command ahead of its runs: src/cli/sei.ts → out/cli/sei.cjs, one file for Node,
// so reading a file costs no TypeScript compilation. Runs before `npm run sei` and in `npm run build`.
import { build } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
await build({
  entryPoints: [join(root, 'src/cli/sei.ts')],
  outfile: join(root, 'out/cli/sei.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
})
