// The Demo clip served by the simulator is real media: ffprobe reads its stream and every frame.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO_CLIP_PATH } from './demoClip'
import { startSimulator } from './server'

describe('the demo clip', () => {
  it('is an H.264 FLV of 90 frames at 320×180 that ffprobe decodes', async () => {
    const sim = await startSimulator({ seed: 'clip' })
    const dir = await mkdtemp(join(tmpdir(), 'demo-clip-'))
    try {
      const res = await fetch(new URL(DEMO_CLIP_PATH, sim.endpoint))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('video/x-flv')
      const file = join(dir, 'clip.flv')
      await writeFile(file, new Uint8Array(await res.arrayBuffer()))
      const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height,nb_read_frames', '-of', 'json', file], { encoding: 'utf8' }))
      expect(probe.streams[0]).toMatchObject({ codec_name: 'h264', width: 320, height: 180, nb_read_frames: '90' })
    } finally {
      await sim.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
