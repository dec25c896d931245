/** The 规则说明 page is generated from the catalogue: every rule, with its figures from the code. */
import { describe, expect, it } from 'vitest'
import { RULES } from '../../../src/domain'
import { ruleGuide } from '../../../src/domain/rules/guide'
import { COPY_SIMILARITY } from '../../../src/domain/rules/narrative'
import { CARRY_HIGH_RATIO } from '../../../src/domain/rules/table3'

describe('ruleGuide', () => {
  const guide = ruleGuide()

  it('lists every rule of the catalogue once, in its order, with text in every field', () => {
    expect(guide.map((r) => r.id)).toEqual(Object.keys(RULES))
    for (const r of guide) {
      expect(r.checks.length, r.id).toBeGreaterThan(10)
      expect(r.example.length, r.id).toBeGreaterThan(4)
      expect(r.basis).toBe(RULES[r.id].basis)
    }
  })

  it('names the aliases of rules.md', () => {
    expect(guide.find((r) => r.id === 'T2-STOCK-XYEAR')?.aliases).toEqual(['X-STOCK'])
    expect(guide.find((r) => r.id === 'N-PREV-ISSUES')?.aliases).toEqual(['X-PREV-ISSUES'])
  })

  it('states the thresholds the rules use', () => {
    const threshold = (id: string) => guide.find((r) => r.id === id)?.threshold ?? ''
    expect(threshold('T3-CARRY-HIGH')).toContain(`${CARRY_HIGH_RATIO * 100}%`)
    expect(threshold('N-COPY')).toContain(`${COPY_SIMILARITY * 100}%`)
    expect(threshold('M-DEADLINE-DEPT')).toBe('次年1月31日')
  })
})
