import { describe, expect, it } from 'vitest'
import { readImportFile } from '../../../src/io/excel/read'
import { readHtml } from '../../../src/io/document/html'
import { portalPage } from '../../fixtures/portalPage'

const read = (html: string, name = '年报.html') => {
  const outcome = readImportFile(new TextEncoder().encode(html), name)
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.result
}

describe('a report page as a portal publishes it', () => {
  it('imports every table cell exactly', () => {
    const result = read(portalPage())
    expect(result.formatId).toBe('gov2021')
    expect(result.rejected).toEqual([])
    expect(result.tables.map((t) => [t.key, t.located, t.filled])).toEqual([
      ['t2', 10, 10],
      ['t3', 175, 175],
      ['t4', 15, 15],
    ])
    // Values typed into the page by hand (see the fixture).
    expect(result.cells['t2.normativeDocs.repealed']).toBe(2)
    expect(result.cells['t2.licensing.decisions']).toBe(1386)
    expect(result.cells['t2.penalty.decisions']).toBe(72)
    expect(result.cells['t2.fees.amount']).toBe(0)
    expect(result.cells['t3.newReceived.total']).toBe(18)
    expect(result.cells['t3.newReceived.business']).toBe(1)
    expect(result.cells['t3.newReceived.publicInterest']).toBe(1)
    expect(result.cells['t3.unable.notHeld.publicInterest']).toBe(1)
    expect(result.cells['t3.unable.notHeld.total']).toBe(5)
    expect(result.cells['t3.otherHandling.noCorrection.naturalPerson']).toBe(1)
    expect(result.cells['t3.resultTotal.total']).toBe(19)
    expect(result.cells['t3.carriedOver.naturalPerson']).toBe(1)
    expect(result.cells['t4.review.upheld']).toBe(1)
    expect(result.cells['t4.litigationDirect.total']).toBe(1)
    expect(result.cells['t4.litigationDirect.pending']).toBe(1)
    expect(result.cells['t4.litigationAfterReview.total']).toBe(0)
  })

  it('reads title, sections and date, leaving navigation, scripts and footer out', () => {
    const result = read(portalPage())
    expect(result.year).toBe(2024)
    expect(result.meta).toEqual({ agencyName: '东湖区自然资源局', issuedOn: '2025-01-16' })
    expect(result.narrative).toEqual({
      overview:
        '本报告依据《中华人民共和国政府信息公开条例》编制，数据统计期限为2024年1月1日至2024年12月31日。\n\n' +
        '（一）主动公开。全年在区政府门户网站公开自然资源领域信息268条，公示不动产登记办理结果。\n\n' +
        '（二）依申请公开。全年收到政府信息公开申请18件，上年结转2件，办结19件，结转下年度1件。',
      problems:
        '上年度报告所提“答复文书格式不统一”问题，已通过统一文书模板整改。\n\n' +
        '存在的问题：一是基层所站公开意识不强；二是专栏更新不够及时。下一步将加强培训<考核>。',
      other: '本局2024年未收取信息处理费。',
    })
    expect(result.warnings).toEqual([])
  })

  it('reads the same from a page saved in GBK', () => {
    const html = portalPage().replace('charset=utf-8', 'charset=gb2312')
    const gbk = gbkEncode(html)
    const outcome = readImportFile(gbk, '年报.htm')
    if (!outcome.ok) throw new Error(outcome.error)
    expect(outcome.result.cells).toEqual(read(portalPage()).cells)
  })

  it('keeps markup in cells and paragraphs as text (never as elements)', () => {
    const blocks = readHtml(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p><table><tr><td>a<script>alert(1)</script></td><td><b>1</b>2</td></tr></table><p><img src=x onerror="alert(2)">文</p>',
    )
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '<img src=x onerror=alert(1)>' },
      { kind: 'table', grid: { name: '网页第1个表格', rows: [['a', '12']], merges: [] } },
      { kind: 'paragraph', text: '文' },
    ])
  })

  it('refuses a page without the report tables, in plain words', () => {
    const outcome = readImportFile(
      new TextEncoder().encode('<html><body><p>一、总体情况</p></body></html>'),
      'a.html',
    )
    expect(outcome).toEqual({
      ok: false,
      error:
        '没有在网页中找到年度报告的表格（表二、表三、表四的行列标题），请确认它是政府信息公开工作年度报告。',
    })
  })
})

/** GBK bytes of a text through Node's ICU (TextDecoder has no encoder for gbk). */
function gbkEncode(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk')
  const table = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail])
    }
  }
  const out: number[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0))
    else out.push(...(table.get(ch) ?? [0x3f]))
  }
  return new Uint8Array(out)
}
