/** Table 三 beyond arithmetic: how much is carried over, fees, implausible outcome shares. */
import { rowByRole, type RowRole } from '../formats'
import { narrativeFacts } from '../narrative'
import { finding, knownSum, num, quote, valueOf, type Check } from './util'

/** Share of the year's applications carried into next year above which we ask (淮安 2024: 0.033). */
export const CARRY_HIGH_RATIO = 0.3
/** Outcome shares above which an evaluator would look twice; only for ≥ 20 results. */
const PLAUSIBLE_SHARE = { notHeld: 0.6, notProcessed: 0.5, inquiry: 0.5, minResults: 20 }
/** 信息处理费办法第四条: up to 10 件 per applicant and month are free. */
const FREE_APPLICATIONS_PER_MONTH = 10

const pct = (x: number) => `${Math.round(x * 100)}%`

export const checkCarryHigh: Check = ({ report, plan }) => {
  const col = plan.carry.find((c) => c.isTotal)
  if (!col) return []
  const over = valueOf(report, col.carriedOver)
  const available = knownSum(report, [col.newReceived, col.carriedIn])
  if (over === null || available === null || over <= 0) return []
  const cells = [col.carriedOver, col.newReceived, col.carriedIn]
  if (over / available > CARRY_HIGH_RATIO) {
    return [
      finding(
        'T3-CARRY-HIGH',
        cells,
        `表三结转下年度 ${num(over)} 件，占本年可办理申请（新收+上年结转）${num(available)} 件的 ${pct(over / available)}，高于 ${pct(CARRY_HIGH_RATIO)}。按条例第三十三条，通常只有年末收到的申请才会结转`,
      ),
    ]
  }
  const said = narrativeFacts(report).allAnswered[0]
  return said
    ? [
        finding(
          'T3-CARRY-HIGH',
          cells,
          `正文${quote(said.sentence)}称申请已全部办结，但表三结转下年度继续办理 ${num(over)} 件`,
          { section: said.section, sentence: said.sentence },
        ),
      ]
    : []
}

export const checkFeeLink: Check = ({ report, plan }) => {
  const facts = narrativeFacts(report)
  const out = []
  const unpaidRow = plan.t3Rows.has('otherHandling.feeUnpaid')
    ? plan.t3Total('otherHandling.feeUnpaid')
    : undefined
  const unpaid = unpaidRow ? valueOf(report, unpaidRow) : null
  const denial = facts.noFeeInvolvement[0]
  if (unpaidRow && unpaid !== null && unpaid > 0 && denial) {
    out.push(
      finding(
        'T3-FEE-LINK',
        [unpaidRow],
        `表三（六）2“逾期未按收费通知要求缴纳费用”为 ${num(unpaid)} 件，但正文${quote(denial.sentence)}称未涉及收费通知或信息处理费`,
        { section: denial.section, sentence: denial.sentence },
      ),
    )
  }
  const fee = facts.fees.find((f) => f.value > 0)
  const received = plan.carry.find((c) => c.isTotal)?.newReceived
  const count = received ? valueOf(report, received) : null
  if (fee && received && count !== null && count <= FREE_APPLICATIONS_PER_MONTH) {
    out.push(
      finding(
        'T3-FEE-LINK',
        [received],
        `正文${quote(fee.sentence)}称收取信息处理费 ${num(fee.value)} 元，但全年只新收申请 ${num(count)} 件，没有申请人能在一个月内超过 ${FREE_APPLICATIONS_PER_MONTH} 件的免费额度；如按页数（按量）收费请在正文说明`,
        { section: fee.section, sentence: fee.sentence },
      ),
    )
  }
  return out
}

export const checkOutcomePlausibility: Check = ({ report, plan, format }) => {
  const col = plan.carry.find((c) => c.isTotal)
  const results = col ? valueOf(report, col.resultTotal) : null
  if (!col || results === null || results < PLAUSIBLE_SHARE.minResults) return []
  const shares: readonly [RowRole, number][] = [
    ['unableNotHeld', PLAUSIBLE_SHARE.notHeld],
    ['notProcessed', PLAUSIBLE_SHARE.notProcessed],
    ['withheldInquiry', PLAUSIBLE_SHARE.inquiry],
  ]
  const checks = shares.flatMap(([role, limit]) => {
    const row = rowByRole(format, role)
    if (!row) return []
    const cells = row.cells.filter((c) => c.isTotal).map((c) => c.id)
    return [{ cells, limit, what: `“${row.name}”` }]
  })
  return checks.flatMap(({ cells, limit, what }) => {
    const value = cells.length ? knownSum(report, cells) : null
    if (value === null || value / results <= limit) return []
    return [
      finding(
        'T3-OUTCOME-PLAUS',
        [...cells, col.resultTotal],
        `表三${what}共 ${num(value)} 件，占全部办理结果 ${num(results)} 件的 ${pct(value / results)}，比例异常偏高，请复核分类`,
      ),
    ]
  })
}
