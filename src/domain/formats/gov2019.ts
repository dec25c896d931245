/** 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号 (format.md §3). */
import {
  deepFreeze,
  makeTable3,
  otherSection,
  overviewSection,
  problemsSection,
  table4,
} from './common'
import type { ColumnLeaf, FormatSpec, TableSpec } from './types'

const itemCountColumns: ColumnLeaf[] = [
  { key: 'itemsLastYear', label: '上一年项目数量' },
  { key: 'itemsChange', label: '本年增/减', kind: 'signedCount' },
]

const table2: TableSpec = {
  key: 't2',
  shortName: '表二',
  stubDepth: 1,
  blocks: [
    {
      header: '第二十条第（一）项',
      stubLabel: '信息内容',
      columns: [
        { key: 'made', label: '本年新制作数量' },
        { key: 'published', label: '本年新公开数量' },
        { key: 'publishedTotal', label: '对外公开总数量' },
      ],
      rows: [
        { key: 'regulations', label: '规章', role: 'regulations' },
        { key: 'normativeDocs', label: '规范性文件' },
      ],
    },
    {
      header: '第二十条第（五）项',
      stubLabel: '信息内容',
      columns: [...itemCountColumns, { key: 'decisions', label: '处理决定数量' }],
      rows: [
        { key: 'licensing', label: '行政许可' },
        { key: 'otherServices', label: '其他对外管理服务事项' },
      ],
    },
    {
      header: '第二十条第（六）项',
      stubLabel: '信息内容',
      columns: [...itemCountColumns, { key: 'decisions', label: '处理决定数量' }],
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'enforcement', label: '行政强制' },
      ],
    },
    {
      header: '第二十条第（八）项',
      stubLabel: '信息内容',
      columns: itemCountColumns,
      rows: [{ key: 'fees', label: '行政事业性收费' }],
    },
    {
      header: '第二十条第（九）项',
      stubLabel: '信息内容',
      columns: [
        { key: 'projects', label: '采购项目数量' },
        { key: 'amount', label: '采购总金额', kind: 'amount' },
      ],
      rows: [{ key: 'procurement', label: '政府集中采购' }],
    },
  ],
}

export const gov2019: FormatSpec = deepFreeze({
  id: 'gov2019',
  basis: '国办公开办函〔2019〕60号',
  firstYear: 2019,
  lastYear: 2020,
  sections: [
    overviewSection,
    { key: 't2', kind: 'table', heading: '二、主动公开政府信息情况', table: table2 },
    {
      key: 't3',
      kind: 'table',
      heading: '三、收到和处理政府信息公开申请情况',
      table: makeTable3({ key: 'otherHandling', label: '（六）其他处理' }),
    },
    { key: 't4', kind: 'table', heading: '四、政府信息公开行政复议、行政诉讼情况', table: table4 },
    problemsSection,
    otherSection,
  ],
} satisfies FormatSpec)
