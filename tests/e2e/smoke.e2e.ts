import { afterEach, expect, inject, test } from 'vitest'
import { openApp, type OpenedPage } from './browser'

let app: OpenedPage | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

test('the production build loads offline-clean: a title, no page errors, no foreign request', async () => {
  app = await openApp(inject('baseURL'))
  await app.page.waitForLoadState('networkidle')
  expect(await app.page.title()).toBe('政府信息公开工作年度报告助手')
  expect(app.pageErrors).toEqual([])
  expect(app.requests.length).toBeGreaterThan(1)
  expect(app.foreignRequests()).toEqual([])
})
