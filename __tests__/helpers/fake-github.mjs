// A stand-in for the GitHub REST API's release endpoints, on loopback, for the tests and the
// bench: what `release-tag` and a pushed tag's lookup meet. It answers as GitHub documents
// (github-releases.md in the project's spec notes): a release by tag or the latest one, a list
// of releases, 401 for a bad token, 404 for a release that does not exist or a repository the
// token may not see, and scripted faults (rate limits, server errors, resets, silence).
import { createServer } from 'node:http'

/**
 * @typedef {Record<string, any>} Release a release object, as the API and the `release` event
 *   carry it
 * @typedef {{ status: number, headers?: Record<string, string>, body?: any }
 *   | { kind: 'reset' } | { kind: 'hang' }} GitHubFault what the next request meets
 * @typedef {object} FakeGitHub
 * @property {string} url the API's base URL, to give as GITHUB_API_URL
 * @property {number} port
 * @property {{ method: string, path: string, authorization: string | undefined,
 *   userAgent: string | undefined }[]} requests every request received
 * @property {Release[]} releases the repository's releases; add to it to publish one
 * @property {(fault: GitHubFault, times?: number) => void} inject scripts the next answers
 * @property {(release: Release, afterRequests: number) => void} publishLater publishes a release
 *   once that many requests have been answered without it, as another job would
 * @property {() => Promise<void>} close
 */

/**
 * Starts the fake API.
 * @param {object} [options]
 * @param {string} [options.prefix] a path prefix, as a GitHub Enterprise Server's `/api/v3`
 * @param {string} [options.token] the one token it accepts
 * @param {string} [options.repository] the one repository it has
 * @param {Release[]} [options.releases]
 * @param {boolean} [options.readable] whether the token may see the repository (404 if not)
 * @returns {Promise<FakeGitHub>}
 */
export async function startFakeGitHub({
  prefix = '',
  token = 'ghs_fake-installation-token-0123456789',
  repository = 'octo-org/live-app',
  releases = [],
  readable = true
} = {}) {
  /** @type {FakeGitHub['requests']} */
  const requests = []
  /** @type {GitHubFault[]} */
  const faults = []
  /** @type {{ release: Release, after: number }[]} */
  const pending = []
  const sockets = new Set()
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://github')
    requests.push({
      method: req.method ?? '',
      path: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
      userAgent: req.headers['user-agent']
    })
    for (const later of [...pending]) {
      if (--later.after < 0) {
        releases.push(later.release)
        pending.splice(pending.indexOf(later), 1)
      }
    }
    const fault = faults.shift()
    if (fault && 'kind' in fault) {
      if (fault.kind === 'reset') req.socket.resetAndDestroy()
      return // hang: never answered
    }
    if (fault) {
      answer(
        res,
        fault.status,
        fault.body ?? { message: `scripted ${fault.status}` },
        fault.headers
      )
      return
    }
    if (req.headers.authorization !== `token ${token}`) {
      answer(res, 401, { message: 'Bad credentials', documentation_url: DOCS })
      return
    }
    const base = `${prefix}/repos/${repository}/releases`
    const published = releases.filter((r) => r.draft !== true)
    if (!readable || req.method !== 'GET' || !url.pathname.startsWith(base)) {
      answer(res, 404, NOT_FOUND)
      return
    }
    const rest = url.pathname.slice(base.length)
    const newest = [...published].sort((a, b) =>
      String(b.published_at).localeCompare(String(a.published_at))
    )
    if (rest === '' || rest === '/') {
      answer(res, 200, newest.slice(0, Number(url.searchParams.get('per_page') ?? 30)))
    } else if (rest === '/latest') {
      const latest = newest.find((r) => r.prerelease !== true)
      answer(res, latest ? 200 : 404, latest ?? NOT_FOUND)
    } else if (rest.startsWith('/tags/')) {
      const tag = decodeURIComponent(rest.slice('/tags/'.length))
      const found = published.find((r) => r.tag_name === tag)
      answer(res, found ? 200 : 404, found ?? NOT_FOUND)
    } else {
      answer(res, 404, NOT_FOUND)
    }
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    port,
    requests,
    releases,
    inject: (fault, times = 1) => {
      for (let i = 0; i < times; i++) faults.push(fault)
    },
    publishLater: (release, afterRequests) => {
      pending.push({ release, after: afterRequests })
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve(undefined))
      })
  }
}

const DOCS = 'https://docs.github.com/rest'
const NOT_FOUND = { message: 'Not Found', documentation_url: DOCS, status: '404' }

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function answer(res, status, body, headers = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-ratelimit-limit': '1000',
    'x-ratelimit-remaining': '999',
    ...headers
  })
  res.end(text)
}
