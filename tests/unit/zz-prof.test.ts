import { it } from 'vitest'
import { exampleReport } from '../../src/domain/samples/example'
import { exportPdf } from '../../src/io/pdf'
import { fromDisk, longReport } from './pdf/helpers'
it('prof', async () => {
  const ex = exampleReport(); const long = longReport()
  for (let i = 0; i < 3; i++) await exportPdf(ex, fromDisk)
  for (const [name, r] of [['example', ex], ['long', long]] as const) {
    const times: number[] = []; const stages: Record<string, number[]> = {}
    for (let i = 0; i < 15; i++) {
      performance.clearMeasures()
      const t = performance.now(); const res = await exportPdf(r, fromDisk); times.push(performance.now() - t)
      for (const m of performance.getEntriesByType('measure')) (stages[m.name] ??= []).push(m.duration)
      if (i === 0 && res.ok) console.log(name, 'size', res.bytes.length)
    }
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(1)
    console.log(name, 'total', med(times), Object.entries(stages).map(([k, v]) => `${k} ${med(v)}`).join(', '))
  }
}, 120000)
