/** The freshly built app on a free local port, for the browser benches of one file. */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterAll, beforeAll } from 'vitest'
import { serve } from '../tests/e2e/global-setup'
import { ensureFreshBuild } from '../scripts/fresh-build.ts'

/** Builds `dist/` afresh if the sources changed, serves it before the file's benches, closes after. */
export function serveBuiltApp(): { readonly url: () => string } {
  let server: Server | undefined
  beforeAll(async () => {
    await ensureFreshBuild()
    server = await serve()
  })
  afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())))
  return { url: () => `http://127.0.0.1:${(server!.address() as AddressInfo).port}/` }
}
