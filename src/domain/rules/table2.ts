/** Table 二 beyond arithmetic: who may make 规章, stock of documents, the unit of 收费金额. */
import { rowByRole } from '../formats'
import { narrativeFacts } from '../narrative'
import type { Level } from '../report'
import type { Finding } from './types'
import { finding, num, quote, valueOf, type Check, type RuleInput } from './util'

/** Largest plausible yearly 行政事业性收费 (万元) per level; ten times this looks like 元. */
const FEE_BOUND: Readonly<Record<Level, number>> = {
  national: 5_000_000,
  provincial: 2_000_000,
  prefecture: 500_000,
  county: 100_000,
  township: 1_000,
}
const NO_REGULATION_POWER: readonly Level[] = ['county', 'township']
const LOCAL_GOVERNMENT_LEVELS: readonly Level[] = ['provincial', 'prefecture']

/** The 规章 row of table 二 (its count cells). */
const regulationCells = ({ format }: RuleInput) =>
  (rowByRole(format, 'regulations')?.cells ?? []).filter((c) => c.kind === 'count').map((c) => c.id)

export const checkRegulationPower: Check = (input) => {
  const { report } = input
  const { agencyKind, level } = report.meta
  const filled = regulationCells(input).filter((id) => (valueOf(report, id) ?? 0) > 0)
  if (!filled.length) return []
  const row = `表二“${rowByRole(input.format, 'regulations')!.label}”行`
  const values = filled.map(
    (id) => `${input.plan.byId.get(id)!.columnLabels.at(-1)} ${num(valueOf(report, id)!)}`,
  )
  if (report.meta.levelUnconfirmed) {
    return [
      finding(
        'T2-REG-POWER',
        filled,
        `请先确认机关层级：${row}填有 ${values.join('、')}，只有设区的市级以上人民政府可以制定规章，层级确认后再核对`,
        { severity: 'info', section: 'meta' },
      ),
    ]
  }
  if (agencyKind === 'township' || NO_REGULATION_POWER.includes(level)) {
    return [
      finding(
        'T2-REG-POWER',
        filled,
        `县级及以下机关无权制定规章，${row}却填有 ${values.join('、')}。内部“规章制度”不属于规章，请填0`,
      ),
    ]
  }
  if (agencyKind === 'department' && LOCAL_GOVERNMENT_LEVELS.includes(level)) {
    return [
      finding(
        'T2-REG-DEPT',
        filled,
        `地方政府规章由本级人民政府制定，政府部门的${row}填有 ${values.join('、')}，请核实是否应由本级政府填报`,
      ),
    ]
  }
  return []
}

/** Rows of table 二 that carry 制发 / 废止 / 现行有效 (2021 format only). */
export const stockRows = (input: RuleInput) =>
  input.plan.byTable.t2
    .filter((c) => c.id.endsWith('.inForce'))
    .map((c) => {
      const row = c.id.slice(0, -'.inForce'.length)
      return {
        label: c.rowLabels.at(-1)!,
        issued: `${row}.issued`,
        repealed: `${row}.repealed`,
        inForce: c.id,
      }
    })

export const checkStockWithin: Check = (input) =>
  stockRows(input).flatMap((row): Finding[] => {
    const issued = valueOf(input.report, row.issued)
    const repealed = valueOf(input.report, row.repealed)
    const inForce = valueOf(input.report, row.inForce)
    if (issued === null || repealed === null || inForce === null) return []
    if (inForce + repealed >= issued) return []
    return [
      finding(
        'T2-STOCK-WITHIN',
        [row.inForce, row.issued, row.repealed],
        `表二“${row.label}”：本年制发 ${num(issued)} 件，但现行有效 ${num(inForce)} + 本年废止 ${num(repealed)} = ${num(inForce + repealed)} 件，少 ${num(issued - inForce - repealed)} 件（本年制发的文件应仍有效或已废止）`,
      ),
    ]
  })

export const checkFeeUnit: Check = (input) => {
  const { report, plan } = input
  const cell = plan.byTable.t2.find((c) => c.kind === 'amount' && c.unit === '万元')
  const value = cell && valueOf(report, cell.id)
  if (!cell || value === null || value === undefined || value <= 0) return []
  const bound = FEE_BOUND[report.meta.level]
  if (value > bound * 10) {
    return [
      finding(
        'T2-FEE-UNIT',
        [cell.id],
        `表二收费金额填 ${num(value)} 万元（即 ${num(value / 10000)} 亿元），对本级机关明显过大，是否误按“元”填写？`,
      ),
    ]
  }
  for (const s of narrativeFacts(report).adminFees) {
    const asYuan = s.kind === '元' && s.value === value && value >= 100
    const asWan = s.kind === '万元' && s.value !== value && Math.abs(s.value * 10000 - value) < 1e-6
    if (asYuan || asWan) {
      return [
        finding(
          'T2-FEE-UNIT',
          [cell.id],
          `表二收费金额填 ${num(value)}（单位万元），正文${quote(s.sentence)}写的是 ${num(s.value)} ${s.kind}，表中数字似按“元”填写`,
          { section: s.section, sentence: s.sentence },
        ),
      ]
    }
  }
  return []
}
