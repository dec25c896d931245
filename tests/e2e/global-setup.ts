/**
 * Serves the production build (`dist/`) on a free loopback port for the browser tests and provides
 * its URL as `inject('baseURL')`. Builds first when `dist/` is missing or older than its sources.
 */
import { readFile, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { ensureFreshBuild } from '../../scripts/fresh-build.ts'
import { securityHeaders } from '../../scripts/security-headers.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url))
const dist = resolve(root, 'dist')

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

async function fileFor(urlPath: string, prefix: string, dir: string): Promise<string | undefined> {
  const pathname = decodeURIComponent(urlPath.split('?')[0] ?? '/')
  if (!pathname.startsWith(prefix)) return undefined
  const clean = normalize(pathname.slice(prefix.length)).replace(/^([/\\])+/, '')
  const path = join(dir, clean)
  if (!path.startsWith(dir)) return undefined
  try {
    const info = await stat(path)
    return info.isDirectory() ? join(path, 'index.html') : path
  } catch {
    return undefined
  }
}

/**
 * Serves dist/ (or a copy of it in `dir`) under `prefix`, e.g. '/zwgk/nianbao/' like a sub-path of
 * a government site, with the security headers the README asks of a real server (unless
 * `headers` is false).
 */
export async function serve(prefix = '/', dir = dist, headers = true): Promise<Server> {
  const security = headers ? securityHeaders(await readFile(join(dir, 'index.html'), 'utf8')) : {}
  const server = createServer(async (req, res) => {
    const path = await fileFor(req.url ?? '/', prefix, dir)
    if (!path) {
      res.writeHead(404).end('not found')
      return
    }
    try {
      const body = await readFile(path)
      res.writeHead(200, {
        ...security,
        'content-type': MIME[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      })
      res.end(body)
    } catch {
      res.writeHead(404).end('not found')
    }
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)))
}

export default async function setup(project: TestProject) {
  await ensureFreshBuild()
  const server = await serve()
  const { port } = server.address() as AddressInfo
  project.provide('baseURL', `http://127.0.0.1:${port}/`)
  return () => new Promise<void>((done) => server.close(() => done()))
}
