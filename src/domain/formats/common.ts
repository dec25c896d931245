/**
 * Parts of the layout that the 2019 and 2021 formats share word for word (format.md §3.3–3.4):
 * the applicant columns and most rows of table 三, the whole of table 四, the narrative sections.
 */
import type {
  ColumnNode,
  NarrativeSectionSpec,
  RowGroup,
  RowLeaf,
  RowNode,
  TableSpec,
} from './types'
import type { RuleId } from '../rules/catalogue'

export const T3_CORNER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'

export const t3Columns: readonly ColumnNode[] = [
  {
    label: '申请人情况',
    children: [
      { key: 'naturalPerson', label: '自然人' },
      {
        label: '法人或其他组织',
        children: [
          { key: 'business', label: '商业企业' },
          { key: 'research', label: '科研机构' },
          { key: 'publicInterest', label: '社会公益组织' },
          { key: 'legalService', label: '法律服务机构' },
          { key: 'otherOrg', label: '其他' },
        ],
      },
      { key: 'total', label: '总计', sumOf: { ruleId: 'T3-ROWSUM' } },
    ],
  },
]

const newReceived: RowLeaf = { key: 'newReceived', label: '一、本年新收政府信息公开申请数量' }
const carriedIn: RowLeaf = { key: 'carriedIn', label: '二、上年结转政府信息公开申请数量' }
const carriedOver: RowLeaf = { key: 'carriedOver', label: '四、结转下年度继续办理' }

const resultsHead: readonly RowNode[] = [
  { key: 'disclosed', label: '（一）予以公开' },
  { key: 'partlyDisclosed', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  {
    key: 'withheld',
    label: '（三）不予公开',
    children: [
      { key: 'stateSecret', label: '1.属于国家秘密' },
      { key: 'lawProhibited', label: '2.其他法律行政法规禁止公开' },
      { key: 'threeSecurities', label: '3.危及“三安全一稳定”' },
      { key: 'thirdPartyRights', label: '4.保护第三方合法权益' },
      { key: 'internalAffairs', label: '5.属于三类内部事务信息' },
      { key: 'processInfo', label: '6.属于四类过程性信息' },
      { key: 'enforcementFiles', label: '7.属于行政执法案卷' },
      { key: 'inquiryMatters', label: '8.属于行政查询事项', role: 'withheldInquiry' },
    ],
  },
  {
    key: 'unable',
    label: '（四）无法提供',
    children: [
      { key: 'notHeld', label: '1.本机关不掌握相关政府信息', role: 'unableNotHeld' },
      { key: 'needsCreation', label: '2.没有现成信息需要另行制作' },
      { key: 'stillUnclear', label: '3.补正后申请内容仍不明确' },
    ],
  },
  {
    key: 'notProcessed',
    label: '（五）不予处理',
    role: 'notProcessed',
    children: [
      { key: 'petition', label: '1.信访举报投诉类申请' },
      { key: 'repeated', label: '2.重复申请' },
      { key: 'publication', label: '3.要求提供公开出版物' },
      { key: 'massRepeated', label: '4.无正当理由大量反复申请' },
      { key: 'confirmation', label: '5.要求行政机关确认或重新出具已获取信息' },
    ],
  },
]

const resultTotal: RowLeaf = {
  key: 'resultTotal',
  label: '（七）总计',
  sumOf: { ruleId: 'T3-SUBTOTAL' },
}

/** Table 三 for a given shape of （六）其他处理 — the only row that differs between the formats. */
export function makeTable3(otherHandlingShape: RowLeaf | RowGroup): TableSpec {
  const otherHandling = { ...otherHandlingShape, role: 'otherHandling' } as const
  return {
    key: 't3',
    shortName: '表三',
    stubDepth: 3,
    cornerNote: T3_CORNER_NOTE,
    blocks: [
      {
        columns: t3Columns,
        rows: [
          newReceived,
          carriedIn,
          {
            label: '三、本年度办理结果',
            children: [...resultsHead, otherHandling, resultTotal],
          },
          carriedOver,
        ],
      },
    ],
    balance: {
      ruleId: 'T3-BALANCE',
      left: ['newReceived', 'carriedIn'],
      right: ['resultTotal', 'carriedOver'],
    },
    carry: {
      newReceived: 'newReceived',
      carriedIn: 'carriedIn',
      carriedOver: 'carriedOver',
      resultTotal: 'resultTotal',
    },
  }
}

const outcomeColumns = (ruleId: RuleId): ColumnNode[] => [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计', sumOf: { ruleId } },
]

export const table4: TableSpec = {
  key: 't4',
  shortName: '表四',
  stubDepth: 0,
  blocks: [
    {
      columns: [
        { key: 'review', label: '行政复议', children: outcomeColumns('T4-SUM-REVIEW') },
        {
          label: '行政诉讼',
          children: [
            {
              key: 'litigationDirect',
              label: '未经复议直接起诉',
              children: outcomeColumns('T4-SUM-DIRECT'),
            },
            {
              key: 'litigationAfterReview',
              label: '复议后起诉',
              children: outcomeColumns('T4-SUM-AFTER'),
            },
          ],
        },
      ],
      rows: [{ label: '' }],
    },
  ],
}

/** Guidance items the narrative rules look for by name (N-PREV-ISSUES, N-FEE). */
export const GUIDANCE = {
  previousIssues: '上年度问题的改进情况',
  fee: '信息处理费收取情况',
} as const

export const overviewSection: NarrativeSectionSpec = {
  key: 'overview',
  kind: 'narrative',
  heading: '一、总体情况',
  guidance: ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障'],
}

export const problemsSection: NarrativeSectionSpec = {
  key: 'problems',
  kind: 'narrative',
  heading: '五、存在的主要问题及改进情况',
  guidance: ['存在的主要问题', GUIDANCE.previousIssues, '下一步改进措施'],
}

export const otherSection: NarrativeSectionSpec = {
  key: 'other',
  kind: 'narrative',
  heading: '六、其他需要报告的事项',
  guidance: [GUIDANCE.fee],
}

/** Deep-freezes a format description so no caller can change the national layout at run time. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
