import { describe, expect, it } from 'vitest'
import {
  gov2021,
  isRuleId,
  restoreExplanations,
  sumConstraints,
  type Finding,
  type RuleId,
  type SumOf,
} from '../../../src/domain'
import { finding } from '../../../src/domain/rules/util'

describe('rule ids are typed by the catalogue', () => {
  it('a misspelled id fails to compile wherever a rule id is written', () => {
    // vue-tsc checks this file: each line below is a compile error, or the build fails.
    // @ts-expect-error T3-BALANSE is not a rule id
    const misspelled: RuleId = 'T3-BALANSE'
    // @ts-expect-error a finding's rule id comes from the catalogue
    const found: Finding['ruleId'] = 'T2-REG-POWR'
    // @ts-expect-error a total declared in the format data names a catalogue rule
    const sum: SumOf = { ruleId: 'T3-ROWSUMM' }
    // @ts-expect-error the finding helper takes catalogue ids only
    const made = () => finding('N-APP', [], '')
    expect([misspelled, found, sum.ruleId, typeof made]).toHaveLength(4)
  })

  it('the format data and the catalogue agree at run time too', () => {
    expect(sumConstraints(gov2021).every((c) => isRuleId(c.ruleId))).toBe(true)
    expect(isRuleId('T3-BALANCE')).toBe(true)
    expect(isRuleId('T3-BALANSE')).toBe(false)
    expect(isRuleId('toString')).toBe(false)
  })

  it('a stored 说明 of an id the catalogue does not know is left out when restored', () => {
    const stored = (ruleId: string) => ({ ruleId, cells: [], message: 'm', reason: '原因', on: '' })
    const restored = restoreExplanations([stored('M-SIGN'), stored('M-SIGNN')], () => true)
    expect(restored.explanations.map((e) => e.ruleId)).toEqual(['M-SIGN'])
    expect(restored.dropped).toBe(1)
  })
})
