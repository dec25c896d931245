import { describe, expect, test } from 'vitest'
import { breakParagraph, paragraphsOf } from '../../../src/io/pdf/lineBreak'

// Every character is 1 wide, so a width of N holds N characters.
const measure = (text: string) => [...text].length
const lines = (text: string, width: number, indent = 0) =>
  breakParagraph(text, width, measure, indent).map((l) => l.text)

describe('breakParagraph', () => {
  test('fills lines character by character and marks the last one', () => {
    const result = breakParagraph('一二三四五六七', 3, measure)
    expect(result.map((l) => l.text)).toEqual(['一二三', '四五六', '七'])
    expect(result.map((l) => l.last)).toEqual([false, false, true])
    expect(result.map((l) => l.width)).toEqual([3, 3, 1])
  })

  test('takes the first-line indent off the first line only', () => {
    expect(lines('一二三四五六七', 4, 2)).toEqual(['一二', '三四五六', '七'])
  })

  test('never starts a line with closing punctuation: the last character moves down with it', () => {
    expect(lines('一二三，四五', 3)).toEqual(['一二', '三，四', '五'])
    expect(lines('一二三。”四', 3)).toEqual(['一二', '三。”', '四'])
    for (const mark of '，。、；：？！）》”’…') {
      const result = lines(`甲乙丙${mark}丁`, 3)
      expect(
        result.every((line) => !line.startsWith(mark)),
        mark,
      ).toBe(true)
      expect(result.join('')).toBe(`甲乙丙${mark}丁`)
    }
  })

  test('never ends a line with opening punctuation', () => {
    expect(lines('一二（三）四', 3)).toEqual(['一二', '（三）', '四'])
    expect(lines('一二《三》', 3)).toEqual(['一二', '《三》'])
    expect(lines('甲乙“丙丁”', 3)).toEqual(['甲乙', '“丙', '丁”'])
  })

  test('keeps numbers, Latin words, —— and …… whole', () => {
    expect(lines('共2486条', 4)).toEqual(['共', '2486', '条'])
    expect(lines('一二——三', 3)).toEqual(['一二', '——三'])
    expect(lines('一二……', 3)).toEqual(['一二', '……'])
    expect(lines('第1.5万元', 4)).toEqual(['第1.5', '万元'])
  })

  test('breaks a unit wider than the line per character; closing punctuation hangs', () => {
    expect(lines('12345678', 3)).toEqual(['123', '456', '78'])
    // A one-character column prints `三、本年度` top to bottom with the 、 beside its 三.
    expect(lines('三、本年度', 1)).toEqual(['三、', '本', '年', '度'])
  })

  test('drops spaces at line ends and starts, keeps them inside', () => {
    expect(lines('2020 年度 报告', 5)).toEqual(['2020', '年度 报告'])
  })

  test('an empty paragraph is one empty line', () => {
    expect(breakParagraph('', 10, measure)).toEqual([{ text: '', width: 0, last: true }])
  })
})

test('paragraphsOf splits on line breaks and drops blank lines and indents', () => {
  expect(paragraphsOf('　　第一段。\n\n  第二段。  \r\n第三段')).toEqual([
    '第一段。',
    '第二段。',
    '第三段',
  ])
})
