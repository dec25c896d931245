/** Characters Windows and macOS refuse in file names become `_`. */
export const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')

/** Hands a file to the browser's download (the user's Downloads folder). */
export function saveFile(data: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }))
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName })
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
