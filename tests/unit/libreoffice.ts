/** LibreOffice for the tests that print our exports with another program (`soffice`, on CI). */
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process'
import { basename, join } from 'node:path'

/**
 * Converts `input` to PDF in `work` with `soffice --headless` and returns the PDF's path. Own
 * profile in `work`: parallel runs (and other tests) must not share LibreOffice's lock.
 */
export function convertToPdf(input: string, work: string, options: ExecFileSyncOptions): string {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      input,
    ],
    options,
  )
  return join(work, basename(input).replace(/\.[^.]+$/, '.pdf'))
}
