import { it } from 'vitest'
import type { Report } from '../src/domain'
import { exampleReport } from '../src/domain/samples/example'
import { exportPdf } from '../src/io/pdf'
import { clearFontCache } from '../src/io/pdf/fonts'
import { fromDisk, longReport } from '../tests/unit/pdf/helpers'
import { medianMs, record } from './record'

// Fonts are read from public/fonts/ instead of fetched: "cold" = read + cmap + subset + render.
async function exportBytes(report: Report): Promise<number> {
  const result = await exportPdf(report, fromDisk)
  if (!result.ok) throw new Error('characters missing')
  return result.bytes.length
}

it('PDF export', async () => {
  const example = exampleReport()
  const long = longReport()
  const started = performance.now()
  await exportBytes(example)
  record(
    'PDF, first export in a fresh process (modules, wasm, fonts)',
    performance.now() - started,
    'ms',
  )

  const cold = () => {
    clearFontCache()
    return exportBytes(example)
  }
  record(
    'PDF cold export of the example (median of 5)',
    await medianMs(cold, 5, 1),
    'ms',
    'font files read again',
  )
  await exportBytes(example)
  record(
    'PDF warm export of the example (median of 10)',
    await medianMs(() => exportBytes(example), 10, 2),
    'ms',
  )
  record(
    'PDF warm export, 2,000 distinct characters (median of 5)',
    await medianMs(() => exportBytes(long), 5, 1),
    'ms',
  )

  record('PDF size, example', (await exportBytes(example)) / 1024, 'KB')
  record('PDF size, 2,000 distinct characters', (await exportBytes(long)) / 1024, 'KB')
})
