/**
 * Stands in for jsPDF's optional html2canvas, canvg and dompurify (its `html()` and SVG
 * methods, which this app never calls): vite.config.ts aliases them here, so ≈105 KB gzip of
 * chunks are neither built nor precached. Calling any of them says so plainly.
 */
function unavailable(): never {
  throw new Error(
    'jsPDF optional module (html2canvas/canvg/dompurify) is not bundled: the app never renders HTML or SVG into a PDF',
  )
}

export default Object.assign(unavailable, { fromString: unavailable, sanitize: unavailable })
