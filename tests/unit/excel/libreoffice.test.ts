/**
 * The exported workbook printed by LibreOffice (`soffice --headless --convert-to pdf`, installed
 * on CI by .ci/run): every label and number shows in the printed text, and the workbook prints on
 * at most 1.5 times the pages of our own PDF. LibreOffice finds the Chinese font through
 * fontconfig in a private data directory holding the app's own PDF fonts (the machine may have no
 * CJK font), with a private profile so parallel runs do not collide.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { buildFonts } from '../../../scripts/build-fonts.mjs'
import { formatOf, tableLayout, type Report } from '../../../src/domain'
import { exampleReport } from '../../../src/domain/samples/example'
import { writeWorkbook } from '../../../src/io/excel/workbook'
import { exportPdf } from '../../../src/io/pdf'
import { seedReport } from '../../fixtures/seed2020'
import { HEADINGS } from '../domain/handTyped'
import { printedLabels, table2, table3, table4, type Layout } from '../import/officialSheets'
import { convertToPdf } from '../libreoffice'
import { extractText, fromDisk } from '../pdf/helpers'

const work = mkdtempSync(join(tmpdir(), 'nianbao-lo-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const noSpace = (text: string) => text.replace(/\s/g, '')

/** Prints `xlsx` through LibreOffice; its text (content order) and page count. */
async function printWithLibreOffice(name: string, xlsx: Uint8Array) {
  await buildFonts({ quiet: true })
  const fonts = join(work, 'data', 'fonts')
  mkdirSync(fonts, { recursive: true })
  for (const file of ['NotoSerifSC-Regular.ttf', 'NotoSerifSC-Bold.ttf']) {
    const target = fileURLToPath(new URL(`../../../public/fonts/${file}`, import.meta.url))
    rmSync(join(fonts, file), { force: true })
    symlinkSync(target, join(fonts, file))
  }
  const input = join(work, `${name}.xlsx`)
  writeFileSync(input, xlsx)
  const pdf = convertToPdf(input, work, {
    env: {
      ...process.env,
      XDG_DATA_HOME: join(work, 'data'),
      XDG_CACHE_HOME: join(work, 'cache'),
    },
    stdio: 'pipe',
    timeout: 180_000,
  })
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' })
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1],
  )
  return { text, pages, bytes: readFileSync(pdf) }
}

async function ourPdfPages(report: Report) {
  const result = await exportPdf(report, { ...fromDisk, findings: [] })
  if (!result.ok) throw new Error('PDF export failed')
  return (await extractText(result.bytes)).pages
}

/** The values of each printed table row, in column order, as LibreOffice prints them. */
function valueRows(report: Report): string[] {
  return formatOf(report).sections.flatMap((section) =>
    section.kind === 'table'
      ? tableLayout(section.table).rows.flatMap((row) => {
          const values = row.cells.flatMap((c) =>
            c.cellId && report.cells[c.cellId] !== null && report.cells[c.cellId] !== undefined
              ? [String(report.cells[c.cellId])]
              : [],
          )
          return values.length ? [values.join(' ')] : []
        })
      : [],
  )
}

describe('the Excel export printed by LibreOffice', () => {
  it.each([
    ['example', exampleReport, 2021],
    ['seed', seedReport, 2019],
  ] as const)(
    'the %s: every label and number, on at most 1.5× the pages of our PDF',
    async (name, make, layout: Layout) => {
      const report = make()
      const printed = await printWithLibreOffice(name, writeWorkbook(report))
      const text = noSpace(printed.text)
      const labels = printedLabels([
        ...table2(layout, () => ''),
        ...table3(layout, () => ''),
        ...table4(() => ''),
      ])
      for (const label of [...labels, ...HEADINGS]) expect(text, label).toContain(noSpace(label))
      for (const paragraph of Object.values(report.narrative).flatMap((t) => t.split('\n'))) {
        expect(text).toContain(noSpace(paragraph))
      }
      const lines = printed.text.split('\n').map((l) => l.trim())
      for (const values of valueRows(report)) {
        expect(
          lines.some((l) => l === values || l.endsWith(` ${values}`)),
          values,
        ).toBe(true)
      }
      const ours = await ourPdfPages(report)
      console.log(
        `${name}: LibreOffice prints the xlsx on ${printed.pages} pages, our PDF has ${ours}`,
      )
      expect(printed.pages).toBeLessThanOrEqual(1.5 * ours)
    },
    240_000,
  )
})
