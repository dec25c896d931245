/**
 * The rule ids of ../shared/spec/rules.md with their default severity and the basis shown to the
 * user. The order of this table is the order findings of equal severity are listed in.
 */
import type { Severity } from './types'

interface RuleInfo {
  readonly severity: Severity
  readonly basis: string
}

export const RULES = {
  // Table 二
  'T2-INT': { severity: 'error', basis: '件数、处理决定数量只能是非负整数' },
  'T2-FEE-NUM': { severity: 'error', basis: '表二收费金额为非负数，单位万元（格式印制）' },
  'T2-FEE-UNIT': { severity: 'warning', basis: '表二收费金额的单位是“万元”（格式印制）' },
  'T2-REG-POWER': {
    severity: 'error',
    basis: '《立法法》第九十一条、第九十三条：县级及以下机关无权制定规章',
  },
  'T2-REG-DEPT': {
    severity: 'warning',
    basis: '《立法法》第九十三条、第九十六条：地方政府规章由本级人民政府制定',
  },
  'T2-STOCK-WITHIN': {
    severity: 'warning',
    basis: '本年制发的文件应仍现行有效或已废止（常见错误）',
  },
  'T2-STOCK-XYEAR': {
    severity: 'warning',
    basis: '现行有效件数 = 上年现行有效 + 本年制发 − 本年废止（修订、到期失效可解释差异）',
  },
  'T2-REPEAL-BOUND': {
    severity: 'error',
    basis: '本年废止件数不能超过上年现行有效件数与本年制发件数之和',
  },
  'T2-OLDFORMAT': { severity: 'error', basis: '国办公开办函〔2021〕30号：2021年度起使用新表二' },
  'T2-LABEL': { severity: 'info', basis: '年报格式表二的标准栏目名称' },
  'T2-BLANK': { severity: 'warning', basis: '空白不等于0：没有数据的栏目应填0（常见错误）' },
  // Table 三
  'T3-INT': { severity: 'error', basis: '申请件数只能是非负整数' },
  'T3-BLANK': { severity: 'warning', basis: '空白不等于0：没有数据的栏目应填0（常见错误）' },
  'T3-ROWSUM': { severity: 'error', basis: '表三“总计”列为各类申请人之和（格式印制）' },
  'T3-SUBTOTAL': { severity: 'error', basis: '“（七）总计”为（一）至（六）各项办理结果之和' },
  'T3-BALANCE': {
    severity: 'error',
    basis: '表三印制说明：第一项加第二项之和，等于第三项加第四项之和',
  },
  'T3-CARRY-BOUND': { severity: 'error', basis: '结转下年度的申请不能多于本年可办理的申请' },
  'T3-CARRY-HIGH': {
    severity: 'warning',
    basis: '《政府信息公开条例》第三十三条：20个工作日内答复，延期不超过20个工作日',
  },
  'T3-SIX-SPLIT': {
    severity: 'warning',
    basis: '国办公开办函〔2021〕30号：（六）其他处理分为1、2、3三项',
  },
  'T3-FEE-LINK': {
    severity: 'warning',
    basis: '《政府信息公开信息处理费管理办法》第三条、第四条',
  },
  'T3-LABEL': { severity: 'info', basis: '年报格式表三的标准栏目名称' },
  'T3-OUTCOME-PLAUS': { severity: 'info', basis: '评估实践：办理结果分布明显异常时应复核' },
  // Table 四
  'T4-INT': { severity: 'error', basis: '案件数只能是非负整数' },
  'T4-BLANK': { severity: 'warning', basis: '空白不等于0：没有案件的栏目应填0（常见错误）' },
  'T4-SUM-REVIEW': { severity: 'error', basis: '表四“行政复议 · 总计”为四种结果之和（格式印制）' },
  'T4-SUM-DIRECT': {
    severity: 'error',
    basis: '表四“未经复议直接起诉 · 总计”为四种结果之和（格式印制）',
  },
  'T4-SUM-AFTER': { severity: 'error', basis: '表四“复议后起诉 · 总计”为四种结果之和（格式印制）' },
  'T4-AFTER-VS-REVIEW': { severity: 'warning', basis: '复议后起诉通常以本机关被申请复议为前提' },
  'T4-VOLUME': { severity: 'warning', basis: '复议、诉讼案件数明显多于申请数时应复核' },
  'T4-COUNT-RULE': {
    severity: 'info',
    basis: '国办公开办函〔2016〕201号：复议机关作共同被告的案件由原行政行为机关统计',
  },
  // Narrative
  'N-SECTIONS': { severity: 'error', basis: '《政府信息公开条例》第五十条；年报格式六部分' },
  'N-OVERALL-5': {
    severity: 'warning',
    basis: '年报格式（一）总体情况：主动公开、依申请公开、政府信息管理、平台建设、监督保障',
  },
  'N-GOV-ASSESS': {
    // An error only when none of the three subjects appears at all (set by the rule).
    severity: 'warning',
    basis:
      '《政府信息公开条例》第五十条第（四）项：各级人民政府应报告工作考核、社会评议和责任追究结果',
  },
  'N-FEE': { severity: 'warning', basis: '年报格式（六）：报告信息处理费收取情况' },
  'N-GOV-EXTRA': {
    severity: 'warning',
    basis: '年报格式（六）：人民政府还应报告建议提案办理结果公开、工作要点落实、政务公开创新情况',
  },
  'N-PREV-ISSUES': { severity: 'warning', basis: '年报格式（五）：说明上年度所提问题的改进情况' },
  'N-EMPTY': { severity: 'warning', basis: '各部分应据实填写，不能只写“无”（常见错误）' },
  'N-APPS': { severity: 'warning', basis: '正文数字应与表三一致（常见错误）' },
  'N-OUTCOME-CLASS': { severity: 'warning', basis: '正文办理结果分类应与表三一致（常见错误）' },
  'N-REG-DOCS': { severity: 'warning', basis: '正文文件件数应与表二一致（常见错误）' },
  'N-LITIG': { severity: 'warning', basis: '正文复议、诉讼情况应与表四一致（常见错误）' },
  'N-FEE-MULT': {
    severity: 'warning',
    basis: '《政府信息公开信息处理费管理办法》第四条、第五条：收费标准均为10元的整数倍',
  },
  'N-COPY': {
    severity: 'warning',
    basis: '国办公开办函〔2021〕30号“明确责任”：年报内容不得雷同、敷衍塞责',
  },
  'N-OBSOLETE-BASIS': {
    severity: 'warning',
    basis: '2021年度起适用国办公开办函〔2021〕30号格式',
  },
  // Meta
  'M-TITLE': { severity: 'warning', basis: '标题应为“机关全称+年度+政府信息公开工作年度报告”' },
  'M-PERIOD': { severity: 'warning', basis: '统计期限为报告年度1月1日至12月31日' },
  'M-DEADLINE-DEPT': {
    // The clerk cannot undo a late date by editing: a warning, so the report exports clean.
    severity: 'warning',
    basis: '《政府信息公开条例》第四十九条第一款：县级以上人民政府部门每年1月31日前公布',
  },
  'M-DEADLINE-GOV': {
    // The clerk cannot undo a late date by editing: a warning, so the report exports clean.
    severity: 'warning',
    basis: '《政府信息公开条例》第四十九条第二款：本级政府年度报告每年3月31日前公布',
  },
  'M-DEADLINE-LOCAL': { severity: 'info', basis: '条例未规定乡镇、街道等的时限，以当地通知为准' },
  'M-SIGN': { severity: 'info', basis: '年报末尾应署发布机关名称和成文日期' },
  'M-FORMAT-YEAR': { severity: 'error', basis: '2021年度起使用国办公开办函〔2021〕30号格式' },
  'M-SCOPE': { severity: 'info', basis: '跨年度核对只在统计口径相同的报告之间进行' },
  // Cross-year
  'X-CARRY': { severity: 'error', basis: '本年“上年结转”即上年“结转下年度继续办理”' },
  'X-IDENTICAL': { severity: 'warning', basis: '各表数据与上年完全相同，疑似照抄上年（常见错误）' },
  // Aggregation
  'X-AGG': {
    severity: 'error',
    basis: '本行政区域汇总报告的每个栏目等于所汇总各单位同一栏目之和（汇总的定义）',
  },
} as const satisfies Record<string, RuleInfo>

/** Every rule id of the catalogue: a misspelled id fails to compile. */
export type RuleId = keyof typeof RULES

/** True for an id of the catalogue (e.g. one read back from a stored 说明). */
export const isRuleId = (id: string): id is RuleId => Object.hasOwn(RULES, id)

/**
 * Ids of rules.md that are reported under another id: X-STOCK is T2-STOCK-XYEAR and
 * X-PREV-ISSUES is N-PREV-ISSUES (one finding, not two).
 */
export const RULE_ALIASES: Readonly<Record<string, RuleId>> = {
  'X-STOCK': 'T2-STOCK-XYEAR',
  'X-PREV-ISSUES': 'N-PREV-ISSUES',
}

export const RULE_RANK: ReadonlyMap<RuleId, number> = new Map(
  (Object.keys(RULES) as RuleId[]).map((id, i) => [id, i]),
)
