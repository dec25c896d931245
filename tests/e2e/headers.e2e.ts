/**
 * The hosting headers of the README, as the test server sends them: the policy as a header
 * (which, unlike index.html's <meta>, also binds the Excel worker and forbids framing by others),
 * nosniff and no referrer. Inside the Excel worker a request to another origin is blocked and
 * reported; served without the header, the same request goes out. Import still works.
 */
import { readdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, type OpenedPage } from './browser'
import {
  cell,
  cspViolations,
  exportExcel,
  importAndConfirm,
  loadExample,
  NEW_NATURAL,
  recordCspViolations,
  typeInto,
} from './actions'
import { serve } from './global-setup'

const servers: Server[] = []
let app: OpenedPage | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))))
})

const urlOf = (server: Server, path = '/') =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`

/** Another origin (another port) that counts the requests reaching it. */
async function otherOrigin() {
  const hits: string[] = []
  const server = createServer((req, res) => {
    hits.push(req.url ?? '')
    res.writeHead(200, { 'access-control-allow-origin': '*' }).end('ok')
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  servers.push(server)
  return { url: urlOf(server, '/probe'), hits }
}

const excelWorkerScript = readdirSync(
  fileURLToPath(new URL('../../dist/assets/', import.meta.url)),
).find((name) => /^worker-.*\.js$/.test(name))!

/**
 * Starts the app's Excel worker script (idle: no file posted) and, inside it, fetches `target`:
 * whether the request was blocked and which policy violations the worker saw.
 */
async function fetchFromExcelWorker(page: Page, target: string) {
  const started = page.waitForEvent('worker')
  await page.evaluate((script) => {
    ;(window as { probe?: Worker }).probe = new Worker(
      new URL(`assets/${script}`, document.baseURI),
      {
        type: 'module',
      },
    )
  }, excelWorkerScript)
  const worker = await started
  return worker.evaluate(async (url) => {
    const violations: string[] = []
    self.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    )
    let outcome = 'sent'
    try {
      await fetch(url)
    } catch {
      outcome = 'blocked'
    }
    await new Promise((done) => setTimeout(done, 200))
    return { outcome, violations }
  }, target)
}

test('the server sends the headers; the Excel worker obeys the policy and import still works', async () => {
  const baseURL = inject('baseURL')
  app = await openApp(baseURL)
  const { page, context } = app
  await recordCspViolations(context)
  const response = (await page.reload())!
  const headers = response.headers()
  expect(headers['content-security-policy']).toContain("frame-ancestors 'self'")
  expect(headers['content-security-policy']).toContain("worker-src 'self'")
  expect(headers['content-security-policy']).toContain("connect-src 'self'")
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('no-referrer')

  const other = await otherOrigin()
  const probe = await fetchFromExcelWorker(page, other.url)
  expect(probe.outcome).toBe('blocked')
  expect(probe.violations).toEqual([`connect-src ${other.url}`])
  expect(other.hits).toEqual([])

  // The worker does its real job under the same policy.
  await loadExample(page)
  const excel = await exportExcel(page)
  await typeInto(page, NEW_NATURAL, '61')
  await importAndConfirm(page, excel)
  expect(await cell(page, NEW_NATURAL).inputValue()).toBe('38')
  expect(await cspViolations(page)).toEqual([])
  expect(app.pageErrors).toEqual([])
})

test('without the header only index.html’s <meta> policy applies, and it does not bind the worker', async () => {
  const bare = await serve('/', undefined, false)
  servers.push(bare)
  app = await openApp(urlOf(bare))
  const response = (await app.page.reload())!
  expect(response.headers()['content-security-policy']).toBeUndefined()
  const other = await otherOrigin()
  const probe = await fetchFromExcelWorker(app.page, other.url)
  expect(probe).toEqual({ outcome: 'sent', violations: [] })
  expect(other.hits).toEqual(['/probe'])
})
