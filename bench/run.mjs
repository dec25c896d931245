// `npm run bench`: runs every bench/*.bench.ts, then prints one table of figures with the
// machine's name and the date, and keeps it in bench/RESULTS.md and the README for comparison.
import { execSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'

const resultsFile = new URL('./.results.jsonl', import.meta.url)
rmSync(resultsFile, { force: true })
execSync('npx vitest run --config bench/vitest.config.ts', { stdio: 'inherit' })

const rows = existsSync(resultsFile)
  ? readFileSync(resultsFile, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : []
const machine = `${os.hostname()} · ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length} · node ${process.version}`
const lines = [
  `Benchmarks — ${new Date().toISOString().slice(0, 10)} — ${machine}`,
  '',
  '| measure | value | unit | note |',
  '| --- | ---: | --- | --- |',
  ...rows.map((r) => `| ${r.name} | ${Number(r.value.toPrecision(4))} | ${r.unit} | ${r.note} |`),
]
const table = lines.join('\n')
console.log('\n' + table)
writeFileSync(new URL('./RESULTS.md', import.meta.url), table + '\n')

// The README shows the same table, between its bench:results markers.
const readme = new URL('../README.md', import.meta.url)
const README_BLOCK = /(<!-- bench:results[^>]*-->\n\n)[\s\S]*?(\n\n<!-- \/bench:results -->)/
const updated = readFileSync(readme, 'utf8').replace(
  README_BLOCK,
  (_, open, close) => open + table + close,
)
writeFileSync(readme, updated)
