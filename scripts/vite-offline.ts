/**
 * Build plugins for the offline promises (issue 6):
 * - the app version for the status line;
 * - a service worker (vite-plugin-pwa, update on the user's OK) in the normal build;
 * - `vite build --mode single`: one HTML file for file:// (no service worker, everything inlined,
 *   the Content-Security-Policy rewritten with hashes of the inlined code);
 * - in dev, Vite injects CSS as <style> elements, so only there style-src allows inline styles.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { ConfigEnv, Plugin, PluginOption, UserConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { viteSingleFile } from 'vite-plugin-singlefile'

export const SINGLE_MODE = 'single'
const isSingle = (env: ConfigEnv) => env.mode === SINGLE_MODE

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

/** Restricts plugins to builds for which `when` holds, keeping their own `apply` condition. */
function onlyWhen(when: (env: ConfigEnv) => boolean, plugins: PluginOption[]): Plugin[] {
  return (plugins.flat(Infinity as 1) as (Plugin | false | null | undefined)[])
    .filter((p): p is Plugin => !!p)
    .map((p) => {
      const own = p.apply
      return {
        ...p,
        apply: (config: UserConfig, env: ConfigEnv) =>
          when(env) &&
          (typeof own === 'function' ? own(config, env) : own === undefined || own === env.command),
      }
    })
}

const appVersion: Plugin = {
  name: 'nianbao:app-version',
  config: () => ({ define: { 'import.meta.env.APP_VERSION': JSON.stringify(version) } }),
}

const devInlineStyles: Plugin = {
  name: 'nianbao:csp-dev-styles',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
}

const serviceWorker = VitePWA({
  registerType: 'prompt',
  injectRegister: false, // src/components/OfflineStatus.vue registers it
  manifest: {
    name: '政府信息公开工作年度报告助手',
    short_name: '年报助手',
    lang: 'zh-CN',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1f4e79',
    icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    // The whole app, the lazy xlsx/jsPDF chunks, the worker and the GB2312 subset PDF fonts (~3 MB
    // each, over Workbox's 2 MiB default) are precached, so one visit is enough to work offline.
    globPatterns: ['**/*.{html,js,css,svg,png,ico,ttf,wasm,txt}'],
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    // The full fonts (~15 MB each) are needed only for rare characters: cached when first used.
    globIgnores: ['**/*-full.ttf'],
    runtimeCaching: [
      {
        urlPattern: ({ sameOrigin, url }) => sameOrigin && url.pathname.endsWith('-full.ttf'),
        handler: 'CacheFirst',
        options: { cacheName: 'nianbao-full-fonts' },
      },
    ],
    cleanupOutdatedCaches: true,
    navigateFallback: 'index.html',
  },
})

/** The PWA client module, answered without a service worker in the single-file edition. */
const singleFileRegisterStub: Plugin = {
  name: 'nianbao:single-sw-stub',
  resolveId: (id) => (id === 'virtual:pwa-register/vue' ? '\0nianbao-sw-stub' : undefined),
  load: (id) =>
    id === '\0nianbao-sw-stub'
      ? `import { ref } from 'vue'
export function useRegisterSW() {
  return { needRefresh: ref(false), offlineReady: ref(true), updateServiceWorker: async () => {} }
}`
      : undefined,
}

/**
 * The single-file edition swaps src/io/hosting.ts for src/io/hosting.single.ts and puts the GB2312
 * subset fonts into the HTML, gzipped, where that module reads them on the first PDF export (the
 * full fonts for rare characters stay out: ~30 MB).
 */
const EMBEDDED_FONTS = ['fonts/NotoSerifSC-Regular.ttf', 'fonts/NotoSerifSC-Bold.ttf']
const EMBEDDED_FILE_TYPE = 'application/octet-stream' // as in src/io/hosting.single.ts

