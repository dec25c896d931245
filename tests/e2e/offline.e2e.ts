/**
 * Offline after one visit: the build is served from a sub-path (as on a government site), the
 * service worker precaches it, then the network is cut (browser offline AND server stopped): a
 * reload still opens the app with the draft, and the exports still work.
 */
import { appendFileSync, copyFileSync, cpSync, mkdtempSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, expect, test } from 'vitest'
import { LOCAL_URL, openApp, type OpenedPage } from './browser'
import { ensureFreshBuild } from '../../scripts/fresh-build.ts'
import { serve } from './global-setup'
import {
  cell,
  cspViolations,
  exportExcel,
  exportPdf,
  importAndConfirm,
  loadExample,
  NEW_NATURAL,
  offlineStatus,
  recordCspViolations,
  typeInto,
  waitUntilOfflineReady,
} from './actions'

const SUB_PATH = '/zwgk/nianbao/'

let app: OpenedPage | undefined
let server: Server | undefined
afterEach(async () => {
  await app?.close()
  server?.close()
  app = undefined
  server = undefined
})

function stop(s: Server) {
  return new Promise<void>((done) => {
    s.close(() => done())
    s.closeAllConnections()
  })
}

test('after one visit from a sub-path, the app, the draft and the exports work with no network', async () => {
  server = await serve(SUB_PATH)
  const { port } = server.address() as { port: number }
  const base = `http://127.0.0.1:${port}${SUB_PATH}`
  app = await openApp(base)
  const { page, context } = app

  await waitUntilOfflineReady(page)
  expect(await offlineStatus(page).textContent()).toMatch(/v\d+\.\d+\.\d+/)
  await loadExample(page)
  await typeInto(page, NEW_NATURAL, '4321')
  await expect.poll(() => page.getByText('已自动保存到本机').count()).toBe(1)

  await context.setOffline(true)
  await stop(server)
  server = undefined
  const before = app.requests.length
  await page.reload()

  expect(await cell(page, NEW_NATURAL).inputValue()).toBe('4321')
  expect(await offlineStatus(page).textContent()).toContain('当前无网络')

  // PDF (fonts and HarfBuzz from the cache), Excel out, and the workbook back in (the worker).
  const pdf = await exportPdf(page)
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  expect(pdf.length).toBeGreaterThan(60_000)
  const excel = await exportExcel(page)
  await typeInto(page, NEW_NATURAL, '1')
  await importAndConfirm(page, excel)
  expect(await cell(page, NEW_NATURAL).inputValue()).toBe('4321')
  // Everything after the reload was answered by the service worker, from this origin.
  const after = app.requests.slice(before).filter((url) => !LOCAL_URL.test(url))
  expect(after.filter((url) => !url.startsWith(base))).toEqual([])
  for (const part of ['.ttf', '.wasm', 'worker']) expect(after.join('\n')).toContain(part)
  expect(app.pageErrors, app.pageErrors.join()).toEqual([])
  expect(app.foreignRequests()).toEqual([])
})

test('the single-file edition works from file:// with no server: draft, PDF, Excel in and out', async () => {
  const single = fileURLToPath(new URL('../../dist-single/index.html', import.meta.url))
  await ensureFreshBuild('single')
  // As passed around on a USB stick: one file, alone in its folder.
  const folder = mkdtempSync(join(tmpdir(), 'nianbao-usb-'))
  const copy = join(folder, '年报助手.html')
  copyFileSync(single, copy)
  app = await openApp(pathToFileURL(copy).href)
  const { page, context } = app
  await recordCspViolations(context)
  await page.reload()
  await context.setOffline(true)

  expect(await offlineStatus(page).textContent()).toContain('可离线使用')
  await loadExample(page)
  await typeInto(page, NEW_NATURAL, '8642')
  const pdf = await exportPdf(page)
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  const excel = await exportExcel(page)
  await typeInto(page, NEW_NATURAL, '1')
  await importAndConfirm(page, excel)
  expect(await cell(page, NEW_NATURAL).inputValue()).toBe('8642')
  await page.reload()
  expect(await cell(page, NEW_NATURAL).inputValue()).toBe('8642')

  expect(app.requests.filter((url) => !LOCAL_URL.test(url) && url !== page.url())).toEqual([])
  expect(await cspViolations(page)).toEqual([])
  expect(app.pageErrors, app.pageErrors.join()).toEqual([])
})

test('a new version waits for the user: no reload until 「更新」, then the draft is still there', async () => {
  // A copy of the site, so that a new version can be "deployed" during the test.
  const site = mkdtempSync(join(tmpdir(), 'nianbao-site-'))
  cpSync(fileURLToPath(new URL('../../dist', import.meta.url)), site, { recursive: true })
  server = await serve(SUB_PATH, site)
  app = await openApp(`http://127.0.0.1:${(server.address() as AddressInfo).port}${SUB_PATH}`)
  const { page } = app
  await waitUntilOfflineReady(page)
  await loadExample(page)
  await typeInto(page, NEW_NATURAL, '777')
  await page.reload() // now controlled by the service worker, as on every later visit
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)

  appendFileSync(join(site, 'sw.js'), '\n// the next version\n')
  const thisPage = () => page.evaluate(() => (window as { thisPage?: boolean }).thisPage ?? false)
  await page.evaluate(() => Object.assign(window, { thisPage: true }))
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
  await expect
    .poll(() => offlineStatus(page).textContent(), { timeout: 20_000 })
    .toContain('有新版本')
  await page.waitForTimeout(1000)
  expect(await thisPage()).toBe(true)

  await offlineStatus(page).getByRole('button', { name: '更新' }).click()
  await expect.poll(thisPage, { timeout: 20_000 }).toBe(false)
  expect(await cell(page, NEW_NATURAL).inputValue()).toBe('777')
  await waitUntilOfflineReady(page)
  expect(app.pageErrors, app.pageErrors.join()).toEqual([])
})
