/**
 * Nothing lost, and the user told, when storage misbehaves: two windows on one draft, storage
 * blocked by the browser, the quota full at start with an unreadable draft to set aside, a draft
 * saved by a newer version; and 「备份」 of every draft restored through 「导入」.
 */
import { readFile } from 'node:fs/promises'
import { afterEach, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, type OpenedPage } from './browser'
import { cell, loadExample, NEW_NATURAL, typeInto } from './actions'

let app: OpenedPage | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const NEW_BUSINESS = '表三 一、本年新收政府信息公开申请数量 · 商业企业'
const NEW_NATURAL_ID = 't3.newReceived.naturalPerson'
const SAVED = '已自动保存到本机'

const alerts = (page: Page, text: string) => page.getByRole('alert').filter({ hasText: text })
const saved = (page: Page) => expect.poll(() => page.getByText(SAVED).count()).toBe(1)

/** Screenshots at 1366×768 and at 150 % zoom (911×512 CSS pixels, device scale 1.5). */
async function screenshotsAtBothSizes(opened: OpenedPage, page: Page, name: string) {
  const path = (suffix: string) => `test-results/${name}${suffix}.png`
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path('') })
  await page.setViewportSize({ width: 911, height: 512 })
  const cdp = await opened.context.newCDPSession(page)
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: 911,
    height: 512,
    deviceScaleFactor: 1.5,
    mobile: false,
  })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path('-150'), scale: 'device' })
  await cdp.send('Emulation.clearDeviceMetricsOverride')
  await page.setViewportSize({ width: 1366, height: 768 })
  await cdp.detach()
}

/** 「备份」 in the toolbar: the downloaded file's name and parsed JSON. */
async function downloadBackup(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('toolbar').getByRole('button', { name: '备份', exact: true }).click(),
  ])
  const text = await readFile((await download.path())!, 'utf8')
  return {
    name: download.suggestedFilename(),
    text,
    json: JSON.parse(text) as {
      type: string
      drafts: { id: string; report: { cells: Record<string, number | null> } }[]
    },
  }
}

/** What is stored under the app's keys, exactly. */
const stored = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith('nianbao.'))
        .map((k) => [k, localStorage.getItem(k)!]),
    ),
  )

test('two windows on one draft: the older one turns read-only, nothing is overwritten', async () => {
  app = await openApp(inject('baseURL'))
  const first = app.page
  await loadExample(first)
  const example = await cell(first, NEW_NATURAL).inputValue()
  await saved(first)

  const second = await app.context.newPage()
  await second.goto(first.url())
  await expect.poll(() => cell(second, NEW_NATURAL).inputValue()).toBe(example)
  // Both know the draft is open elsewhere.
  for (const page of [first, second])
    await expect.poll(() => page.getByText('也在另一个窗口中打开').count()).toBe(1)

  await typeInto(second, NEW_NATURAL, '111')
  await saved(second)

  // The first window learns at once and refuses to edit rather than overwrite.
  const notice = alerts(first, '为免覆盖另一个窗口的内容')
  await expect.poll(() => notice.count()).toBe(1)
  expect(await first.getByText('只读：另一个窗口已保存更新的内容').count()).toBe(1)
  await typeInto(first, NEW_BUSINESS, '5')
  await expect.poll(() => first.getByText(/未接受：本窗口为只读/).count()).toBe(1)
  await screenshotsAtBothSizes(app, first, 'storage-two-windows')
  const afterSecond = await stored(first)
  expect(
    JSON.parse(Object.entries(afterSecond).find(([k]) => /draft\.[^.]+$/.test(k))![1]).cells[
      NEW_NATURAL_ID
    ],
  ).toBe(111)

  // Continue with the newest data: the second window's value is there, editing works again.
  await notice.getByRole('button', { name: '载入最新内容，继续编辑' }).click()
  await expect.poll(() => notice.count()).toBe(0)
  expect(await cell(first, NEW_NATURAL).inputValue()).toBe('111')
  await typeInto(first, NEW_BUSINESS, '222')
  await saved(first)

  // Now the second window is the older one.
  await expect.poll(() => alerts(second, '为免覆盖另一个窗口的内容').count()).toBe(1)
  await alerts(second, '为免覆盖另一个窗口的内容')
    .getByRole('button', { name: '载入最新内容，继续编辑' })
    .click()

  // A third window (as after a restart) holds both windows' work.
  const third = await app.context.newPage()
  await third.goto(first.url())
  await expect.poll(() => cell(third, NEW_NATURAL).inputValue()).toBe('111')
  expect(await cell(third, NEW_BUSINESS).inputValue()).toBe('222')
  expect(await cell(second, NEW_BUSINESS).inputValue()).toBe('222')
  expect(app.pageErrors).toEqual([])
})

