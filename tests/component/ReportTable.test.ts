// @vitest-environment jsdom
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { nextTick } from 'vue'
import { createReport, gov2021, tableOf, type TableKey } from '../../src/domain'
import { memoryStorage, setStorage } from '../../src/io/storage'
import ReportTable from '../../src/components/ReportTable.vue'
import { useDraftStore } from '../../src/stores/draft'

let wrapper: VueWrapper | undefined

function mountTable(key: TableKey) {
  setStorage(memoryStorage())
  setActivePinia(createPinia())
  const draft = useDraftStore()
  draft.createDraft(
    createReport({
      agencyName: '某县司法局',
      agencyKind: 'department',
      level: 'county',
      year: 2024,
      scope: 'self',
    }),
  )
  const table = tableOf(gov2021, key)
  wrapper = mount(ReportTable, {
    props: { table, label: `${table.shortName} 测试` },
    attachTo: document.body,
  })
  return { draft, wrapper }
}

beforeEach(() => {
  document.body.innerHTML = ''
})
afterEach(() => wrapper?.unmount())

const input = (name: string) => {
  const el = document.querySelector<HTMLInputElement>(`input[aria-label="${name}"]`)
  if (!el) throw new Error(`no cell named ${name}`)
  return el
}
const focused = () => document.activeElement?.getAttribute('aria-label')

/** Presses a key on the focused element; returns whether the table kept the browser's default. */
async function press(key: string, options: KeyboardEventInit = {}) {
  const target = document.activeElement as HTMLElement
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...options })
  target.dispatchEvent(event)
  await nextTick()
  await nextTick()
  return !event.defaultPrevented
}

async function type(text: string) {
  for (const ch of text) {
    if ((document.activeElement as HTMLInputElement).readOnly) await press(ch)
    else {
      const el = document.activeElement as HTMLInputElement
      el.value += ch
      el.dispatchEvent(new Event('input', { bubbles: true }))
    }
  }
  await nextTick()
}

/** Header cells as `text rowspan×colspan`, the way the printed table merges them. */
const headers = () =>
  [...document.querySelectorAll('th, td.corner')].map(
    (th) => `${th.textContent?.trim()} ${th.getAttribute('rowspan')}×${th.getAttribute('colspan')}`,
  )

describe('rendering from the format data', () => {
  test('table 三: the corner note, merged headers and nested row labels of format.md', () => {
    mountTable('t3')
    const h = headers()
    expect(h).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 3×3')
    expect(h).toContain('申请人情况 1×7')
    expect(h).toContain('自然人 2×1')
    expect(h).toContain('法人或其他组织 1×5')
    expect(h).toContain('商业企业 1×1')
    expect(h).toContain('总计 2×1')
    expect(h).toContain('一、本年新收政府信息公开申请数量 1×3')
    // （一）（二） + 8 + 3 + 5 + 3 + （七） = 22 rows under 三、本年度办理结果.
    expect(h).toContain('三、本年度办理结果 22×1')
    expect(h).toContain('（三）不予公开 8×1')
    expect(h).toContain('1.属于国家秘密 1×1')
    expect(h).toContain('（七）总计 1×2')
    expect(h).toContain('四、结转下年度继续办理 1×3')
    expect(document.querySelectorAll('input')).toHaveLength(25 * 7)
    expect(input('表三 （三）不予公开 1.属于国家秘密 · 自然人').id).toBe(
      'cell-t3-withheld-stateSecret-naturalPerson',
    )
    expect(document.querySelector('table')?.getAttribute('role')).toBe('grid')
  })

  test('table 四: 行政复议 over five columns, 行政诉讼 over two groups of five', () => {
    mountTable('t4')
    const h = headers()
    expect(h).toContain('行政复议 1×5')
    expect(h).toContain('行政诉讼 1×10')
    expect(h).toContain('未经复议直接起诉 1×5')
    expect(h).toContain('复议后起诉 1×5')
    expect(h.filter((t) => t === '结果维持 2×1')).toHaveLength(1)
    expect(h.filter((t) => t === '结果维持 1×1')).toHaveLength(2)
    expect(document.querySelectorAll('input')).toHaveLength(15)
  })

  test('table 二: a block header per 第二十条 item, 本年处理决定数量 spanning three columns', () => {
    mountTable('t2')
    const h = headers()
    expect(h).toContain('第二十条第（一）项 1×4')
    expect(h).toContain('第二十条第（八）项 1×4')
    expect(h.filter((t) => t === '本年处理决定数量 1×3')).toHaveLength(2)
    expect(h).toContain('本年收费金额（单位：万元） 1×3')
    expect(input('表二 行政许可 · 本年处理决定数量').closest('td')?.getAttribute('colspan')).toBe(
      '3',
    )
  })
})

