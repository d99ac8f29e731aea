// The package as an app installs it: the committed build is what the source builds, `npm pack`
// holds only what an app needs, and an app's TypeScript, strict and against @tencentcloud/chat's
// own typings, type-checks the README's code without a cast.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { expectCommittedBuild } from '../../__tests__/helpers/built-files.js'

const CLIENT = fileURLToPath(new URL('..', import.meta.url))
const ROOT = join(CLIENT, '..')
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')

it('the committed client/dist is what the source builds', () => {
  const built = mkdtempSync(join(tmpdir(), 'client-dist-'))
  execFileSync(process.execPath, [
    TSC,
    '-p',
    join(CLIENT, 'tsconfig.build.json'),
    '--outDir',
    built
  ])
  expectCommittedBuild(join(CLIENT, 'dist'), built, 'run `npm run build:client` and commit it')
})

it('packs only what an app needs, in a few KB', () => {
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: CLIENT,
      encoding: 'utf8',
      env: { ...process.env, npm_config_loglevel: 'silent' }
    })
  ) as { name: string; size: number; files: { path: string }[] }[]
  expect(pack?.name).toBe('tencent-chat-announcement')
  expect(pack?.files.map((file) => file.path).sort()).toEqual([
    'LICENSE',
    'README.md',
    'dist/index.d.ts',
    'dist/index.js',
    'dist/schema.d.ts',
    'dist/schema.js',
    'package.json'
  ])
  // The tarball, compressed: what an app downloads.
  expect(pack?.size).toBeLessThan(8 * 1024)
})

it('has no runtime dependency and no side effect on import', () => {
  const pkg = JSON.parse(readFileSync(join(CLIENT, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >
  expect(pkg.dependencies).toBeUndefined()
  expect(pkg.peerDependencies).toBeUndefined()
  expect(pkg.sideEffects).toBe(false)
  expect(pkg.license).toBe('MIT')
})

/** The README's web example, as an app would write it. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## In your app'))
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1]
  if (code === undefined) throw new Error('the README has no ts example under "In your app"')
  return code
}

/**
 * Type-checks files in a new app that has this package and @tencentcloud/chat installed, with the
 * settings of a Vite or webpack app in strict mode. Returns tsc's errors by file.
 */
function typeCheck(sources: Record<string, string>): Record<string, string[]> {
  const app = mkdtempSync(join(tmpdir(), 'client-app-'))
  mkdirSync(join(app, 'node_modules', '@tencentcloud'), { recursive: true })
  symlinkSync(CLIENT, join(app, 'node_modules', 'tencent-chat-announcement'))
  symlinkSync(
    join(ROOT, 'node_modules', '@tencentcloud', 'chat'),
    join(app, 'node_modules', '@tencentcloud', 'chat')
  )
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'ES2020',
        lib: ['ES2020', 'DOM'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        esModuleInterop: true,
        noEmit: true,
        types: []
      },
      include: Object.keys(sources)
    })
  )
  for (const [name, text] of Object.entries(sources)) writeFileSync(join(app, name), text)
  const { stdout } = spawnSync(process.execPath, [TSC, '-p', '.', '--pretty', 'false'], {
    cwd: app,
    encoding: 'utf8'
  })
  const errors: Record<string, string[]> = Object.fromEntries(
    Object.keys(sources).map((name) => [name, []])
  )
  // An error starts with its file; the lines that explain it are indented below.
  let file = '(elsewhere)'
  for (const line of stdout.split('\n').filter(Boolean)) {
    if (!line.startsWith(' ')) file = /^([^(]+)\(/.exec(line)?.[1] ?? '(elsewhere)'
    ;(errors[file] ??= []).push(line)
  }
  return errors
}

/** The app's own banner, which the example calls. */
const APP = `declare function showBanner(banner: {
  headline: string
  text: string
  link?: string
  everyRoom: boolean
}): void
`

describe('in an app’s TypeScript', () => {
  it('the README’s example type-checks strictly against @tencentcloud/chat, with no cast', () => {
    const example = readmeExample()
    expect(example).not.toMatch(/\bas\s+[\w{]|<\w+>\s*\w|!\./)
    const errors = typeCheck({
      'app.ts': `${example}\n${APP}`,
      // A discriminated union: a field of one kind is out of reach until kind is checked, and
      // the announcement until ok is.
      'misuse.ts': `import { readAnnouncement } from 'tencent-chat-announcement'
const read = readAnnouncement('{}')
export const early = read.announcement
export const version = read.ok ? read.announcement.version : undefined
`
    })
    expect(errors['app.ts']).toEqual([])
    expect(errors['(elsewhere)']).toBeUndefined()
    expect(errors['misuse.ts']?.join('\n')).toMatch(/Property 'announcement' does not exist/)
    expect(errors['misuse.ts']?.join('\n')).toMatch(
      /Property 'version' does not exist on type 'DeployAnnouncement'/
    )
  })
})
