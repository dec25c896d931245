/**
 * Browser tests and benches measure the build they serve: dist/ (or dist-single/) is built
 * again when it is missing or older than anything the build reads.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const INPUTS = ['src', 'public', 'scripts', 'index.html', 'vite.config.ts', 'package-lock.json']

/** Newest modification time of a file, or of any file under a folder. */
function newest(path: string): number {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), 0)
}

export function isStale(builtFile: string): boolean {
  if (!existsSync(builtFile)) return true
  const inputs = INPUTS.map((p) => join(root, p)).filter(existsSync)
  return Math.max(...inputs.map(newest)) > statSync(builtFile).mtimeMs
}

/** Builds the hosted edition (dist/) or the single file (dist-single/) when it is stale. */
export async function ensureFreshBuild(mode: 'production' | 'single' = 'production') {
  const built = join(root, mode === 'single' ? 'dist-single' : 'dist', 'index.html')
  if (!isStale(built)) return
  const { build } = await import('vite')
  await build({ root, mode, logLevel: 'warn' })
}
