import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readImportFile } from '../../../src/io/excel/read'
import { LEGACY_WORD, UNREADABLE_WORD } from '../../../src/io/excel/limits'

const docx = (documentXml: string | Uint8Array) =>
  zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': typeof documentXml === 'string' ? strToU8(documentXml) : documentXml,
  })

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

describe('broken and hostile Word files', () => {
  it('a Word document without the report tables: one sentence', () => {
    const outcome = readImportFile(
      docx(
        `<w:document ${W}><w:body><w:p><w:r><w:t>会议纪要</w:t></w:r></w:p></w:body></w:document>`,
      ),
      '纪要.docx',
    )
    expect(outcome).toEqual({
      ok: false,
      error:
        '没有在Word 文档中找到年度报告的表格（表二、表三、表四的行列标题），请确认它是政府信息公开工作年度报告。',
    })
  })

  it('a document part that is not XML, or no body at all', () => {
    expect(readImportFile(docx('%PDF-1.7 garbage'), 'x.docx')).toEqual({
      ok: false,
      error: UNREADABLE_WORD,
    })
  })

  it(
    'a zip bomb: the document part unpacks beyond 64 MB and is refused unread',
    { timeout: 60_000 },
    () => {
      const bomb = zipSync({
        'word/document.xml': [new Uint8Array(80 * 1024 * 1024), { level: 9 }],
      })
      expect(bomb.byteLength).toBeLessThan(1024 * 1024)
      expect(readImportFile(bomb, 'bomb.docx')).toEqual({ ok: false, error: UNREADABLE_WORD })
    },
  )

  it('an old binary .doc gets the “save as .docx” sentence', () => {
    const ole = new Uint8Array(1024)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect(readImportFile(ole, '2024年报.doc')).toEqual({ ok: false, error: LEGACY_WORD })
  })

  it('report tables inside a layout table are still found', () => {
    const cells = (texts: string[]) =>
      `<w:tr>${texts.map((t) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`
    const t4 = `<w:tbl>${cells(['行政复议', '', '', '', '', '行政诉讼'])}${cells(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉'])}${cells(['2', '0', '0', '0', '2', ''])}</w:tbl>`
    const xml = `<w:document ${W}><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>四、政府信息公开行政复议、行政诉讼情况</w:t></w:r></w:p>${t4}<w:p/></w:tc></w:tr></w:tbl></w:body></w:document>`
    const outcome = readImportFile(docx(xml), 'x.docx')
    if (!outcome.ok) throw new Error(outcome.error)
    expect(outcome.result.cells['t4.review.upheld']).toBe(2)
    expect(outcome.result.cells['t4.review.total']).toBe(2)
  })

  it('markup and entities in Word text arrive as text', () => {
    const table = (rows: string[][]) =>
      `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc><w:p><w:r><w:t>${c}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`
    const xml = `<w:document ${W}><w:body>
      <w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>
      <w:p><w:r><w:t>&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;</w:t></w:r></w:p>
      ${table([
        ['行政复议', '', '', '', '', '行政诉讼'],
        ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉'],
        ['&lt;img src=x onerror=alert(1)&gt;', '0', '0', '0', '1', ''],
      ])}
    </w:body></w:document>`
    const outcome = readImportFile(docx(xml), 'x.docx')
    if (!outcome.ok) throw new Error(outcome.error)
    expect(outcome.result.narrative?.overview).toBe('<script>alert(1)</script>&amp;')
    expect(outcome.result.rejected.map((r) => r.text)).toContain('<img src=x onerror=alert(1)>')
  })
})
