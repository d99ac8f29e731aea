// For the process-level tests: the action as the runner runs it, and what it printed.
import { join } from 'node:path'
import { inject } from 'vitest'
import { runAction, type ActionRun } from './action-process.mjs'

/** The bundles built from src/ for this test run (see global-setup.ts). */
export function buildDist(): string {
  return join(inject('build'), 'dist')
}

/** Runs the action built from src/, as the runner would (see action-process.mjs). */
export function runBundle(
  options: Omit<Parameters<typeof runAction>[0], 'bundle'> & { bundle?: string }
): Promise<ActionRun> {
  return runAction({ bundle: join(buildDist(), 'index.js'), ...options })
}

/** The `::error` commands in a run's output. */
export function errorLines(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('::error'))
}

/** Every value the action asked the runner to mask. */
export function maskedValues(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice('::add-mask::'.length))
}