const singleFileAdapters: Plugin = {
  name: 'nianbao:single-adapters',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!source.endsWith('/hosting')) return undefined
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
    return resolved?.id.endsWith('/src/io/hosting.ts')
      ? resolved.id.replace(/hosting\.ts$/, 'hosting.single.ts')
      : undefined
  },
  transformIndexHtml: (html) =>
    html.replace(
      '</body>',
      EMBEDDED_FONTS.map((path) => {
        const bytes = readFileSync(new URL(`../public/${path}`, import.meta.url))
        const packed = gzipSync(bytes, { level: 9 }).toString('base64')
        return `<script type="${EMBEDDED_FILE_TYPE}" data-file="${path}">${packed}</script>\n`
      }).join('') + '</body>',
    ),
}

const singleFileOutput: Plugin = {
  name: 'nianbao:single-output',
  config: () => ({ build: { outDir: 'dist-single', copyPublicDir: false, manifest: false } }),
  // No public/ beside the file: the icon goes inline.
  transformIndexHtml: (html) =>
    html.replace(
      'href="./icon.svg"',
      `href="data:image/svg+xml;base64,${readFileSync(new URL('../public/icon.svg', import.meta.url)).toString('base64')}"`,
    ),
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/**
 * Inlined code needs the policy to allow it: 'unsafe-inline' while vite-plugin-singlefile inlines
 * (it checks), then exactly the inlined <script> and <style> blocks by their hashes (browsers ignore
 * 'unsafe-inline' once a hash is listed, and we drop it anyway).
 */
const singleFileCsp: Plugin = {
  name: 'nianbao:single-csp',
  enforce: 'post',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'unsafe-inline'"),
  generateBundle: {
    order: 'post',
    handler(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.html')) continue
        const html = String(asset.source)
        // Scripts first (inlined code has `</script` escaped), then styles in what remains:
        // the code itself may mention `<style>`.
        const blocks = (text: string, tag: string) => [
          ...text.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g')),
        ]
        const scripts = blocks(html, 'script')
        const outside = scripts.reduce((rest, m) => rest.replace(m[0], ''), html)
        const hashes = (tag: string) =>
          (tag === 'script' ? scripts : blocks(outside, tag))
            .filter((m) => !m[0].startsWith(`<script type="${EMBEDDED_FILE_TYPE}"`))
            .map((m) => m[1]!)
            .filter((code) => code.trim() !== '')
            .map(sha256)
        const policy = (meta: string) =>
          meta
            .replace("connect-src 'self'", "connect-src 'self' data:")
            .replace("worker-src 'self'", "worker-src 'self' blob:")
            .replace("script-src 'unsafe-inline'", `script-src ${hashes('script').join(' ')}`)
            .replace("style-src 'unsafe-inline'", `style-src ${hashes('style').join(' ')}`)
        asset.source = html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, policy)
      }
    },
  },
}

/** Which modules went into which chunk, for scripts/check-budget.mjs (next to Vite's manifest). */
const chunkModules: Plugin = {
  name: 'nianbao:chunk-modules',
  apply: 'build',
  generateBundle(_options, bundle) {
    const root = process.cwd() + '/'
    const modules = Object.fromEntries(
      Object.values(bundle)
        .filter((file) => file.type === 'chunk')
        .map((chunk) => [chunk.fileName, chunk.moduleIds.map((id) => id.replace(root, ''))]),
    )
    this.emitFile({
      type: 'asset',
      fileName: '.vite/chunk-modules.json',
      source: JSON.stringify(modules, null, 1),
    })
  },
}

export function offlinePlugins(): Plugin[] {
  return [
    appVersion,
    devInlineStyles,
    ...onlyWhen((env) => !isSingle(env), [serviceWorker, chunkModules]),
    ...onlyWhen(isSingle, [
      singleFileRegisterStub,
      singleFileAdapters,
      singleFileOutput,
      viteSingleFile({ removeViteModuleLoader: true }),
      singleFileCsp,
    ]),
  ]
}
