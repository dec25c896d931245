/**
 * The built-in sample behind 「载入示例」: a fictional county department's 2025 report in the 2021
 * layout, balanced in every table and with a narrative that states the same numbers as the tables.
 * It must pass every check without errors (tests/unit/domain/example.test.ts).
 */
import { createReport, type Report } from '../report'
import { withRows } from './fill'

const overview = `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制，统计期限为2025年1月1日至2025年12月31日。2025年，示例县市场监督管理局坚持以公开为常态、不公开为例外，全面贯彻落实《条例》，各项工作有序推进。

（一）主动公开。全年通过县政府门户网站“政府信息公开”专栏主动公开政府信息486条，其中行政许可信息2486条次通过“双公示”栏目集中发布，行政处罚决定312件依法公示；围绕食品安全、特种设备安全、药品监管等重点领域，发布抽检结果通告24期、消费提示18期。

（二）依申请公开。全年共收到政府信息公开申请53件，上年结转4件，办结52件，结转下年度继续办理5件。其中予以公开24件，部分公开4件，不予公开9件，无法提供10件，不予处理3件，其他处理2件。已办结的申请均在法定期限内作出答复。

（三）政府信息管理。严格落实公开属性源头认定和保密审查制度，对拟公开信息实行“三审三校”。本年制发行政规范性文件3件，废止2件，现行有效行政规范性文件17件，均已在专栏集中公开。

（四）政府信息公开平台建设。持续优化门户网站信息公开专栏和“示例市监”政务新媒体，规范栏目设置，及时更新办事指南，政务服务大厅设置政府信息公开查阅点，方便群众就近查阅。

（五）监督保障。局党组专题研究政府信息公开工作，将其纳入年度工作考核；组织全局业务培训2次，开展社会评议，邀请企业和群众代表对公开工作进行评议；全年未发生因政府信息公开工作引发的责任追究情况。`

const problems = `（一）上年度问题整改情况。针对上年度报告提出的“政策解读形式单一、依申请公开答复文书不够规范”等问题，本局制定整改清单：新增图文解读、视频解读12件；修订依申请公开答复文书模板7类，问题已整改到位。

（二）存在的主要问题。一是部分基层所政府信息公开意识不强，信息报送不够及时；二是重点领域信息公开的深度有待提高，数据开放不够充分；三是少数申请办理期限临近法定时限。

（三）下一步改进措施。一是加强业务培训，将信息公开纳入基层所年度考核；二是细化重点领域公开目录，推进抽检数据分类开放；三是建立依申请公开办理台账和到期预警，提高办理效率。`

const other = `（一）信息处理费收取情况。本局严格执行《政府信息公开信息处理费管理办法》，2025年未收取信息处理费。

（二）行政复议、行政诉讼情况。2025年，本局因政府信息公开被申请行政复议3件，其中结果维持2件、结果纠正1件；被提起行政诉讼3件，其中未经复议直接起诉2件、复议后起诉1件，1件尚未审结。对复议纠正的案件，本局已重新作出答复并举一反三完善了答复流程。`

/** The sample report (a fresh copy on every call, so the caller may edit it). */
export function exampleReport(): Report {
  const report = createReport({
    agencyName: '示例县市场监督管理局',
    agencyKind: 'department',
    level: 'county',
    year: 2025,
    issuedOn: '2026-01-20',
    scope: 'self',
  })
  report.narrative = { overview, problems, other }
  // Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 (总计 is computed).
  return withRows(report, {
    't2.regulations': [0, 0, 0],
    't2.normativeDocs': [3, 2, 17],
    't2.licensing': [2486],
    't2.penalty': [312],
    't2.enforcement': [45],
    't2.fees': [6.84],
    't3.newReceived': [38, 9, 0, 1, 3, 2],
    't3.carriedIn': [3, 1, 0, 0, 0, 0],
    't3.disclosed': [17, 4, 0, 1, 1, 1],
    't3.partlyDisclosed': [3, 1, 0, 0, 0, 0],
    't3.withheld.stateSecret': [0, 0, 0, 0, 0, 0],
    't3.withheld.lawProhibited': [0, 0, 0, 0, 0, 0],
    't3.withheld.threeSecurities': [0, 0, 0, 0, 0, 0],
    't3.withheld.thirdPartyRights': [1, 1, 0, 0, 0, 0],
    't3.withheld.internalAffairs': [1, 0, 0, 0, 0, 0],
    't3.withheld.processInfo': [1, 0, 0, 0, 0, 0],
    't3.withheld.enforcementFiles': [2, 0, 0, 0, 1, 0],
    't3.withheld.inquiryMatters': [1, 1, 0, 0, 0, 0],
    't3.unable.notHeld': [6, 1, 0, 0, 1, 0],
    't3.unable.needsCreation': [1, 0, 0, 0, 0, 0],
    't3.unable.stillUnclear': [1, 0, 0, 0, 0, 0],
    't3.notProcessed.petition': [2, 0, 0, 0, 0, 0],
    't3.notProcessed.repeated': [1, 0, 0, 0, 0, 0],
    't3.notProcessed.publication': [0, 0, 0, 0, 0, 0],
    't3.notProcessed.massRepeated': [0, 0, 0, 0, 0, 0],
    't3.notProcessed.confirmation': [0, 0, 0, 0, 0, 0],
    't3.otherHandling.noCorrection': [1, 0, 0, 0, 0, 0],
    't3.otherHandling.feeUnpaid': [0, 0, 0, 0, 0, 0],
    't3.otherHandling.otherReason': [1, 0, 0, 0, 0, 0],
    't3.carriedOver': [2, 2, 0, 0, 0, 1],
    't4.review': [2, 1, 0, 0],
    't4.litigationDirect': [1, 0, 0, 1],
    't4.litigationAfterReview': [1, 0, 0, 0],
  })
}
