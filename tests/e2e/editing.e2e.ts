/**
 * Issue 13 in Chromium: 「说明」 kept over a reload and re-opened by a changed value, 「插入统计句」
 * after 「载入示例」 without a text-vs-table finding, 表三 readable at 150 % zoom on 1366×768, one
 * Tab stop per table, and screenshots of the layouts.
 */
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, openApp as openPage, type OpenedPage } from './browser'
import {
  cell,
  explainedGroup,
  explainFinding,
  findingsPanel,
  loadExample,
  openFinding,
  typeInto,
} from './actions'

let browser: Browser
let app: OpenedPage | undefined
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser.close())
afterEach(async () => {
  expect(app?.pageErrors ?? []).toEqual([])
  await app?.close()
  app = undefined
})

const TEXT_VS_TABLE = /N-APPS|N-LITIG|N-OUTCOME-CLASS|N-REG-DOCS|N-FEE-MULT/
const CARRY_NATURAL = '表三 四、结转下年度继续办理 · 自然人'

test('「说明」 on a warning survives a reload, sits in 「已说明」; a changed value re-opens it', async () => {
  app = await openPage(inject('baseURL'), { browser })
  const { page } = app
  await loadExample(page)
  // 33 of 69 applications carried over (48% > 30%): T3-CARRY-HIGH, a warning.
  await typeInto(page, CARRY_NATURAL, '30')
  await typeInto(page, '表三 一、本年新收政府信息公开申请数量 · 自然人', '50')
  await expect.poll(() => openFinding(page, 'T3-CARRY-HIGH').count()).toBe(1)
  const errorsBefore = await findingsPanel(page).locator('.count-error').textContent()

  await explainFinding(page, 'T3-CARRY-HIGH', '12月下旬集中收到申请，次年1月已全部办结')
  await expect.poll(() => openFinding(page, 'T3-CARRY-HIGH').count()).toBe(0)
  await expect.poll(() => explainedGroup(page).textContent()).toContain('已说明（1）')
  expect(await explainedGroup(page).getAttribute('open')).toBeNull() // collapsed
  expect(await findingsPanel(page).locator('.count-explained').textContent()).toContain('已说明 1')
  expect(await findingsPanel(page).locator('.count-error').textContent()).toBe(errorsBefore)

  await page.reload()
  await expect.poll(() => cell(page, CARRY_NATURAL).inputValue()).toBe('30')
  await expect.poll(() => explainedGroup(page).count()).toBe(1)
  await explainedGroup(page).locator('summary').click()
  const explained = explainedGroup(page).getByRole('listitem').filter({ hasText: 'T3-CARRY-HIGH' })
  expect(await explained.textContent()).toContain('说明：12月下旬集中收到申请，次年1月已全部办结')
  expect(await openFinding(page, 'T3-CARRY-HIGH').count()).toBe(0)
  await app.screenshot('explained-group')

  // A changed value in one of its cells re-opens it.
  await typeInto(page, CARRY_NATURAL, '31')
  await typeInto(page, '表三 一、本年新收政府信息公开申请数量 · 自然人', '51')
  await expect.poll(() => openFinding(page, 'T3-CARRY-HIGH').count()).toBe(1)
  await expect.poll(() => explainedGroup(page).count()).toBe(0)
  // An error has no 「说明」.
  const anError = findingsPanel(page).locator('.finding.sev-error')
  if (await anError.count()) {
    expect(await anError.first().getByRole('button', { name: '说明', exact: true }).count()).toBe(0)
  }
})

test('「插入统计句」 after 「载入示例」 raises no text-vs-table finding', async () => {
  app = await openPage(inject('baseURL'), { browser })
  const { page } = app
  await loadExample(page)
  for (const id of ['narrative-overview', 'narrative-problems', 'narrative-other']) {
    const box = page.locator(`#${id}`)
    await box.click()
    await page.keyboard.press('Control+End')
    await page
      .locator(`#section-${id.slice('narrative-'.length)}`)
      .getByRole('button', { name: '插入统计句' })
      .click()
  }
  const overview = await page.locator('#narrative-overview').inputValue()
  expect(overview).toContain('本年度共收到政府信息公开申请53件，上年结转4件，办结52件')
  expect(await page.locator('#narrative-other').inputValue()).toMatch(/本年度未收取信息处理费。$/)
  const messages = await findingsPanel(page).locator('.finding').allTextContents()
  expect(messages.filter((m) => TEXT_VS_TABLE.test(m))).toEqual([])
  // One undo takes the inserted sentences of the last section out again.
  const before = await page.locator('#narrative-other').inputValue()
  await page.getByRole('button', { name: '撤销' }).click()
  expect((await page.locator('#narrative-other').inputValue()).length).toBeLessThan(before.length)
})

