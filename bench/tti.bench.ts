/**
 * Startup of the production build in headless Chromium (served on loopback, a fresh profile each
 * run): navigation → start page usable, and 「载入示例」 → tables usable; then the same page
 * reloaded once the service worker holds everything (a returning, possibly offline, user).
 * Plus what the budget check measures (the entry's size), and the single-file edition from file://.
 */
import { statSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { checkBudget, ENTRY_BUDGET_BYTES } from '../scripts/check-budget.mjs'
import { ensureFreshBuild } from '../scripts/fresh-build.ts'
import { launchBrowser } from '../tests/e2e/browser'
import { waitUntilOfflineReady } from '../tests/e2e/actions'
import { median, record } from './record'
import { serveBuiltApp } from './servedApp'

const RUNS = 5
const root = fileURLToPath(new URL('..', import.meta.url))

/** performance.now() in the page (ms since navigation start) once `selector` is on screen. */
async function whenVisible(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction(
    (s) => {
      const el = document.querySelector(s)
      return el && el.getBoundingClientRect().height > 0 ? performance.now() : 0
    },
    selector,
    { polling: 'raf', timeout: 30_000 },
  )
  return (await handle.jsonValue()) as number
}

/** Navigation → 「载入示例」 clickable; click → the first table cell on screen (ms each). */
async function startup(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'commit' })
  const ready = await whenVisible(page, '.toolbar button:not([disabled])')
  const clicked = await page.evaluate(() => performance.now())
  await page.getByRole('button', { name: '载入示例' }).click()
  const tables = await whenVisible(page, 'table[role=grid] input')
  return { ready, example: tables - clicked, total: ready + (tables - clicked) }
}

const app = serveBuiltApp()

it('entry size', () => {
  const { total, problems } = checkBudget()
  expect(problems).toEqual([])
  record(
    'entry chunk + static imports (JS+CSS, gzip)',
    total / 1024,
    'KB',
    `budget ${ENTRY_BUDGET_BYTES / 1024} KB`,
  )
})

it('time to interactive in headless Chromium', async () => {
  const url = app.url()
  const browser = await launchBrowser()
  const cold: { ready: number; example: number; total: number }[] = []
  const warm: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    cold.push(await startup(page, url))
    // Returning visit: service worker ready, the draft restored on load.
    await waitUntilOfflineReady(page)
    await page.goto(url, { waitUntil: 'commit' })
    warm.push(await whenVisible(page, 'table[role=grid] input'))
    await context.close()
  }
  await browser.close()
  const note = `median of ${RUNS}, fresh profile each`
  record('TTI cold: navigation → start page usable', median(cold.map((c) => c.ready)), 'ms', note)
  record('TTI cold: 载入示例 → tables usable', median(cold.map((c) => c.example)), 'ms', note)
  record(
    'TTI cold: navigation → example tables usable',
    median(cold.map((c) => c.total)),
    'ms',
    note,
  )
  record('TTI warm (service worker): navigation → draft tables usable', median(warm), 'ms', note)
})

it('single-file edition from file://', async () => {
  const single = `${root}dist-single/index.html`
  await ensureFreshBuild('single')
  const browser = await launchBrowser()
  const runs: { ready: number; total: number }[] = []
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    runs.push(await startup(await context.newPage(), pathToFileURL(single).href))
    await context.close()
  }
  await browser.close()
  const note = `median of ${RUNS}; PDF fonts inside`
  record(
    'single-file edition size',
    statSync(single).size / 1024 / 1024,
    'MB',
    'dist-single/index.html',
  )
  record('single file: file:// → start page usable', median(runs.map((r) => r.ready)), 'ms', note)
  record(
    'single file: file:// → example tables usable',
    median(runs.map((r) => r.total)),
    'ms',
    note,
  )
})
