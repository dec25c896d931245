/** Browser benches measure the production build; this says when `dist/` must be rebuilt first. */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The newest source file under src/ or public/ is newer than the build: rebuild. */
export function distIsStale(): boolean {
  const built = `${root}dist/index.html`
  if (!existsSync(built)) return true
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const path = `${dir}/${entry.name}`
      const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs
      return Math.max(latest, time)
    }, 0)
  return Math.max(newest(`${root}src`), newest(`${root}public`)) > statSync(built).mtimeMs
}
