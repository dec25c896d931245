import { jsPDF } from 'jspdf'
import { describe, expect, it } from 'vitest'
import { jsPdfProcessDataByFilters, processDataByFilters } from '../../../src/io/pdf/flate'
import { exampleReport } from '../../../src/domain/samples/example'
import { exportPdf } from '../../../src/io/pdf'
import { fromDisk } from './helpers'

const api = jsPDF.API as unknown as { processDataByFilters: typeof processDataByFilters }

describe('the faster FlateEncode', () => {
  it('is what jsPDF uses once the PDF module is loaded', async () => {
    await import('../../../src/io/pdf/render')
    expect(api.processDataByFilters).toBe(processDataByFilters)
    expect(jsPdfProcessDataByFilters).not.toBe(processDataByFilters)
  })

  it('compresses to exactly the bytes jsPDF writes', async () => {
    const font = await fromDisk.fontSource!('NotoSerifSC-Regular.ttf')
    const samples = [
      '',
      'BT /F1 16 Tf 0 0 Td <0a1b> Tj ET\n',
      String.fromCharCode(...font.subarray(0, 70_000)),
    ]
    for (const data of samples) {
      for (const filters of ['FlateEncode', ['/FlateEncode']]) {
        expect(processDataByFilters(data, filters)).toEqual(
          jsPdfProcessDataByFilters(data, filters),
        )
      }
    }
  })

  it('leaves other filter chains to jsPDF', () => {
    const chain = ['ASCIIHexEncode', 'FlateEncode']
    expect(processDataByFilters('abc', chain)).toEqual(jsPdfProcessDataByFilters('abc', chain))
  })

  it('exports the example with the same page and font streams', async () => {
    const withPatch = await exportPdf(exampleReport(), fromDisk)
    api.processDataByFilters = jsPdfProcessDataByFilters
    try {
      const withJsPdf = await exportPdf(exampleReport(), fromDisk)
      if (!withPatch.ok || !withJsPdf.ok) throw new Error('export failed')
      // Only the creation date and the file ID derived from it may differ.
      const undated = (bytes: Uint8Array) =>
        Buffer.from(bytes)
          .toString('latin1')
          .replace(/\(D:\d{14}[^)]*\)/g, '')
          .replace(/\/ID \[ <[0-9A-F]+> <[0-9A-F]+> \]/, '')
          .replace(/\d{10} 00000 n/g, '')
      expect(undated(withPatch.bytes)).toBe(undated(withJsPdf.bytes))
    } finally {
      api.processDataByFilters = processDataByFilters
    }
  })
})