test('two windows editing at once: unsaved typing of the older window is merged, not lost', async () => {
  app = await openApp(inject('baseURL'))
  const first = app.page
  await loadExample(first)
  await saved(first)
  const second = await app.context.newPage()
  await second.goto(first.url())
  await expect.poll(() => cell(second, NEW_NATURAL).inputValue()).not.toBe('')

  // The second window's edit is saved first; the first window's, typed just after, finds a
  // newer revision when its own autosave runs and writes nothing.
  await typeInto(second, NEW_NATURAL, '31')
  await typeInto(first, NEW_BUSINESS, '42')
  const notice = alerts(first, '为免覆盖另一个窗口的内容')
  await expect.poll(() => notice.count()).toBe(1)
  expect(await cell(first, NEW_BUSINESS).inputValue()).toBe('42')

  await notice.getByRole('button', { name: '载入最新内容，继续编辑' }).click()
  await expect.poll(() => alerts(first, '合并了本窗口未保存的 1 处修改').count()).toBe(1)
  expect(await alerts(first, '两个窗口都改过').count()).toBe(0)
  expect(await cell(first, NEW_NATURAL).inputValue()).toBe('31')
  expect(await cell(first, NEW_BUSINESS).inputValue()).toBe('42')
  await saved(first)
  await screenshotsAtBothSizes(app, first, 'storage-two-windows-merged')

  const third = await app.context.newPage()
  await third.goto(first.url())
  await expect.poll(() => cell(third, NEW_NATURAL).inputValue()).toBe('31')
  expect(await cell(third, NEW_BUSINESS).inputValue()).toBe('42')
  expect(app.pageErrors).toEqual([])
})

test('storage blocked (SecurityError): never "saved", a lasting 无法保存 notice, backup works', async () => {
  app = await openApp(inject('baseURL'))
  await app.context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError')
      },
    })
  })
  const { page } = app
  await page.reload()
  const notice = alerts(page, '无法保存')
  await expect.poll(() => notice.count()).toBe(1)
  expect(await notice.textContent()).toContain('备份')
  expect(await notice.getByRole('button').count()).toBe(1) // 「备份」, no 「知道了」

  await loadExample(page)
  await typeInto(page, NEW_NATURAL, '4321')
  await page.waitForTimeout(1000)
  expect(await page.getByText('已自动保存').count()).toBe(0)
  expect(await page.getByText('无法保存到本机，请下载备份').count()).toBe(1)
  expect(await notice.count()).toBe(1)
  await screenshotsAtBothSizes(app, page, 'storage-blocked')

  // Nothing is lost as long as the clerk takes the backup the notice asks for.
  const backup = await downloadBackup(page)
  expect(backup.name).toMatch(/^年报草稿备份（1份）.*\.json$/)
  expect(backup.json.drafts[0]!.report.cells[NEW_NATURAL_ID]).toBe(4321)
  expect(app.pageErrors).toEqual([])
})

test('quota full at start with an unreadable draft: the app opens, tells, keeps every draft', async () => {
  app = await openApp(inject('baseURL'))
  const { page } = app
  await loadExample(page)
  await typeInto(page, NEW_NATURAL, '808')
  await saved(page)
  const broken = '{"type":"nianbao-report", "schemaVersion": 1, cut off'
  await page.evaluate((text) => {
    localStorage.setItem('nianbao.draft.broken', text)
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
  }, broken)
  const before = await stored(page)

  await page.reload()
  // The good draft reopens with its value; the unreadable one is reported, not lost.
  await expect.poll(() => cell(page, NEW_NATURAL).inputValue()).toBe('808')
  await expect.poll(() => alerts(page, '无法读取').count()).toBe(1)
  expect(await alerts(page, '无法读取').textContent()).toContain('没有删除')
  expect(await alerts(page, '无法保存').count()).toBe(1)
  expect(await page.getByText('已自动保存').count()).toBe(0)
  const after = await stored(page)
  expect(after['nianbao.draft.broken']).toBe(broken)
  for (const [key, value] of Object.entries(before)) expect(after[key]).toBe(value)
  await screenshotsAtBothSizes(app, page, 'storage-quota-at-start')
  expect(app.pageErrors).toEqual([])
})

