/** The importer and the label rules (T2-LABEL, T3-LABEL) name the same official label. */
import { describe, expect, it } from 'vitest'
import { checkImportedLabels, gov2021, importGrids, tableOf } from '../../../src/domain'
import { matchLabel, officialLabels, printedLabels } from '../../../src/domain/labels'
import { grid, table2, table3, type Rows } from './officialSheets'

const cellsOf = (t2: Rows, t3: Rows) => {
  const outcome = importGrids([grid('表二', t2), grid('表三', t3)])
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.result.cells
}
const replaced = (rows: Rows, official: string, variant: string): Rows =>
  rows.map((row) => row.map((t) => (t === official ? variant : t)))

describe('one label matching for the importer and the label rules', () => {
  const variants = [
    { table: 't2', variant: '现行有效件', official: '现行有效件数' },
    { table: 't3', variant: '1、其他法律行政止公开', official: '2.其他法律行政法规禁止公开' },
    { table: 't3', variant: '社会组织', official: '社会公益组织' },
  ] as const

  it.each(variants)('“$variant” is read as “$official” by both', ({ table, variant, official }) => {
    const labels = officialLabels(printedLabels(tableOf(gov2021, table)))
    expect(matchLabel(variant, labels)?.official).toBe(official)

    // The importer puts the figures printed beside the variant where the official label's go.
    const [t2, t3] = [table2(2021), table3(2021)]
    const read =
      table === 't2'
        ? cellsOf(replaced(t2, official, variant), t3)
        : cellsOf(t2, replaced(t3, official, variant))
    expect(read).toEqual(cellsOf(t2, t3))

    // The rule reports the variant under the same official label.
    const findings = checkImportedLabels(2024, [{ tableKey: table, text: variant }])
    expect(findings.map((f) => f.ruleId)).toEqual([table === 't2' ? 'T2-LABEL' : 'T3-LABEL'])
    expect(findings[0]!.message).toBe(
      `导入文件中的栏目“${variant}”与标准名称“${official}”不一致，已按“${official}”识别`,
    )
  })

  it('a label close to two official labels alike is matched to neither', () => {
    const labels = officialLabels(['1.属于国家秘密', '2.属于国家秘密'])
    expect(matchLabel('3.属于国家秘密', labels)).toBeUndefined()
    expect(matchLabel('其它', officialLabels(['其他']))).toBeUndefined()
  })
})
