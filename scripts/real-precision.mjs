// `node scripts/real-precision.mjs`: prints the real-report precision table of
// scripts/real-precision.ts (loaded through Vite, so the TypeScript corpus runs as in the tests).
import { createServer } from 'vite'

const server = await createServer({
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
})
try {
  const { precisionTable } = await server.ssrLoadModule('/scripts/real-precision.ts')
  console.log(precisionTable())
} finally {
  await server.close()
}
