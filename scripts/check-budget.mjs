// Budget check of the production build (run by .ci/run after `npm run build`):
// - what the browser must load before the app starts (the entry chunk, the chunks it imports
//   statically, their CSS) stays under 90 KB gzip;
// - jsPDF, SheetJS, the PDF fonts and any WebAssembly are never among it: they load on demand;
// - jsPDF's optional html2canvas, canvg and dompurify are in no chunk at all.
// The static import graph comes from Vite's manifest (`imports`, not `dynamicImports`); the
// modules inside each chunk from dist/.vite/chunk-modules.json (scripts/vite-offline.ts).
import { readFileSync, statSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

export const ENTRY_BUDGET_BYTES = 90 * 1024

/** Module ids (relative to the project) that must only ever load lazily. */
export const HEAVY = [
  { name: 'jsPDF', test: (id) => /node_modules\/jspdf(-autotable)?\//.test(id) },
  { name: 'SheetJS (xlsx)', test: (id) => /node_modules\/(xlsx|@e965\/xlsx)\//.test(id) },
  { name: 'docx', test: (id) => /node_modules\/docx\//.test(id) },
  { name: 'htmlparser2', test: (id) => /node_modules\/htmlparser2\//.test(id) },
  { name: 'PDF 字体', test: (id) => /\.(ttf|otf|woff2?)(\?|$)/.test(id) },
  { name: 'WebAssembly', test: (id) => /\.wasm(\?|$)|node_modules\/harfbuzzjs\//.test(id) },
]

/** jsPDF's optional html()/SVG helpers: aliased away in vite.config.ts, never built or precached. */
export const NEVER_BUILT = [
  { name: 'html2canvas', test: (id) => /node_modules\/html2canvas\//.test(id) },
  { name: 'canvg', test: (id) => /node_modules\/canvg\//.test(id) },
  { name: 'dompurify', test: (id) => /node_modules\/dompurify\//.test(id) },
]

const dist = new URL('../dist/', import.meta.url)
const readJson = (path) => JSON.parse(readFileSync(new URL(path, dist), 'utf8'))
const gzipSize = (file) => gzipSync(readFileSync(new URL(file, dist))).length
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

/** Chunks loaded at start: the entry and everything it reaches through static imports. */
export function initialChunks(manifest) {
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry)
  const seen = new Set()
  const visit = (key) => {
    if (seen.has(key)) return
    seen.add(key)
    for (const next of manifest[key].imports ?? []) visit(next)
  }
  entries.forEach(visit)
  return [...seen].map((key) => manifest[key])
}

export function checkBudget() {
  const manifest = readJson('.vite/manifest.json')
  const chunkModules = readJson('.vite/chunk-modules.json')
  const initial = initialChunks(manifest)
  const files = [...new Set(initial.flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])]))]
  const sizes = files.map((file) => ({
    file,
    raw: statSync(new URL(file, dist)).size,
    gzip: gzipSize(file),
  }))
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0)

  const problems = []
  if (total > ENTRY_BUDGET_BYTES) {
    problems.push(`入口（JS+CSS，gzip）${kb(total)} 超过预算 ${kb(ENTRY_BUDGET_BYTES)}`)
  }
  for (const chunk of initial) {
    const ids = [...(chunkModules[chunk.file] ?? []), ...(chunk.assets ?? [])]
    for (const heavy of HEAVY) {
      const found = ids.filter(heavy.test)
      if (found.length) {
        problems.push(
          `${heavy.name} 出现在启动时加载的 ${chunk.file}：${found.slice(0, 3).join(', ')}`,
        )
      }
    }
  }

  for (const [file, ids] of Object.entries(chunkModules)) {
    for (const unused of NEVER_BUILT) {
      if (ids.some(unused.test)) problems.push(`${unused.name} 被打包进了 ${file}（应由别名替换）`)
    }
  }

  // Lazy chunks, for the record: what import/export add when first used.
  const initialFiles = new Set(initial.map((chunk) => chunk.file))
  const lazy = Object.entries(chunkModules)
    .filter(([file]) => !initialFiles.has(file))
    .map(([file, ids]) => ({
      file,
      heavy: HEAVY.filter((h) => ids.some(h.test))
        .map((h) => h.name)
        .join(', '),
      gzip: gzipSize(file),
    }))
  return { sizes, total, lazy, problems }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { sizes, total, lazy, problems } = checkBudget()
  console.log('Loaded at start (entry + static imports):')
  for (const s of sizes)
    console.log(`  ${s.file.padEnd(48)} ${kb(s.raw).padStart(10)}  gzip ${kb(s.gzip)}`)
  console.log(
    `  ${'total'.padEnd(48)} ${''.padStart(10)}  gzip ${kb(total)} (budget ${kb(ENTRY_BUDGET_BYTES)})`,
  )
  console.log('Loaded on demand:')
  for (const l of lazy)
    console.log(`  ${l.file.padEnd(48)} gzip ${kb(l.gzip).padStart(9)}  ${l.heavy}`)
  if (problems.length) {
    console.error(`\n预算检查未通过：\n- ${problems.join('\n- ')}`)
    process.exit(1)
  }
  console.log('\nBudget OK: no jsPDF, SheetJS, font or wasm reachable from the entry.')
}
