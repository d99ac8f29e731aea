import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { Secrets } from '../src/secrets.js'

describe('Secrets', () => {
  it('masks a credential in every spelling it can take on the wire', () => {
    const mask = vi.fn<(value: string) => void>()
    new Secrets(mask).add("key with space/plus+star*tilde~'")
    expect(mask.mock.calls.map(([value]) => value)).toEqual([
      "key with space/plus+star*tilde~'",
      // encodeURIComponent keeps * ~ ' and writes a space as %20,
      "key%20with%20space%2Fplus%2Bstar*tilde~'",
      // URLSearchParams encodes ~ and ' and writes a space as +.
      'key+with+space%2Fplus%2Bstar*tilde%7E%27'
    ])
  })

  it('masks each spelling once, however often it is added', () => {
    const mask = vi.fn<(value: string) => void>()
    const secrets = new Secrets(mask)
    secrets.add('eJw1jt*sig-_')
    secrets.add('eJw1jt*sig-_')
    // A UserSig is URL-safe already: its three spellings on the action's own URLs are one.
    expect(mask.mock.calls).toEqual([['eJw1jt*sig-_']])
  })

  it('masks a URL that carries a credential, and its path and query, through the UserSig', () => {
    const mask = vi.fn<(value: string) => void>()
    const secrets = new Secrets(mask)
    secrets.add(new URL('https://console.tim.qq.com/v4/x?a=1&usersig=S&random=1&b=2'))
    // Another request with the same UserSig and another nonce: nothing new to mask.
    secrets.add(new URL('https://console.tim.qq.com/v4/x?a=1&usersig=S&random=2&b=2'))
    expect(mask.mock.calls).toEqual([
      ['https://console.tim.qq.com/v4/x?a=1&usersig=S'],
      ['/v4/x?a=1&usersig=S']
    ])
    expect(secrets.scrub('POST https://console.tim.qq.com/v4/x?a=1&usersig=S&random=9')).toBe(
      'POST ***&random=9'
    )
  })

  it('masks a URL without a UserSig whole', () => {
    const mask = vi.fn<(value: string) => void>()
    new Secrets(mask).add(new URL('https://proxy.example/v4/x?usersig=last'))
    new Secrets(mask).add(new URL('https://proxy.example/v4/y?k=1&j=2'))
    expect(mask.mock.calls).toEqual([
      ['https://proxy.example/v4/x?usersig=last'],
      ['/v4/x?usersig=last'],
      ['https://proxy.example/v4/y?k=1&j=2'],
      ['/v4/y?k=1&j=2']
    ])
  })

  it('ignores an empty value: masking it would hide every line', () => {
    const mask = vi.fn<(value: string) => void>()
    new Secrets(mask).add('')
    expect(mask).not.toHaveBeenCalled()
  })

  it('scrubs every registered spelling from a text, the longest first', () => {
    const secrets = new Secrets(() => undefined)
    secrets.add('a b')
    secrets.add('a b c')
    expect(secrets.scrub('x a b c y a%20b z a+b')).toBe('x *** y *** z ***')
  })

  it('scrubs a UserSig echoed percent-encoded, in either case, or in standard base64', () => {
    const secrets = new Secrets(() => undefined)
    secrets.add('eJw1jt*sig-_')
    expect(
      secrets.scrub('a eJw1jt%2Asig-_ b eJw1jt%2asig%2d%5F c eJw1jt+sig/= d eJw1jt+sig/ e')
    ).toBe('a *** b *** c *** d *** e')
  })

  it('scrubs a credential however a server spells it, in any of its characters', () => {
    // Tencent's base64 alphabet, the key's, and characters a URL reserves or encodes.
    const character = fc.constantFrom(...'AZaz09*-_+/=%&?#:@ ~\\'.split(''), 'é', '😀')
    const spelled = (char: string, how: number): string => {
      const bytes = [...Buffer.from(char)].map((b) => b.toString(16).padStart(2, '0'))
      switch (how) {
        case 1: // percent-encoded, upper case
          return bytes.map((b) => `%${b.toUpperCase()}`).join('')
        case 2: // percent-encoded, lower case
          return bytes.map((b) => `%${b}`).join('')
        case 3: // percent-encoded twice
          return bytes.map((b) => `%25${b.toUpperCase()}`).join('')
        case 4: // a JSON escape
          return [...Array(char.length).keys()]
            .map((i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`)
            .join('')
        default:
          return char
      }
    }
    fc.assert(
      fc.property(
        fc.array(fc.tuple(character, fc.integer({ min: 0, max: 4 })), {
          minLength: 8,
          maxLength: 60
        }),
        fc.boolean(),
        (chars, standard) => {
          const secret = chars.map(([char]) => char).join('')
          const secrets = new Secrets(() => undefined)
          secrets.add(secret)
          const echoed = chars
            .map(([char, how]) => {
              // The standard base64 alphabet in place of Tencent's.
              const swapped = standard ? ({ '*': '+', '-': '/', _: '=' }[char] ?? char) : char
              return spelled(swapped, how)
            })
            .join('')
          expect(secrets.scrub(`<${echoed}>`)).toBe('<***>')
        }
      )
    )
  })

  it('scrubs every occurrence, of every credential, whenever it was registered', () => {
    const secrets = new Secrets(() => undefined)
    secrets.add('FIRST-SECRET')
    secrets.add(new URL('https://a.test/p?usersig=x'))
    expect(secrets.scrub('FIRST-SECRET and FIRST-SECRET %41')).toBe('*** and *** %41')
    // A credential registered after a scrub is scrubbed by the next one, in any spelling.
    secrets.add('second*secret')
    expect(secrets.scrub('second*secret')).toBe('***')
    expect(secrets.scrub('second*secret second%2Asecret FIRST%2DSECRET')).toBe('*** *** ***')
  })

  it('scrubs a JSON-escaped echo that has no other escape', () => {
    const secrets = new Secrets(() => undefined)
    secrets.add('ab*cd')
    expect(secrets.scrub('"ab\\u002acd"')).toBe('"***"')
    expect(secrets.scrub('"ab\\u002Acd"')).toBe('"***"')
  })

  it('scrubs a standard-base64 UserSig without its padding, plain or escaped', () => {
    const secrets = new Secrets(() => undefined)
    secrets.add('eJw_x*y__')
    // Standard base64: eJw=x+y== ; its padding may be dropped, and + read as a space.
    expect(secrets.scrub('a eJw=x+y b eJw=x y c')).toBe('a *** b *** c')
    expect(secrets.scrub('a eJw=x+y b eJw=x y c eJw=x%2By d eJw%3Dx+y%3D e')).toBe(
      'a *** b *** c *** d *** e'
    )
  })

  it('scrubs a slash written \\/ by JSON, and + and space swapped by a form encoder', () => {
    const secrets = new Secrets(() => undefined)
    secrets.add('a/b+c d+e')
    expect(secrets.scrub('[a\\/b c+d%2Be] [a%2Fb c d+e] [a/b+c+d e%41]')).toBe(
      '[***] [***] [***%41]'
    )
  })

  it('scrubs nothing that only resembles a credential', () => {
    const secrets = new Secrets(() => undefined)
    secrets.add('a/b+c d')
    secrets.add('eJw1jt*sig')
    secrets.add('k*y=')
    secrets.add('___')
    // Each misses or swaps one character of a credential (a key's last = is no base64 padding);
    // %41 makes every spelling be looked for.
    const near =
      'ab+c d %41 a/bc d a/b+cd a\\/bc d a b+c d a/b\\/c d a+b+c d k%2Ay eJw1jtsig eJw1jt sig'
    expect(secrets.scrub(near)).toBe(near.replace('eJw1jt sig', '***'))
    expect(secrets.scrub('abc %41 xyz')).toBe('abc %41 xyz')
  })

  it('scrubs before it cuts, so no piece of a secret is left for the runner to miss', () => {
    const secrets = new Secrets(() => undefined)
    secrets.add('SECRET-VALUE')
    const text = `${'x'.repeat(8)}SECRET-VALUE and more`
    expect(secrets.scrub(text, 12)).toBe(`${'x'.repeat(8)}*** …`)
    expect(secrets.scrub(text, 100)).toBe(`${'x'.repeat(8)}*** and more`)
    expect(secrets.scrub('short', 5)).toBe('short')
  })

  it('keeps untrusted text on its line: breaks and control characters written as escapes', () => {
    const secrets = new Secrets(() => undefined)
    secrets.add('SECRET')
    expect(secrets.untrusted('a\n::stop-commands::x\r\tb\u001bc\u2028d\u2029e\u0085f SECRET')).toBe(
      'a\\n::stop-commands::x\\r b\\u001bc\\u2028d\\u2029e\\u0085f ***'
    )
    expect(secrets.untrusted('SECRET\nmore', 5)).toBe('***\\n…')
  })
})
