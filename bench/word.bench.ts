/**
 * Word and web, in Node: 「导出 Word」 of the example (warm: the `docx` module loaded), the .docx
 * back through the import path the worker runs (`readImportFile`), the filled official template,
 * a portal-like page, and the web export.
 */
import { expect, it } from 'vitest'
import { exampleReport } from '../src/domain'
import { readImportFile } from '../src/io/excel/read'
import { standaloneHtml } from '../src/io/web/reportHtml'
import { writeDocx } from '../src/io/word/docx'
import { largeReport } from '../tests/fixtures/large2021'
import { fillOfficialTemplate, TEMPLATE_SLOTS } from '../tests/fixtures/officialTemplate'
import { portalPage } from '../tests/fixtures/portalPage'
import { medianMs, record } from './record'

it('Word and web export and import', async () => {
  const example = exampleReport()
  const docx = await writeDocx(example)
  const large = await writeDocx(largeReport())
  const template = fillOfficialTemplate({
    title: '示范区交通运输局2025年政府信息公开工作年度报告',
    slots: Array.from({ length: TEMPLATE_SLOTS }, (_, i) => String(i)),
    overview: ['总体情况。'],
    problems: ['问题。'],
    other: ['其他。'],
    closing: ['示范区交通运输局', '2026年1月15日'],
  })
  const portal = new TextEncoder().encode(portalPage())
  for (const [bytes, name] of [
    [docx, 'a.docx'],
    [template, 'b.docx'],
    [portal, 'c.html'],
  ] as const) {
    expect(readImportFile(bytes, name).ok).toBe(true)
  }

  record(
    'Word export of the example, warm (median of 20)',
    await medianMs(() => writeDocx(example), 20, 3),
    'ms',
    `${(docx.byteLength / 1024).toFixed(0)} KB`,
  )
  record(
    '.docx import of our export of the example (median of 20)',
    await medianMs(() => readImportFile(docx, 'a.docx'), 20, 3),
    'ms',
  )
  record(
    '.docx import of our export of the large report (median of 20)',
    await medianMs(() => readImportFile(large, 'a.docx'), 20, 3),
    'ms',
  )
  record(
    '.docx import of the filled official template (median of 20)',
    await medianMs(() => readImportFile(template, 'b.docx'), 20, 3),
    'ms',
    `${(template.byteLength / 1024).toFixed(0)} KB, WPS markup`,
  )
  record(
    'Web page import of a portal-like page (median of 20)',
    await medianMs(() => readImportFile(portal, 'c.html'), 20, 3),
    'ms',
  )
  record(
    'Web page export of the example (median of 20)',
    await medianMs(() => standaloneHtml(example), 20, 3),
    'ms',
  )
})
