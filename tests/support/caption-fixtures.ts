// Caption files for tests: small WebVTT and SRT texts, and the JSON body the caption routes take.
import { Buffer } from 'node:buffer'

export const sampleVtt = (lines: string[] = ['Welcome to the lesson.', 'Scales start on the tonic.', 'Practise them slowly.']) =>
  `WEBVTT\n\n${lines.map((text, i) => `00:00:0${i}.000 --> 00:00:0${i}.900\n${text}`).join('\n\n')}\n`

export const sampleSrt = (lines: string[] = ['Hello there.', 'Second cue.']) =>
  `${lines.map((text, i) => `${i + 1}\n00:00:0${i},000 --> 00:00:0${i},900\n${text}`).join('\r\n\r\n')}\r\n`

export function captionBody(options: { language?: string, label?: string, fileName?: string, text?: string, bytes?: Uint8Array } = {}) {
  const bytes = options.bytes ?? Buffer.from(options.text ?? sampleVtt(), 'utf8')
  return {
    language: options.language ?? 'en',
    label: options.label ?? 'English',
    fileName: options.fileName ?? 'captions.vtt',
    content: Buffer.from(bytes).toString('base64'),
  }
}