test('Tab from the first 表三 cell leaves the table; arrows move inside', async () => {
  app = await openPage(inject('baseURL'), { browser })
  const { page } = app
  await loadExample(page)
  const first = cell(page, '表三 一、本年新收政府信息公开申请数量 · 自然人')
  await first.click()
  await page.keyboard.press('ArrowRight')
  const name = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')
  expect(await name()).toBe('表三 一、本年新收政府信息公开申请数量 · 商业企业')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Tab')
  const inTable = () =>
    page.evaluate(() => Boolean(document.activeElement?.closest('table.sheet-t3')))
  expect(await inTable()).toBe(false)
  // Shift+Tab comes back into the table, to the cell last used.
  await page.keyboard.press('Shift+Tab')
  expect(await name()).toBe('表三 一、本年新收政府信息公开申请数量 · 自然人')
})

test('at 150 % zoom on 1366×768 a 表三 number cell is at least 40 px wide; screenshots', async () => {
  const context = await browser.newContext({
    viewport: { width: 911, height: 512 },
    deviceScaleFactor: 1.5,
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  await page.goto(inject('baseURL'))
  await loadExample(page)
  const width = await cell(page, '表三 （三）不予公开 1.属于国家秘密 · 科研机构').evaluate(
    (el) => el.closest('td')!.getBoundingClientRect().width,
  )
  expect(width).toBeGreaterThanOrEqual(40)
  // The findings panel does not squeeze the report: it sits below it or is collapsed.
  const panel = await findingsPanel(page).boundingBox()
  const report = await page.locator('.report-page').boundingBox()
  expect(panel!.y >= report!.y + report!.height - 1 || panel!.width < 80).toBe(true)
  await page.screenshot({ path: 'test-results/zoom150-top.png' })
  await page.locator('#section-t3').scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/zoom150-table3.png' })
  await findingsPanel(page).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/zoom150-findings-below.png' })
  await page.goto(inject('baseURL'))
  await context.close()

  for (const [name, viewport] of [
    ['window-1366', { width: 1366, height: 768 }],
    ['window-1024', { width: 1024, height: 768 }],
  ] as const) {
    app = await openPage(inject('baseURL'), { browser, viewport })
    await loadExample(app.page)
    const w = await cell(app.page, '表三 （三）不予公开 1.属于国家秘密 · 科研机构').evaluate(
      (el) => el.closest('td')!.getBoundingClientRect().width,
    )
    expect(w, name).toBeGreaterThanOrEqual(40)
    await app.page.locator('#section-t3').scrollIntoViewIfNeeded()
    await app.screenshot(`${name}-table3`)
    await app.close()
    app = undefined
  }
})

test('「规则说明」 from a finding opens the rule; from the toolbar the whole catalogue', async () => {
  app = await openPage(inject('baseURL'), { browser })
  const { page } = app
  await loadExample(page)
  await typeInto(page, CARRY_NATURAL, '30')
  await openFinding(page, 'T3-BALANCE')
    .first()
    .getByRole('button', { name: '规则说明：T3-BALANCE' })
    .click()
  const entry = page.locator('#rule-T3-BALANCE')
  await expect.poll(() => entry.textContent()).toContain('第一项加第二项之和')
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('rule-T3-BALANCE')
  await app.screenshot('rules-page')
  await page.getByRole('button', { name: '返回报告' }).click()
  await expect.poll(() => cell(page, CARRY_NATURAL).inputValue()).toBe('30')
  await page.getByRole('button', { name: '规则说明', exact: true }).click()
  expect(await page.locator('.rule-entry').count()).toBeGreaterThan(50)
  expect(await page.getByRole('heading', { name: '键盘操作' }).count()).toBe(1)
})
