/**
 * The 规则说明 page's data: for every rule of the catalogue, what it checks in plain Chinese, its
 * threshold and one example. Kept apart from the catalogue so it loads with the page, not at start.
 */
import { RULE_ALIASES, RULES, type RuleId } from './catalogue'
import type { Severity } from './types'

/** What the 规则说明 page says about a rule, besides its id, severity and basis. */
export interface RuleDoc {
  /** What the rule checks, in plain Chinese. */
  readonly checks: string
  /** The number or date the rule compares against, when it has one. */
  readonly threshold?: string
  /** One example of a report that gets the finding. */
  readonly example: string
}

export const RULE_DOCS = {
  'T2-INT': {
    checks:
      '表二中规章、行政规范性文件件数和行政许可、处罚、强制的处理决定数量必须是不小于0的整数。',
    example: '“行政许可 · 本年处理决定数量”填了 12.5。',
  },
  'T2-FEE-NUM': {
    checks: '表二“本年收费金额”必须是不小于0的数，可以有小数。',
    example: '“行政事业性收费”填了“约3万”。',
  },
  'T2-FEE-UNIT': {
    checks:
      '表二收费金额的单位是万元：金额明显过大，或与正文中按“元”写的金额数字相同，多半是按元填写了。',
    threshold:
      '金额超过本级年度收费合理上限的10倍（上限：国务院部门 500 万万元，省级 200 万万元，设区的市级 50 万万元，县级 10 万万元，乡镇级 1000 万元）',
    example: '表二填 68400，正文写“收取行政事业性收费68400元”。',
  },
  'T2-REG-POWER': {
    checks: '县级及以下人民政府、乡镇街道等没有规章制定权的机关，表二“规章”行应当为0。',
    example: '某县人民政府表二“规章 · 本年制发件数”填了 2。',
  },
  'T2-REG-DEPT': {
    checks: '地方政府部门不能制定规章（由本级人民政府制定），部门年报“规章”行一般为0。',
    example: '某市教育局表二“规章 · 现行有效件数”填了 5。',
  },
  'T2-STOCK-WITHIN': {
    checks:
      '本年制发的文件要么仍现行有效、要么本年已废止：现行有效件数加本年废止件数不应少于本年制发件数。',
    example: '制发 6 件，废止 1 件，现行有效只有 3 件。',
  },
  'T2-STOCK-XYEAR': {
    checks: '导入上年报告后核对：本年现行有效件数 = 上年现行有效 + 本年制发 − 本年废止。',
    example: '上年现行有效 10 件，本年制发 3 件、废止 2 件，本年现行有效却填 17 件（应为 11 件）。',
  },
  'T2-REPEAL-BOUND': {
    checks: '本年废止的文件只能来自上年现行有效的和本年制发的，废止件数不能超过两者之和。',
    example: '上年现行有效 4 件，本年制发 1 件，本年废止却填 8 件。',
  },
  'T2-OLDFORMAT': {
    checks:
      '2021年度及以后的报告，表二应使用新格式（制发、废止、现行有效），不能再用2019年版的“本年新制作数量”等栏目。',
    example: '2022年度报告的表二仍有“对外公开总数量”“上一年项目数量”。',
  },
  'T2-LABEL': {
    checks: '导入的表二栏目名称与格式规定的不完全一致（多了空格、少了字），已按最接近的栏目读取。',
    example: '“现行有效件数”写成“现行有效件”。',
  },
  'T2-BLANK': {
    checks: '表二有空白单元格。空白不等于0，没有数据的栏目应填0。',
    example: '“行政强制”一栏空着没填。',
  },
  'T3-INT': {
    checks: '表三每一格都是申请件数，必须是不小于0的整数。',
    example: '“（一）予以公开 · 自然人”填了 -1。',
  },
  'T3-BLANK': {
    checks: '表三有空白单元格。空白不等于0，没有申请的栏目应填0。',
    example: '“1.属于国家秘密 · 科研机构”空着没填。',
  },
  'T3-ROWSUM': {
    checks: '表三每一行的“总计”等于自然人、五类法人或其他组织之和。',
    example: '“一、本年新收”自然人 10、商业企业 3，总计却填 12。',
  },
  'T3-SUBTOTAL': {
    checks: '每一列的“（七）总计”等于（一）至（六）各项办理结果之和。',
    example: '予以公开 5、部分公开 2、不予公开 1，（七）总计却填 7。',
  },
  'T3-BALANCE': {
    checks:
      '每一列：第一项（本年新收）加第二项（上年结转）之和，等于第三项（七）总计加第四项（结转下年度）之和。',
    example: '总计列：新收 15 + 结转 2 = 17，办结 14 + 结转下年度 2 = 16，相差 1。',
  },
  'T3-CARRY-BOUND': {
    checks: '结转下年度继续办理的申请，不能多于本年可办理的申请（新收加上年结转）。',
    example: '新收 3 件、上年结转 0 件，结转下年度却填 5 件。',
  },
  'T3-CARRY-HIGH': {
    checks:
      '结转下年度的申请占本年可办理申请的比例过高，或正文说“均已办结”而表三仍有结转。按条例第三十三条，通常只有年末收到的申请才会结转。',
    threshold: '结转下年度 ÷（新收 + 上年结转）> 30%',
    example: '新收 50 件、上年结转 7 件，结转下年度 22 件（39%）。',
  },
  'T3-SIX-SPLIT': {
    checks: '2021年度起表三“（六）其他处理”分为1、2、3三项，导入的表格只有一行时提示。',
    example: '2023年度报告的表三“（六）其他处理”只有一行。',
  },
  'T3-FEE-LINK': {
    checks:
      '表三（六）2“逾期未按收费通知要求缴纳费用”大于0，正文却说未涉及收费；或正文称收取了信息处理费，而全年申请少到不可能超出免费额度。',
    threshold: '免费额度：同一申请人每月10件',
    example: '（六）2 填 1 件，正文写“本年度未涉及收费通知”。',
  },
  'T3-LABEL': {
    checks: '导入的表三行名与格式规定的不完全一致，已按最接近的行读取。',
    example: '“2.其他法律行政法规禁止公开”写成“2.其他法律行政止公开”。',
  },
  'T3-OUTCOME-PLAUS': {
    checks: '办理结果中某一类占比异常偏高时，提示复核分类是否正确。',
    threshold: '办理结果不少于20件时：本机关不掌握 > 60%，不予处理 > 50%，行政查询事项 > 50%',
    example: '办理结果 40 件，其中“本机关不掌握相关政府信息”30 件（75%）。',
  },
  'T4-INT': {
    checks: '表四每一格都是案件数，必须是不小于0的整数。',
    example: '“行政复议 · 结果维持”填了 1.5。',
  },
  'T4-BLANK': {
    checks: '表四有空白单元格。没有案件的栏目应填0。',
    example: '“复议后起诉 · 尚未审结”空着没填。',
  },
  'T4-SUM-REVIEW': {
    checks: '表四“行政复议 · 总计”等于结果维持、结果纠正、其他结果、尚未审结之和。',
    example: '结果维持 10、结果纠正 1，总计却填 0。',
  },
  'T4-SUM-DIRECT': {
    checks: '表四“未经复议直接起诉 · 总计”等于四种结果之和。',
    example: '结果维持 2、尚未审结 1，总计填 2。',
  },
  'T4-SUM-AFTER': {
    checks: '表四“复议后起诉 · 总计”等于四种结果之和。',
    example: '其他结果 5，总计填 0。',
  },
  'T4-AFTER-VS-REVIEW': {
    checks:
      '有复议后起诉的案件，但本年和上年都没有被申请行政复议，请核实（复议也可能由其他机关作出）。',
    example: '复议后起诉 2 件，本年、上年行政复议均为 0 件。',
  },
  'T4-VOLUME': {
    checks: '复议、诉讼案件合计明显多于本年和上年的申请之和时，请核实统计口径。',
    threshold: '复议、诉讼合计 > 本年与上年（新收 + 上年结转）之和',
    example: '两年申请共 6 件，表四复议、诉讼合计 15 件。',
  },
  'T4-COUNT-RULE': {
    checks:
      '人民政府作为复议机关与原机关作共同被告的诉讼，由作出原行政行为的机关统计，提示不要重复计入。',
    example: '某区人民政府的年报填有行政诉讼案件。',
  },
  'N-SECTIONS': {
    checks: '导入的年报正文应有格式规定的六个部分，并按顺序排列。',
    example: '导入的文档缺少“五、存在的主要问题及改进情况”。',
  },
  'N-OVERALL-5': {
    checks: '“一、总体情况”应写到主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面。',
    example: '总体情况只写了主动公开和依申请公开。',
  },
  'N-GOV-ASSESS': {
    checks:
      '人民政府的年报应报告工作考核、社会评议和责任追究结果情况；三方面都没写是错误，缺少其中一部分是警告。',
    example: '某县人民政府年报全文没有提到考核、评议或责任追究。',
  },
  'N-FEE': {
    checks: '“六、其他需要报告的事项”应说明信息处理费的收取情况（未收取也要写明）。',
    example: '第六部分没有提到信息处理费。',
  },
  'N-GOV-EXTRA': {
    checks:
      '人民政府的年报还应报告建议提案办理结果公开、年度政务公开工作要点落实和政务公开创新情况。',
    example: '某市人民政府年报第六部分没有提到人大代表建议、政协提案办理结果公开。',
  },
  'N-PREV-ISSUES': {
    checks: '“五、存在的主要问题及改进情况”应说明上年度报告所提问题的改进情况。',
    example: '第五部分只写了本年问题，没有回应上年提出的问题。',
  },
  'N-EMPTY': {
    checks: '正文各部分应据实填写，不能空着或只写“无”。',
    example: '第五部分只写了“无”。',
  },
  'N-APPS': {
    checks:
      '正文中收到、上年结转、办结、结转下年度的申请件数，应与表三总计列一致（“办理”可按新收加结转计）。',
    example: '正文写“全年共收到政府信息公开申请17件”，表三本年新收总计为 95 件。',
  },
  'N-OUTCOME-CLASS': {
    checks:
      '正文中各类办理结果的件数应与表三一致；“本机关不掌握”属于“无法提供”，不能写成“不予公开”。',
    example: '正文写“不予公开（本机关不掌握相关信息）3件”。',
  },
  'N-REG-DOCS': {
    checks:
      '正文中规章、规范性文件的制发、废止、现行有效件数应与表二一致（“政策性文件”不等于规范性文件）。',
    example: '正文写“制发行政规范性文件5件”，表二为 3 件。',
  },
  'N-LITIG': {
    checks: '正文中行政复议、行政诉讼的件数和“均获维持”等说法应与表四一致。',
    example: '正文写“行政诉讼均获维持”，表四“尚未审结”为 1 件。',
  },
  'N-FEE-MULT': {
    checks: '按信息处理费办法的收费标准，收取的信息处理费合计应为10元的整数倍。',
    threshold: '10元的整数倍',
    example: '正文写“收取信息处理费125元”。',
  },
  'N-COPY': {
    checks: '导入上年报告后比较：正文与上年高度相似，疑似照抄上年。',
    threshold: '字词相似度 ≥ 85%',
    example: '第五部分与上年报告几乎一字不差。',
  },
  'N-OBSOLETE-BASIS': {
    checks:
      '2021年度起的报告仍引用2019年格式（国办公开办函〔2019〕60号、“格式（试行）”）作为依据。',
    example: '2022年度报告写“根据国办公开办函〔2019〕60号要求编制”。',
  },
  'M-TITLE': {
    checks: '标题由机关全称和年度组成：机关名称应已填写，且不应含有年度或“年度报告”字样。',
    example: '机关名称填成“某县财政局2025年度”。',
  },
  'M-PERIOD': {
    checks: '正文所写统计期限应为报告年度的1月1日至12月31日。',
    example: '2020年度报告写“统计期限为2020年1月1日至202020年12月31日”。',
  },
  'M-DEADLINE-DEPT': {
    checks: '县级以上人民政府部门的年报应在次年1月31日前公布，按成文日期判断。',
    threshold: '次年1月31日',
    example: '某市财政局2025年度报告成文日期为2026年2月10日。',
  },
  'M-DEADLINE-GOV': {
    checks: '县级以上地方人民政府的本级年报应在次年3月31日前公布，按成文日期判断。',
    threshold: '次年3月31日',
    example: '某县人民政府2025年度报告成文日期为2026年4月2日。',
  },
  'M-DEADLINE-LOCAL': {
    checks: '条例没有规定乡镇、街道等的公布时限，请对照当地通知的时间。',
    example: '某街道办事处2025年度报告成文日期为2026年2月5日。',
  },
  'M-SIGN': {
    checks: '年报末尾应署发布机关名称和成文日期；尚未填写成文日期时提示。',
    example: '报告信息中没有填写成文日期。',
  },
  'M-FORMAT-YEAR': {
    checks: '2021年度及以后的报告应使用国办公开办函〔2021〕30号格式的表格。',
    example: '2023年度报告的表格按2019年格式填报。',
  },
  'M-SCOPE': {
    checks: '本年与上年报告的统计口径（本机关 / 本级政府汇总）不同时，不做跨年度核对。',
    example: '上年报告为全区汇总，本年只统计区政府办公室本身。',
  },
  'X-CARRY': {
    checks: '导入上年报告后核对：每一列本年“二、上年结转”应等于上年“四、结转下年度继续办理”。',
    example: '上年结转下年度 5 件，本年“上年结转”填 3 件。',
  },
  'X-IDENTICAL': {
    checks: '导入上年报告后比较：各表数据与上年完全相同，疑似照抄上年。',
    example: '表二、表三、表四的每一个数字都与上年相同。',
  },
  'X-AGG': {
    checks: '本行政区域汇总报告与所汇总各单位的报告逐栏比较：每个栏目应等于各单位同一栏目之和。',
    example: '各单位“新收政府信息公开申请数量”合计 120 件，汇总报告填 118 件。',
  },
} as const satisfies Record<RuleId, RuleDoc>

export interface RuleGuideEntry extends RuleDoc {
  readonly id: RuleId
  readonly severity: Severity
  readonly basis: string
  /** Ids of rules.md reported under this one (X-STOCK → T2-STOCK-XYEAR). */
  readonly aliases: readonly string[]
}

/** Every rule for the 规则说明 page, in catalogue order. */
export function ruleGuide(): RuleGuideEntry[] {
  return (Object.keys(RULES) as RuleId[]).map((id) => ({
    id,
    severity: RULES[id].severity,
    basis: RULES[id].basis,
    ...RULE_DOCS[id],
    aliases: Object.keys(RULE_ALIASES).filter((alias) => RULE_ALIASES[alias] === id),
  }))
}
