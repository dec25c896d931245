/** 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号 (format.md §2). */
import {
  deepFreeze,
  makeTable3,
  otherSection,
  overviewSection,
  problemsSection,
  table4,
} from './common'
import type { FormatSpec, TableSpec } from './types'

const table2: TableSpec = {
  key: 't2',
  shortName: '表二',
  stubDepth: 1,
  blocks: [
    {
      header: '第二十条第（一）项',
      stubLabel: '信息内容',
      columns: [
        { key: 'issued', label: '本年制发件数' },
        { key: 'repealed', label: '本年废止件数' },
        { key: 'inForce', label: '现行有效件数' },
      ],
      rows: [
        { key: 'regulations', label: '规章', role: 'regulations' },
        { key: 'normativeDocs', label: '行政规范性文件' },
      ],
    },
    {
      header: '第二十条第（五）项',
      stubLabel: '信息内容',
      columns: [{ key: 'decisions', label: '本年处理决定数量', span: 3 }],
      rows: [{ key: 'licensing', label: '行政许可' }],
    },
    {
      header: '第二十条第（六）项',
      stubLabel: '信息内容',
      columns: [{ key: 'decisions', label: '本年处理决定数量', span: 3 }],
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'enforcement', label: '行政强制' },
      ],
    },
    {
      header: '第二十条第（八）项',
      stubLabel: '信息内容',
      columns: [
        {
          key: 'amount',
          label: '本年收费金额（单位：万元）',
          kind: 'amount',
          unit: '万元',
          span: 3,
        },
      ],
      rows: [{ key: 'fees', label: '行政事业性收费' }],
    },
  ],
}

const table3 = makeTable3({
  key: 'otherHandling',
  label: '（六）其他处理',
  children: [
    {
      key: 'noCorrection',
      label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    },
    {
      key: 'feeUnpaid',
      label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    },
    { key: 'otherReason', label: '3.其他' },
  ],
})

export const gov2021: FormatSpec = deepFreeze({
  id: 'gov2021',
  basis: '国办公开办函〔2021〕30号',
  firstYear: 2021,
  sections: [
    overviewSection,
    { key: 't2', kind: 'table', heading: '二、主动公开政府信息情况', table: table2 },
    { key: 't3', kind: 'table', heading: '三、收到和处理政府信息公开申请情况', table: table3 },
    { key: 't4', kind: 'table', heading: '四、政府信息公开行政复议、行政诉讼情况', table: table4 },
    problemsSection,
    otherSection,
  ],
} satisfies FormatSpec)
