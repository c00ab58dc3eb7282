// Arbitrary bad input for the property-based test: the characters the shared input rule refuses
// (NUL, lone surrogates), the ones display names refuse (bidi controls, zero-width), sizes and
// numbers past every limit, and shapes where a scalar is expected.
import fc from 'fast-check'

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', '\uDBFF\uDBFF', '\u202Eevil', 'zero\u200Bwidth\u200D', '\uFEFF', '\u2066iso\u2069',
    'NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x10', 'null', 'undefined', 'true', '[]', '{}',
    '__proto__', 'constructor', '../../etc/passwd', '%00', '%', '%E0%A4%A', '\\', '\'; DROP TABLE "User"; --', '<script>alert(1)</script>',
    '', ' ', '\n\r\t', '😀'.repeat(300), 'é'.normalize('NFD'),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constant('x'.repeat(100_000)),
)

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER * 1024, -Number.MAX_SAFE_INTEGER * 1024, -1, 1e308, -1e308, 0.5, 2 ** 31, -(2 ** 31)),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.constant(null),
  fc.boolean(),
  fc.jsonValue({ maxDepth: 3 }),
)

/** Path parameters: the strings above, dot segments, ids of the wrong kind, very long. */
export const nastyParam: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: nastyString.filter(s => s.length <= 20_000) },
  fc.constantFrom('..', '.', '%2e%2e', '..%2f..%2f', '0', '-1', '12345', '9'.repeat(40), 'x'.repeat(5000), 'a/b', 'a?b', 'a#b', '💥'),
  fc.integer().map(String),
)

/**
 * A path segment as a client would send it: percent-encoded; a lone surrogate (which
 * encodeURIComponent refuses) as the bytes a careless client would write for it.
 */
export function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value)
  }
  catch {
    return [...value].map((char) => {
      const code = char.charCodeAt(0)
      if (char.length === 1 && code >= 0xD800 && code <= 0xDFFF)
        return [0xE0 | (code >> 12), 0x80 | ((code >> 6) & 0x3F), 0x80 | (code & 0x3F)].map(b => `%${b.toString(16).toUpperCase()}`).join('')
      return encodeURIComponent(char)
    }).join('')
  }
}
