/**
 * Helpers for the privacy, offline and crash proofs: typing into a cell by its accessible name,
 * loading the example, and collecting Content-Security-Policy violations.
 */
import { expect } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'

export const cell = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true })

/** A part cell of the example (not a computed total) and its value in the example. */
export const NEW_NATURAL = '表三 一、本年新收政府信息公开申请数量 · 自然人'

export async function typeInto(page: Page, name: string, text: string) {
  await cell(page, name).click()
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
}

export async function loadExample(page: Page) {
  await page.getByRole('button', { name: '载入示例' }).click()
  await expect.poll(() => cell(page, NEW_NATURAL).count()).toBe(1)
}

declare global {
  interface Window {
    __cspViolations?: string[]
  }
}

/** From the next navigation on, the page records every CSP violation it reports. */
export async function recordCspViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    window.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}`),
    )
  })
}

export const cspViolations = (page: Page) => page.evaluate(() => window.__cspViolations ?? [])

/** The footer line with the app's version and whether it works offline. */
export const offlineStatus = (page: Page) => page.getByRole('status', { name: '版本与离线状态' })

/** Resolves once the service worker has precached everything (the status line says so). */
export async function waitUntilOfflineReady(page: Page) {
  await expect
    .poll(() => offlineStatus(page).textContent(), { timeout: 30_000 })
    .toContain('可离线使用')
}
