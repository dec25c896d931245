import { describe, expect, test } from 'vitest'
import { gov2019, gov2021, tableLayout, tableOf } from '../../src/domain'
import { isBlock, parseClipboardBlock } from '../../src/components/grid/clipboard'
import { enterFrom, gridMap, moveFrom, pasteTargets } from '../../src/components/grid/navigation'

describe('clipboard text from Excel / WPS', () => {
  test('tabs and CRLF, a trailing line break, quoted cells with tabs, quotes and line breaks', () => {
    expect(parseClipboardBlock('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ])
    expect(parseClipboardBlock('"a\tb"\t"say ""hi"""\n"two\nlines"\t\n')).toEqual([
      ['a\tb', 'say "hi"'],
      ['two\nlines', ''],
    ])
    expect(parseClipboardBlock('42')).toEqual([['42']])
    expect(isBlock(parseClipboardBlock('42\n'))).toBe(false)
    expect(isBlock(parseClipboardBlock('4\t2'))).toBe(true)
  })
})

describe('Enter in table 三', () => {
  const map = gridMap(tableLayout(tableOf(gov2021, 't3')))
  test('moves down inside a row, wraps at its end, and back with Shift', () => {
    expect(enterFrom(map, 't3.newReceived.business')).toBe('t3.carriedIn.business')
    expect(enterFrom(map, 't3.newReceived.total')).toBe('t3.carriedIn.naturalPerson')
    expect(enterFrom(map, 't3.carriedIn.naturalPerson', true)).toBe('t3.newReceived.total')
    expect(enterFrom(map, 't3.carriedIn.business', true)).toBe('t3.newReceived.business')
    expect(enterFrom(map, 't3.carriedOver.total')).toBeNull()
  })
  test('a computed 总计 column is not the end of the row the clerk types across', () => {
    const typable = (id: string) => !id.endsWith('.total') && !id.startsWith('t3.resultTotal.')
    expect(enterFrom(map, 't3.newReceived.otherOrg', false, typable)).toBe(
      't3.carriedIn.naturalPerson',
    )
    expect(enterFrom(map, 't3.carriedIn.naturalPerson', true, typable)).toBe(
      't3.newReceived.otherOrg',
    )
    // （七）总计 is all computed: from the row above it, Enter skips it.
    expect(enterFrom(map, 't3.otherHandling.otherReason.otherOrg', false, typable)).toBe(
      't3.carriedOver.naturalPerson',
    )
  })
})

describe('moving in the 2019 table 二 (blocks of different widths)', () => {
  const map = gridMap(tableLayout(tableOf(gov2019, 't2')))

  test('down from a three-column block into a block whose cells are laid out differently', () => {
    // 第二十条第（一）项 has 3 columns; （五） has 上一年项目数量 / 本年增/减 / 处理决定数量.
    expect(moveFrom(map, 't2.normativeDocs.publishedTotal', 'down')).toBe('t2.licensing.decisions')
    expect(moveFrom(map, 't2.licensing.itemsLastYear', 'up')).toBe('t2.normativeDocs.made')
    // （八）项 has two columns: from the third column, down lands on the nearest one to the left.
    expect(moveFrom(map, 't2.enforcement.decisions', 'down')).toBe('t2.fees.itemsChange')
    expect(moveFrom(map, 't2.procurement.amount', 'down')).toBeNull()
    expect(moveFrom(map, 't2.regulations.made', 'left')).toBeNull()
    expect(moveFrom(map, 't2.regulations.made', 'last')).toBe('t2.procurement.amount')
  })

  test('a pasted block follows the same moves and counts what falls outside', () => {
    const { entries, outside } = pasteTargets(map, 't2.fees.itemsLastYear', [
      ['1', '2', '3'],
      ['4', '5'],
      ['6'],
    ])
    expect(entries).toEqual([
      ['t2.fees.itemsLastYear', '1'],
      ['t2.fees.itemsChange', '2'],
      ['t2.procurement.projects', '4'],
      ['t2.procurement.amount', '5'],
    ])
    expect(outside).toBe(2)
  })
})
