/**
 * Nothing typed is lost: not when the tab is closed right after typing (the draft is written on
 * pagehide), not when the page crashes with no unload at all (autosave writes within a second),
 * and not when localStorage is full (a clear warning; the previous good save stays intact).
 */
import { afterEach, expect, inject, test } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { openApp, type OpenedPage } from './browser'
import { cell, loadExample, NEW_NATURAL, typeInto } from './actions'

let app: OpenedPage | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const DRAFT_PREFIX = 'nianbao.draft.'

/** The stored draft(s) exactly as in localStorage. */
const storedDrafts = (page: Page) =>
  page.evaluate((prefix) => {
    const out: Record<string, string> = {}
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!
      if (key.startsWith(prefix)) out[key] = localStorage.getItem(key)!
    }
    return out
  }, DRAFT_PREFIX)

/** A second tab of the same browser profile, as after reopening the browser. */
async function reopen(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.goto(app!.page.url())
  return page
}

test('closing the tab right after typing keeps the typing (saved on pagehide)', async () => {
  app = await openApp(inject('baseURL'))
  await loadExample(app.page)
  await typeInto(app.page, NEW_NATURAL, '1357')
  // No waiting for the autosave delay: close at once, without beforeunload.
  await app.page.close({ runBeforeUnload: false })

  const again = await reopen(app.context)
  expect(await cell(again, NEW_NATURAL).inputValue()).toBe('1357')
})

test('a renderer crash within a second of typing keeps the typing (autosave, no unload)', async () => {
  app = await openApp(inject('baseURL'))
  await loadExample(app.page)
  await typeInto(app.page, NEW_NATURAL, '2468')
  const typedAt = Date.now()
  await app.page.waitForTimeout(900)
  const cdp = await app.context.newCDPSession(app.page)
  // Page.crash kills the renderer: no pagehide, no visibilitychange, no unload. (The call
  // itself never answers: the renderer that would answer is gone.)
  const crashed = app.page.waitForEvent('crash')
  void cdp.send('Page.crash').catch(() => undefined)
  await crashed
  expect(Date.now() - typedAt).toBeLessThan(1500)

  const again = await reopen(app.context)
  expect(await cell(again, NEW_NATURAL).inputValue()).toBe('2468')
})

test('localStorage full: a clear warning, the page keeps the typing, the last good save stays', async () => {
  app = await openApp(inject('baseURL'))
  const { page } = app
  await loadExample(page)
  await expect.poll(() => page.getByText('已自动保存到本机').count()).toBe(1)
  const goodSave = await storedDrafts(page)
  expect(Object.keys(goodSave)).toHaveLength(1)

  // Fill the origin's quota with other data, to the last character.
  const filled = await page.evaluate(() => {
    let total = 0
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      for (;;) {
        try {
          localStorage.setItem(`filler.${total}`, 'x'.repeat(size))
          total += size
        } catch {
          break
        }
      }
    }
    return total
  })
  expect(filled).toBeGreaterThan(1_000_000)

  await typeInto(page, NEW_NATURAL, '9999')
  const warning = page.getByRole('alert').filter({ hasText: '存储空间已满' })
  await expect.poll(() => warning.count(), { timeout: 5000 }).toBe(1)
  expect(await page.getByText('未能保存').count()).toBe(1)
  expect(await cell(page, NEW_NATURAL).inputValue()).toBe('9999')
  expect(await storedDrafts(page)).toEqual(goodSave)

  // Space freed: the next change saves everything, including what could not be saved before.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage))
      if (key.startsWith('filler.')) localStorage.removeItem(key)
  })
  await typeInto(page, '表三 一、本年新收政府信息公开申请数量 · 商业企业', '12')
  await expect.poll(() => warning.count()).toBe(0)
  await expect.poll(() => page.getByText('已自动保存到本机').count()).toBe(1)
  const again = await reopen(app.context)
  expect(await cell(again, NEW_NATURAL).inputValue()).toBe('9999')
  expect(app.pageErrors).toEqual([])
})
