// The package ships no types; this is the part of its surface the action uses.
declare module 'tls-sig-api-v2' {
  export class Api {
    constructor(sdkappid: number, key: string)
    genUserSig(identifier: string, expireSeconds: number): string
  }
}