describe('spreadsheet keyboard', () => {
  test('one Tab stop, arrows / Enter move, typing replaces and Enter moves down', async () => {
    const { draft } = mountTable('t3')
    const tabStops = [...document.querySelectorAll('input')].filter((i) => i.tabIndex === 0)
    expect(tabStops).toHaveLength(1)
    tabStops[0]!.focus()
    expect(focused()).toBe('表三 一、本年新收政府信息公开申请数量 · 自然人')
    await press('ArrowRight')
    expect(focused()).toBe('表三 一、本年新收政府信息公开申请数量 · 商业企业')
    await press('ArrowDown')
    expect(focused()).toBe('表三 二、上年结转政府信息公开申请数量 · 商业企业')
    await press('Enter')
    expect(focused()).toBe('表三 三、本年度办理结果 （一）予以公开 · 商业企业')
    await press('ArrowLeft')
    await type('12')
    await press('Enter')
    expect(draft.report?.cells['t3.disclosed.naturalPerson']).toBe(12)
    expect(focused()).toBe(
      '表三 三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 自然人',
    )
    await press('ArrowRight')
    expect(focused()).toBe(
      '表三 三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 商业企业',
    )
    await press('Home')
    expect(focused()).toContain('· 自然人')
    await press('End')
    expect(focused()).toContain('· 总计')
    expect([...document.querySelectorAll('input')].filter((i) => i.tabIndex === 0)).toHaveLength(1)
  })

  test('Tab and Shift+Tab leave the table (the browser moves focus); Enter at a row end wraps', async () => {
    const { draft } = mountTable('t4')
    input('表四 行政复议 结果维持').focus()
    expect(await press('Tab')).toBe(true)
    expect(await press('Tab', { shiftKey: true })).toBe(true)
    // While typing, Tab stores the value and still leaves the table.
    await type('4')
    expect(await press('Tab')).toBe(true)
    expect(draft.report?.cells['t4.review.upheld']).toBe(4)
  })

  test('Enter at the end of a row goes to the first cell of the next row, as in Excel', async () => {
    const { draft } = mountTable('t3')
    input('表三 一、本年新收政府信息公开申请数量 · 其他').focus()
    await type('2')
    await press('Enter')
    expect(draft.report?.cells['t3.newReceived.otherOrg']).toBe(2)
    expect(focused()).toBe('表三 二、上年结转政府信息公开申请数量 · 自然人')
  })

  test('F2 edits the current value, Escape cancels, Delete clears', async () => {
    const { draft } = mountTable('t4')
    const first = input('表四 行政复议 结果维持')
    first.focus()
    await type('8')
    await press('Enter')
    expect(draft.report?.cells['t4.review.upheld']).toBe(8)
    first.focus()
    await press('F2')
    expect(first.readOnly).toBe(false)
    expect(first.value).toBe('8')
    await type('0')
    await press('Escape')
    expect(first.value).toBe('8')
    await press('F2')
    await type('0')
    await press('Enter')
    expect(draft.report?.cells['t4.review.upheld']).toBe(80)
    first.focus()
    await press('Delete')
    expect(draft.report?.cells['t4.review.upheld']).toBeNull()
  })

  test('bad input is refused at the cell with the reason, the previous value kept', async () => {
    const { draft } = mountTable('t4')
    input('表四 行政复议 结果纠正').focus()
    await type('3')
    await press('Enter')
    input('表四 行政复议 结果纠正').focus()
    for (const [text, reason] of [
      ['abc', '“abc”不是数字'],
      ['2.5', '件数必须是整数'],
      ['-1', '不能填写负数'],
    ] as const) {
      await type(text)
      await press('Enter')
      const alert = document.querySelector('[role="alert"]')
      expect(alert?.textContent).toContain(reason)
      expect(alert?.textContent).toContain('已保留原值')
      expect(draft.report?.cells['t4.review.corrected']).toBe(3)
      expect(input('表四 行政复议 结果纠正').value).toBe('3')
      expect(focused()).toBe('表四 行政复议 结果纠正')
      const note = input('表四 行政复议 结果纠正').getAttribute('aria-describedby')
      expect(document.getElementById(note!)?.textContent).toContain(reason)
    }
  })

  test('a computed total cannot be typed and says why', async () => {
    const { draft } = mountTable('t4')
    input('表四 行政复议 总计').focus()
    await type('5')
    expect(draft.report?.cells['t4.review.total']).toBeNull()
    expect(document.querySelector('.cell-bubble')?.textContent).toContain('自动计算')
  })
})

