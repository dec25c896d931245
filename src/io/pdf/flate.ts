/**
 * jsPDF's FlateEncode turns the compressed bytes back into a string with `reduce` and `+` per byte,
 * about half of writing the PDF (≈0.1 s for a report of 2,000 distinct characters). The same
 * deflate (fflate's zlibSync, which jsPDF itself calls) with the bytes converted in chunks gives
 * byte-identical streams (tests/unit/pdf/flate.test.ts); any other filter chain goes to jsPDF.
 */
import { zlibSync } from 'fflate'
import { jsPDF } from 'jspdf'
import { toBinaryString } from './fonts'

interface Filtered {
  data: string
  reverseChain: string
}
type ProcessDataByFilters = (data: string, filters?: string | string[]) => Filtered

const api = jsPDF.API as unknown as { processDataByFilters: ProcessDataByFilters }

/** jsPDF's own implementation, kept for other filter chains (and the test). */
export const jsPdfProcessDataByFilters = api.processDataByFilters

const isFlateOnly = (filters?: string | string[]) => {
  const chain = typeof filters === 'string' ? [filters] : (filters ?? [])
  return chain.length === 1 && (chain[0] === 'FlateEncode' || chain[0] === '/FlateEncode')
}

export const processDataByFilters: ProcessDataByFilters = (data = '', filters) => {
  if (!isFlateOnly(filters)) return jsPdfProcessDataByFilters(data, filters)
  const bytes = new Uint8Array(data.length)
  for (let i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i)
  return { data: toBinaryString(zlibSync(bytes)), reverseChain: '/FlateDecode' }
}

api.processDataByFilters = processDataByFilters
