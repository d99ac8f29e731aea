import { execFileSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { ROOT } from './action-process.mjs'

interface Runtime {
  binary: string
  major: number
  label: string
}

function runtime(binary: string): Runtime | undefined {
  try {
    accessSync(binary, constants.X_OK)
    const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()
    return { binary, major: Number(/^v(\d+)/.exec(version)?.[1]), label: `Node ${version}` }
  } catch {
    return undefined
  }
}

/**
 * The Node binaries the end-to-end tests run the bundle under: Node 24 from the `node` dev
 * dependency (what GitHub runs for `node24` actions) and the machine's own Node (20 here), found
 * on PATH outside node_modules, since npm scripts put the dev dependency first.
 */
export function runtimes(): Runtime[] {
  const found = new Map<number, Runtime>()
  const candidates = [
    join(ROOT, 'node_modules', 'node', 'bin', 'node'),
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter((dir) => dir !== '' && !dir.includes('node_modules'))
      .map((dir) => join(dir, 'node'))
  ]
  for (const candidate of candidates) {
    const found1 = runtime(candidate)
    if (found1 && !found.has(found1.major)) found.set(found1.major, found1)
  }
  return [...found.values()].sort((a, b) => a.major - b.major)
}