describe('paste from Excel / WPS', () => {
  function paste(text: string) {
    const event = Object.assign(new Event('paste', { bubbles: true, cancelable: true }), {
      clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') },
    })
    document.activeElement!.dispatchEvent(event)
    return nextTick()
  }

  test('a tab-separated block fills from the active cell as one undo step', async () => {
    const { draft } = mountTable('t3')
    input('表三 （三）不予公开 1.属于国家秘密 · 自然人').focus()
    await paste('1\t2件\t3\r\n1,200\t\t/\r\n4\tx\t5\r\n')
    const c = draft.report!.cells
    expect(c['t3.withheld.stateSecret.naturalPerson']).toBe(1)
    expect(c['t3.withheld.stateSecret.business']).toBe(2)
    expect(c['t3.withheld.stateSecret.research']).toBe(3)
    expect(c['t3.withheld.lawProhibited.naturalPerson']).toBe(1200)
    expect(c['t3.withheld.lawProhibited.business']).toBeNull()
    expect(c['t3.withheld.threeSecurities.naturalPerson']).toBe(4)
    expect(c['t3.withheld.threeSecurities.business']).toBeNull()
    expect(c['t3.withheld.threeSecurities.research']).toBe(5)
    expect(c['t3.withheld.stateSecret.total']).toBe(6)
    const message = document.querySelector('[role="alert"]')?.textContent ?? ''
    expect(message).toContain('已粘贴 3×3 区域，更新 6 格')
    expect(message).toContain('1 格未接受')
    expect(message).toContain('表三 （三）不予公开 3.危及“三安全一稳定” · 商业企业：“x”不是数字')
    draft.undo()
    expect(draft.report!.cells['t3.withheld.stateSecret.naturalPerson']).toBeNull()
    expect(draft.report!.cells['t3.withheld.threeSecurities.research']).toBeNull()
    expect(draft.canUndo).toBe(false)
  })

  test('a pasted 总计 that disagrees with its parts is named by block row; the computed one stays', async () => {
    const { draft } = mountTable('t3')
    input('表三 一、本年新收政府信息公开申请数量 · 自然人').focus()
    // Three rows of 自然人…其他 + 总计; the third row says 9 where its parts add up to 6.
    await paste('1\t0\t0\t0\t0\t0\t1\n2\t0\t0\t0\t0\t0\t2\n1\t2\t3\t0\t0\t0\t9\n')
    const c = draft.report!.cells
    expect(c['t3.disclosed.total']).toBe(6)
    const message = document.querySelector('[role="alert"]')?.textContent ?? ''
    expect(message).toContain('粘贴的合计与分项不符：第 3 行')
    expect(message).toContain('3 格为自动计算的合计，已跳过')
  })

  test('copy takes the active cell value', async () => {
    mountTable('t4')
    input('表四 行政复议 结果维持').focus()
    await paste('12')
    let copied = ''
    const event = Object.assign(new Event('copy', { bubbles: true, cancelable: true }), {
      clipboardData: { setData: (_type: string, text: string) => (copied = text) },
    })
    document.activeElement!.dispatchEvent(event)
    expect(copied).toBe('12')
  })

  test('values beyond the table edge and onto computed totals are reported, not placed', async () => {
    const { draft } = mountTable('t4')
    input('表四 复议后起诉 尚未审结').focus()
    await paste('1\t2\t3\r\n')
    expect(draft.report!.cells['t4.litigationAfterReview.pending']).toBe(1)
    expect(draft.report!.cells['t4.litigationAfterReview.total']).toBe(1)
    const message = document.querySelector('[role="alert"]')?.textContent ?? ''
    expect(message).toContain('1 格为自动计算的合计，已跳过')
    expect(message).toContain('1 个值超出表格范围')
  })
})
