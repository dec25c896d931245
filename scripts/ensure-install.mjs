// Installs dependencies when node_modules is missing or older than the lock file,
// so that a fresh clone needs only `npm start` / `npm test`.
import { execSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

const marker = 'node_modules/.package-lock.json'
const stale =
  !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs
if (stale) {
  console.log('正在安装依赖（首次运行需要一两分钟）…')
  execSync(existsSync('package-lock.json') ? 'npm ci' : 'npm install', { stdio: 'inherit' })
}
