// Standalone simulator: `tsx src/simulator/cli.ts [--port N] [--seed S] [--edition free|standard|premium]`.
// The first stdout line is the connection JSON; request logs go to stderr.
import { startSimulator } from './server'
import type { Edition } from './world'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  const portText = arg('port')
  const port = portText === undefined ? undefined : Number(portText)
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    process.stderr.write(`--port must be an integer from 0 to 65535, got "${portText}"\n`)
    process.exit(2)
  }
  const editionText = arg('edition')
  if (editionText !== undefined && !['free', 'standard', 'premium'].includes(editionText)) {
    process.stderr.write(`--edition must be free, standard or premium\n`)
    process.exit(2)
  }
  const sim = await startSimulator({
    ...(port !== undefined ? { port } : {}),
    seed: arg('seed') ?? 'trtc-desk',
    ...(editionText ? { edition: editionText as Edition } : {}),
    onRequest: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
  })
  const c = sim.credentials
  process.stdout.write(
    JSON.stringify({ endpoint: sim.endpoint, secretId: c.secretId, secretKey: c.secretKey, sdkAppId: c.sdkAppId, sdkSecretKey: c.sdkSecretKey, region: c.region }) + '\n',
  )
  let closing = false
  const shutdown = (): void => {
    if (closing) return
    closing = true
    void sim.close().then(() => process.exit(0))
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

void main()
