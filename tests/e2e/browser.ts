/**
 * Opens Debian's Chromium (never a downloaded browser) on the served production build, with a
 * fresh context per test, every request URL recorded and screenshots saved into test-results/.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url))

/**
 * URLs that never reach a network: in-memory data and object URLs, and the browser's own pages
 * (Chromium's built-in PDF viewer, shown in the export preview, loads chrome:// resources).
 */
export const LOCAL_URL = /^(data|blob|chrome|chrome-extension):/

export interface OpenedPage {
  readonly browser: Browser
  readonly context: BrowserContext
  readonly page: Page
  /** Every URL the page requested, in order (documents, scripts, fonts, fetches …). */
  readonly requests: string[]
  /** Requests to anything but the local test server (LOCAL_URL ones stay in the browser). */
  foreignRequests(): string[]
  /** Uncaught errors thrown in the page so far; a healthy test ends with none. */
  readonly pageErrors: string[]
  /** Saves `test-results/<name>.png` and returns its path. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>
  close(): Promise<void>
}

export interface OpenOptions {
  /** Default 1366×768, the desktop size the issue asks screenshots for. */
  viewport?: { width: number; height: number }
  /** Path relative to the base URL, default the app's start page. */
  path?: string
  /** Reuse a browser (e.g. for a second context in the same test). */
  browser?: Browser
  acceptDownloads?: boolean
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

export async function openApp(baseURL: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const ownBrowser = !options.browser
  const browser = options.browser ?? (await launchBrowser())
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 768 },
    locale: 'zh-CN',
    acceptDownloads: options.acceptDownloads ?? true,
  })
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  await page.goto(new URL(options.path ?? '', baseURL).href)
  const origin = new URL(baseURL).origin
  return {
    browser,
    context,
    page,
    requests,
    pageErrors,
    foreignRequests: () =>
      requests.filter((url) => !url.startsWith(origin) && !LOCAL_URL.test(url)),
    async screenshot(name, shotOptions = {}) {
      mkdirSync(resultsDir, { recursive: true })
      const path = join(resultsDir, `${name}.png`)
      await page.screenshot({ path, fullPage: shotOptions.fullPage ?? false })
      return path
    },
    async close() {
      await context.close()
      if (ownBrowser) await browser.close()
    },
  }
}
