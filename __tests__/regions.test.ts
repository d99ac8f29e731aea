import { describe, expect, it } from 'vitest'
import { baseUrls, REGION_NAMES } from '../src/deliver/regions.js'

describe('regions', () => {
  it.each([
    ['china', 'console.tim.qq.com', 'adminapi.my-imcloud.com'],
    ['singapore', 'adminapisgp.im.qcloud.com', 'adminapisgp.my-imcloud.com'],
    ['seoul', 'adminapikr.im.qcloud.com', 'adminapikr.my-imcloud.com'],
    ['tokyo', 'adminapijpn.im.qcloud.com', undefined],
    ['frankfurt', 'adminapiger.im.qcloud.com', 'adminapiger.my-imcloud.com'],
    ['mumbai', 'adminapiind.im.qcloud.com', 'adminapiind.my-imcloud.com'],
    ['silicon-valley', 'adminapiusa.im.qcloud.com', 'adminapiusa.my-imcloud.com'],
    ['jakarta', 'adminapiidn.im.qcloud.com', 'adminapiidn.my-imcloud.com']
  ] as const)('%s is served by https://%s, then its backup %s', (region, primary, backup) => {
    const urls = baseUrls({ region, endpoint: undefined })
    expect(urls.map((url) => url.href)).toEqual(
      backup ? [`https://${primary}/`, `https://${backup}/`] : [`https://${primary}/`]
    )
  })

  it('knows the eight regions and nothing else', () => {
    expect(REGION_NAMES).toEqual([
      'china',
      'singapore',
      'seoul',
      'tokyo',
      'frankfurt',
      'mumbai',
      'silicon-valley',
      'jakarta'
    ])
  })

  it('uses an explicit endpoint alone, with no backup', () => {
    const endpoint = new URL('http://127.0.0.1:8080/tencent')
    expect(baseUrls({ region: 'china', endpoint })).toEqual([endpoint])
  })
})
