/** 机关类别 and 层级 guessed from the name printed in an imported file's title. */
import { describe, expect, it } from 'vitest'
import { guessAgency } from '../../../src/domain'

describe('guessAgency', () => {
  it.each([
    ['南京市玄武区市场监督管理局', 'department', 'county'],
    ['玄武区城市管理局', 'department', 'county'],
    ['江苏省教育厅', 'department', 'provincial'],
    ['某县人民政府办公室', 'department', 'county'],
    ['某市某县自然资源局', 'department', 'county'],
    ['杭州市西湖区人民政府', 'government', 'county'],
    ['湖北省恩施土家族苗族自治州来凤县人民政府', 'government', 'county'],
    ['甘孜藏族自治州人民政府', 'government', 'prefecture'],
    ['上海市人民政府', 'government', 'provincial'],
    ['某县青石镇人民政府', 'township', 'township'],
    ['青石镇人民政府', 'township', 'township'],
    ['某区东湖街道办事处', 'township', 'township'],
    ['某县中医院', 'other', 'county'],
  ])('%s → %s, %s', (name, kind, level) => {
    const guess = guessAgency(name)
    expect(guess.agencyKind).toBe(kind)
    expect(guess.level).toBe(level)
  })

  it.each(['镇江市人民政府', '苏州市教育局', '昆山市人民政府'])(
    '%s: a 市 may be 设区的市 or 县级市, the level is left to the clerk',
    (name) => {
      const guess = guessAgency(name)
      expect(guess.level).toBeUndefined()
      expect(guess.candidates).toEqual(['prefecture', 'county'])
    },
  )
})
