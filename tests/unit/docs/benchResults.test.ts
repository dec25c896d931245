import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')

test('the README shows the same benchmark figures as bench/RESULTS.md', () => {
  const block = /<!-- bench:results[^>]*-->\n\n([\s\S]*?)\n\n<!-- \/bench:results -->/.exec(
    read('README.md'),
  )
  expect(block?.[1]).toBe(read('bench/RESULTS.md').trimEnd())
})
