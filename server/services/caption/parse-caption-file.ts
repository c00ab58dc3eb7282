// A caption file as uploaded (WebVTT or SRT, UTF-8 with or without a BOM, or UTF-16 with one) →
// the WebVTT that <track> plays, its cues, and their plain text for search. media-captions
// (vidstack's parser) reads the cues; it skips a block it cannot read, so the block structure is
// checked here first: a bad file is refused naming the first line that is wrong, never stored
// with cues silently missing.
import { Buffer } from 'node:buffer'
import { parseText, parseVTTTimestamp } from 'media-captions'
import type { CaptionCue } from '#shared/types/caption'
import { CAPTION_MAX_BYTES } from '#shared/schemas/caption'
import { isCleanText } from '#shared/text/clean-text'
import { AppError } from '../../utils/errors'

export interface ParsedCaptionFile {
  vtt: string
  cues: CaptionCue[]
  /** The cues' plain text, one per line: what search reads. */
  text: string
}

const TIMESTAMP = String.raw`(?:\d+:)?\d{2}:\d{2}[.,]\d{3}`
const TIMING = new RegExp(String.raw`^\s*(${TIMESTAMP})\s+-->\s+(${TIMESTAMP})(?:\s+.*)?$`)
const TIMING_EXAMPLE = { vtt: '00:00:01.000 --> 00:00:04.000', srt: '00:00:01,000 --> 00:00:04,000' }
// Parser errors that lose a cue; unknown or bad cue settings only lose the setting, as in browsers.
const FATAL_CODES = new Set([1, 2, 4])

function refuse(message: string, line?: number): AppError {
  const text = line ? `Line ${line}: ${message}` : message
  return new AppError('VALIDATION', text, { fields: { file: [text] }, ...(line ? { details: { line } } : {}) })
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xFF && bytes[1] === 0xFE) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xFE && bytes[1] === 0xFF) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    // TextDecoder drops a UTF-8 BOM itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  }
  catch {
    throw refuse('The file is not UTF-8 text: save it as UTF-8 (or UTF-16 with a byte-order mark) and upload it again')
  }
}

/** Block structure: every cue block has a timing line (after an optional identifier) whose end comes after its start. */
function checkBlocks(lines: string[], format: 'vtt' | 'srt') {
  let blockStart = -1
  const checkBlock = (from: number, to: number) => {
    const first = lines[from]!.trim()
    if (format === 'vtt' && (from === 0 || /^(?:NOTE|STYLE|REGION)\b/.test(first))) return
    const timingAt = TIMING.test(first) || first.includes('-->') || to - from === 1 ? from : from + 1
    const timing = lines[timingAt]!.trim()
    const match = TIMING.exec(timing)
    if (!match) {
      throw refuse(timing.includes('-->')
        ? `the cue timing "${timing.slice(0, 60)}" is not valid: write it as ${TIMING_EXAMPLE[format]}`
        : `expected a cue timing such as ${TIMING_EXAMPLE[format]}, found "${timing.slice(0, 60)}"`, timingAt + 1)
    }
    const start = parseVTTTimestamp(match[1]!.replace(',', '.'))
    const end = parseVTTTimestamp(match[2]!.replace(',', '.'))
    if (start === null || end === null || !Number.isFinite(start) || !Number.isFinite(end))
      throw refuse(`the cue timing "${timing.slice(0, 60)}" is not valid: write it as ${TIMING_EXAMPLE[format]}`, timingAt + 1)
    if (end <= start) throw refuse(`the cue ends (${match[2]}) before it starts (${match[1]})`, timingAt + 1)
  }
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (blockStart >= 0) checkBlock(blockStart, index)
      blockStart = -1
    }
    else if (blockStart < 0) {
      blockStart = index
    }
  })
  if (blockStart >= 0) checkBlock(blockStart, lines.length)
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&nbsp;': ' ', '&lrm;': '', '&rlm;': '' }

/** Cue markup (<v Bob>, <i>, <c.loud>, timestamps) removed and entities decoded. */
export function plainCueText(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|nbsp|lrm|rlm);/g, entity => ENTITIES[entity]!).replace(/[ \t]+/g, ' ').trim()
}

function vttTimestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`
}

/** SRT's formatting that WebVTT has too (<i>, <b>, <u>) is kept; the rest (<font>, {\an8}) goes. */
function srtCueToVtt(text: string): string {
  return text.replace(/\{\\[^}]*\}/g, '').replace(/<(?!\/?[ibu]>)[^>]*>/g, '').replace(/&(?!(?:amp|lt|gt|nbsp|lrm|rlm);)/g, '&amp;').replace(/-->/g, '--&gt;')
}

export async function parseCaptionFile({ base64, fileName }: { base64: string, fileName: string }): Promise<ParsedCaptionFile> {
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length > CAPTION_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${CAPTION_MAX_BYTES / 1024} KB`)
  if (bytes.length === 0) throw refuse('The file is empty')
  const source = decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (!isCleanText(source)) throw refuse('The file contains NUL characters or broken Unicode: is it a caption file?')
  const format = /^WEBVTT(?:[ \t]|$)/m.test(source.split('\n', 1)[0]!) || /\.vtt$/i.test(fileName) ? 'vtt' : 'srt'
  const lines = source.split('\n')
  if (format === 'vtt' && !/^WEBVTT(?:[ \t]|$)/.test(lines[0]!)) throw refuse('a WebVTT file starts with the line "WEBVTT"', 1)
  checkBlocks(lines, format)

  const result = await parseText(source, { type: format, errors: true })
  const fatal = result.errors.find(error => FATAL_CODES.has(error.code))
  if (fatal) throw refuse(fatal.message.replace(/ on line \d+$/, ''), fatal.line)
  if (result.cues.length === 0) throw refuse(`The file has no cues: each needs a timing line such as ${TIMING_EXAMPLE[format]} and its text`)

  const cues = result.cues.map(cue => ({ start: cue.startTime, end: cue.endTime, text: plainCueText(cue.text) }))
  const vtt = format === 'vtt'
    ? `${source.trimEnd()}\n`
    : `WEBVTT\n\n${result.cues.map(cue => `${vttTimestamp(cue.startTime)} --> ${vttTimestamp(cue.endTime)}\n${srtCueToVtt(cue.text)}`).join('\n\n')}\n`
  return { vtt, cues, text: cues.map(cue => cue.text).filter(Boolean).join('\n') }
}

/** The cues of stored WebVTT (already checked when it was uploaded). */
export async function cuesOfVtt(vtt: string): Promise<CaptionCue[]> {
  const result = await parseText(vtt, { type: 'vtt' })
  return result.cues.map(cue => ({ start: cue.startTime, end: cue.endTime, text: plainCueText(cue.text) }))
}
