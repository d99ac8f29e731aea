import { field, text, type EventContext } from './event.js'

export type AnnouncementKind = 'release' | 'deploy' | 'manual'

/**
 * What is being announced, independent of how it is encoded. Every field comes from the event,
 * never from the clock, so that the same run always renders the same bytes.
 */
export interface Announcement {
  kind: AnnouncementKind
  title: string
  text: string
  url: string | undefined
  version: string | undefined
  repository: string
  sha: string
  ref: string
  actor: string
  runUrl: string | undefined
  timestamp: string | undefined
  /** One human line: the offline-push text a live room shows. */
  desc: string
}

/** Renders the event into an announcement: releases get their tag, name, notes and link. */
export function announce(event: EventContext): Announcement {
  const common = {
    repository: event.repository,
    sha: event.sha,
    ref: event.ref,
    actor: event.actor,
    runUrl: event.runUrl
  }
  const release = field(event.payload, 'release')
  if (event.name === 'release' && release !== undefined) {
    const version = text(field(release, 'tag_name')) ?? ''
    const title = text(field(release, 'name')) ?? version
    const prerelease = field(release, 'prerelease') === true
    return {
      ...common,
      kind: 'release',
      title,
      text: text(field(release, 'body')) ?? '',
      url: text(field(release, 'html_url')),
      version,
      timestamp: text(field(release, 'published_at')) ?? text(field(release, 'created_at')),
      desc: `${event.repository} ${version} ${prerelease ? 'pre-released' : 'released'}`
    }
  }
  const line = `${event.repository}: ${event.name}${event.ref ? ` on ${event.ref}` : ''}`
  return {
    ...common,
    kind: 'manual',
    title: line,
    text: line,
    url: event.runUrl,
    version: undefined,
    timestamp: undefined,
    desc: line
  }
}
