/**
 * The real-report corpus (tests/fixtures/real): on each published report the checker raises
 * exactly the errors and warnings of the hand audit — no false alarm, nothing missed. Info
 * findings are not asserted.
 */
import { describe, expect, it } from 'vitest'
import { compareReport } from '../../fixtures/real/compare'
import { REAL_REPORTS } from '../../fixtures/real/index'

describe('real published reports', () => {
  it('has the corpus the README promises', () => {
    const count = (kind: string) => REAL_REPORTS.filter((r) => r.kind === kind).length
    expect(REAL_REPORTS.length).toBeGreaterThanOrEqual(20)
    expect(count('township') + count('street')).toBeGreaterThanOrEqual(5)
    expect(count('department')).toBeGreaterThanOrEqual(5)
    expect(count('government')).toBeGreaterThanOrEqual(3)
    expect(new Set(REAL_REPORTS.map((r) => r.id)).size).toBe(REAL_REPORTS.length)
  })

  for (const real of REAL_REPORTS) {
    it(`${real.id}: exactly the audited errors and warnings`, () => {
      const { raised, expected } = compareReport(real)
      expect({ errors: raised.error, warnings: raised.warning }).toEqual({
        errors: expected.error,
        warnings: expected.warning,
      })
    })
  }
})