test('a draft saved by a newer version stays in place and is listed read-only', async () => {
  app = await openApp(inject('baseURL'))
  const { page } = app
  const newer = JSON.stringify({
    type: 'nianbao-report',
    schemaVersion: 99,
    formatId: 'gov2027',
    meta: { agencyName: '新版本机关', year: 2027 },
    somethingNew: { kept: true },
  })
  const index = JSON.stringify({
    schemaVersion: 1,
    activeId: 'future1',
    drafts: [
      { id: 'future1', title: '新版本保存的年报', year: 2027, updatedAt: '2028-01-05T00:00:00Z' },
    ],
  })
  await page.evaluate(
    ([i, d]) => {
      localStorage.setItem('nianbao.drafts', i!)
      localStorage.setItem('nianbao.draft.future1', d!)
    },
    [index, newer],
  )
  await page.reload()
  const item = page.getByRole('listitem').filter({ hasText: '新版本保存的年报' })
  await expect.poll(() => item.count()).toBe(1)
  expect(await item.textContent()).toContain('由新版本保存，请刷新页面')
  expect(await item.getByRole('button').count()).toBe(0)
  await screenshotsAtBothSizes(app, page, 'storage-newer-version')

  // Work on another draft saves around it: its data and index entry stay.
  await loadExample(page)
  await typeInto(page, NEW_NATURAL, '15')
  await saved(page)
  const after = await stored(page)
  expect(after['nianbao.draft.future1']).toBe(newer)
  const entries = JSON.parse(after['nianbao.drafts']!).drafts as { id: string; title: string }[]
  expect(entries.find((d) => d.id === 'future1')?.title).toBe('新版本保存的年报')
  expect(Object.keys(after).filter((k) => k.startsWith('nianbao.unreadable.'))).toEqual([])
  expect(app.pageErrors).toEqual([])
})

test('「备份」 then 「导入」: a newer local draft is kept, a deleted one comes back', async () => {
  app = await openApp(inject('baseURL'))
  const { page } = app
  await loadExample(page)
  const example = await cell(page, NEW_NATURAL).inputValue()
  await saved(page)
  const backup = await downloadBackup(page)
  expect(backup.json.type).toBe('nianbao-backup')

  // Changed after the backup: restoring the backup must not replace it.
  await typeInto(page, NEW_NATURAL, '999')
  await saved(page)
  const pickBackup = async () => {
    await page.getByRole('button', { name: '导入', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: '导入报告' })
    await dialog.locator('input[type=file]').setInputFiles({
      name: backup.name,
      mimeType: 'application/json',
      buffer: Buffer.from(backup.text),
    })
    const preview = dialog.getByRole('region', { name: '导入预览' })
    await preview.waitFor()
    return { dialog, preview }
  }
  let { dialog, preview } = await pickBackup()
  expect(await preview.textContent()).toContain('本机的版本较新，保留本机，不替换')
  expect(await dialog.getByRole('button', { name: '恢复备份' }).isDisabled()).toBe(true)
  await dialog.getByRole('button', { name: '取消' }).click()
  expect(await cell(page, NEW_NATURAL).inputValue()).toBe('999')

  // Rename, then delete from the switcher (after a confirmation).
  await page.getByRole('button', { name: '重命名草稿' }).click()
  const rename = page.getByRole('dialog', { name: '重命名草稿' })
  await rename.getByLabel('草稿名称').fill('示例（给局长看）')
  await rename.getByRole('button', { name: '确定' }).click()
  await expect.poll(() => page.getByText('已重命名为“示例（给局长看）”').count()).toBe(1)
  await page.getByRole('button', { name: '删除草稿' }).click()
  const confirm = page.getByRole('dialog', { name: '删除草稿' })
  expect(await confirm.textContent()).toContain('示例（给局长看）')
  await confirm.getByRole('button', { name: '删除' }).click()
  await expect.poll(() => page.getByText('还没有草稿').count()).toBe(1)

  ;({ dialog, preview } = await pickBackup())
  expect(await preview.textContent()).toContain('恢复后将新增 1 份')
  await app.screenshot('storage-restore-preview')
  await dialog.getByRole('button', { name: '恢复备份' }).click()
  await expect.poll(() => page.getByText('已从备份恢复 1 份草稿').count()).toBe(1)
  await page.getByRole('button', { name: /^打开/ }).click()
  await expect.poll(() => cell(page, NEW_NATURAL).inputValue()).toBe(example)
  expect(app.pageErrors).toEqual([])
})
