import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { CaptionAddInput, CAPTION_MAX_BYTES } from '../../shared/schemas/caption'
import { parseCaptionFile } from '../../server/services/caption/parse-caption-file'
import { AppError } from '../../server/utils/errors'
import { captionBody, sampleSrt, sampleVtt } from '../support/caption-fixtures'

const parse = (text: string, fileName = 'captions.vtt') => parseCaptionFile({ base64: Buffer.from(text, 'utf8').toString('base64'), fileName })
const parseBytes = (bytes: Uint8Array, fileName = 'captions.vtt') => parseCaptionFile({ base64: Buffer.from(bytes).toString('base64'), fileName })

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('caption files', () => {
  it('reads WebVTT cues, keeps the file as it is, and gives the plain text without markup', async () => {
    const source = 'WEBVTT\n\nNOTE made by hand\n\nintro\n00:00:01.000 --> 00:00:03.500 align:start\n<v Ana>Hello &amp; <b>welcome</b></v>\n\n00:04.000 --> 00:05.000\nSecond\nline\n'
    const parsed = await parse(source)
    expect(parsed.cues).toEqual([{ start: 1, end: 3.5, text: 'Hello & welcome' }, { start: 4, end: 5, text: 'Second\nline' }])
    expect(parsed.vtt).toBe(source)
    expect(parsed.text).toBe('Hello & welcome\nSecond\nline')
  })

  it('converts SRT (CRLF, <font> tags, a UTF-8 BOM) to WebVTT with dotted timestamps', async () => {
    const srt = '\uFEFF1\r\n00:00:01,250 --> 00:00:02,000\r\n<font color="red">Red</font> and <i>italic</i>\r\n\r\n2\r\n01:02:03,004 --> 01:02:04,000\r\nLater\r\n'
    const parsed = await parse(srt, 'lesson.srt')
    expect(parsed.vtt).toBe('WEBVTT\n\n00:00:01.250 --> 00:00:02.000\nRed and <i>italic</i>\n\n01:02:03.004 --> 01:02:04.000\nLater\n')
    expect(parsed.cues.map(c => c.text)).toEqual(['Red and italic', 'Later'])
    expect((await parse(sampleSrt(), 'x.srt')).cues).toHaveLength(2)
  })

  it('reads UTF-16 with a byte-order mark', async () => {
    const text = sampleVtt(['Olá, café'])
    const utf16 = Buffer.concat([Buffer.from([0xFF, 0xFE]), Buffer.from(text, 'utf16le')])
    expect((await parseBytes(utf16)).text).toBe('Olá, café')
  })

  it('names the line of a bad cue timing, in WebVTT and in SRT', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfine\n\n00:00:03.000 --> 00:00:0x.000\nbroken\n'
    expect((await refusal(parse(vtt))).message).toMatch(/^Line 6: the cue timing "00:00:03.000 --> 00:00:0x.000" is not valid/)
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\n00:00:04,000 -> 00:00:05,500\nbroken arrow\n'
    const error = await refusal(parse(srt, 'x.srt'))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toMatch(/^Line 6: expected a cue timing such as 00:00:01,000 --> 00:00:04,000/)
    expect(error.extra).toMatchObject({ fields: { file: [error.message] }, details: { line: 6 } })
  })

  it('refuses a cue that ends before it starts, a WebVTT file without its header, an empty file and one with no cues', async () => {
    expect((await refusal(parse('WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nbackwards\n'))).message).toBe('Line 3: the cue ends (00:00:02.000) before it starts (00:00:05.000)')
    expect((await refusal(parse('00:00:01.000 --> 00:00:02.000\nno header\n', 'a.vtt'))).message).toBe('Line 1: a WebVTT file starts with the line "WEBVTT"')
    expect((await refusal(parseBytes(new Uint8Array()))).message).toBe('The file is empty')
    expect((await refusal(parse('WEBVTT\n'))).message).toMatch(/^The file has no cues/)
  })

  it('refuses text that is not UTF-8 and a file over the limit (413)', async () => {
    const latin1 = Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ncaf\xE9\n', 'latin1')
    expect((await refusal(parseBytes(latin1))).message).toMatch(/not UTF-8/)
    const huge = await refusal(parse(sampleVtt(['x'.repeat(CAPTION_MAX_BYTES)])))
    expect(huge.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('takes known BCP 47 languages only, canonicalised', () => {
    expect(CaptionAddInput.parse(captionBody({ language: 'pt-br' })).language).toBe('pt-BR')
    expect(CaptionAddInput.safeParse(captionBody({ language: 'xx' })).success).toBe(false)
    expect(CaptionAddInput.safeParse(captionBody({ language: 'english' })).success).toBe(false)
  })
})
