/**
 * Tencent Chat REST domains per data-centre region. An SDKAppID lives in one region and only that
 * region's domains know its key (70016 / 70020 otherwise). Tokyo has no backup domain.
 */
const REGIONS = {
  china: { primary: 'console.tim.qq.com', backup: 'adminapi.my-imcloud.com' },
  singapore: { primary: 'adminapisgp.im.qcloud.com', backup: 'adminapisgp.my-imcloud.com' },
  seoul: { primary: 'adminapikr.im.qcloud.com', backup: 'adminapikr.my-imcloud.com' },
  tokyo: { primary: 'adminapijpn.im.qcloud.com', backup: undefined },
  frankfurt: { primary: 'adminapiger.im.qcloud.com', backup: 'adminapiger.my-imcloud.com' },
  mumbai: { primary: 'adminapiind.im.qcloud.com', backup: 'adminapiind.my-imcloud.com' },
  'silicon-valley': { primary: 'adminapiusa.im.qcloud.com', backup: 'adminapiusa.my-imcloud.com' },
  jakarta: { primary: 'adminapiidn.im.qcloud.com', backup: 'adminapiidn.my-imcloud.com' }
} as const satisfies Record<string, { primary: string; backup: string | undefined }>

export type Region = keyof typeof REGIONS

export const REGION_NAMES = Object.keys(REGIONS) as Region[]

/**
 * The base URLs to try, in order: the explicit endpoint alone, or the region's primary domain
 * followed by its backup.
 */
export function baseUrls(target: { region: Region; endpoint: URL | undefined }): [URL, ...URL[]] {
  if (target.endpoint) return [target.endpoint]
  const { primary, backup } = REGIONS[target.region]
  const urls: [URL, ...URL[]] = [new URL(`https://${primary}`)]
  if (backup !== undefined) urls.push(new URL(`https://${backup}`))
  return urls
}
