// The action boundary's plumbing: every route under server/api is a `defineApiHandler`, so each
// answers the `{ success, data?, error? }` envelope, and no thrown error becomes a bare 500 page.
import type { EventHandlerRequest, H3Event } from 'h3'
import type { ZodType, ZodTypeDef } from 'zod'
import type { ApiResponse } from '#shared/types/api'
import { AppError, toAppError } from './errors'

export function ok<T>(data: T): ApiResponse<T> {
  return { success: true, data }
}

export function defineApiHandler<T>(handler: (event: H3Event<EventHandlerRequest>) => Promise<T> | T) {
  return defineEventHandler(async (event): Promise<ApiResponse<T> | ApiResponse<never>> => {
    try {
      return ok(await handler(event))
    }
    catch (error) {
      return refusalEnvelope(event, error)
    }
  })
}

/** Anything thrown as the answer: its status, Retry-After when it says how long to wait, and the envelope. */
export function refusalEnvelope(event: H3Event, error: unknown): ApiResponse<never> {
  const appError = toAppError(error)
  if (appError.code === 'INTERNAL' || appError.code === 'UNAVAILABLE')
    console.error(`[api] ${event.method} ${event.path}:`, error)
  setResponseStatus(event, appError.status)
  const retryAfter = appError.extra.details?.retryAfter
  if (typeof retryAfter === 'number') setResponseHeader(event, 'Retry-After', retryAfter)
  return { success: false, error: appError.toJSON() }
}

/** Zod issues → `{ "title": ["Title is required"] }`, the shape forms show under each field. */
export function fieldErrors(issues: { path: (string | number)[], message: string }[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const issue of issues) {
    const key = issue.path.join('.') || '_'
    ;(fields[key] ??= []).push(issue.message)
  }
  return fields
}

function validate<T>(schema: ZodType<T, ZodTypeDef, unknown>, value: unknown, where: string): T {
  const result = schema.safeParse(value)
  if (!result.success)
    throw new AppError('VALIDATION', `The ${where} is not valid`, { fields: fieldErrors(result.error.issues) })
  return result.data
}

export async function readInput<T>(event: H3Event, schema: ZodType<T, ZodTypeDef, unknown>): Promise<T> {
  const type = getRequestHeader(event, 'content-type') ?? ''
  if (!type.includes('application/json'))
    throw new AppError('BAD_REQUEST', 'Send the request body as JSON (Content-Type: application/json)')
  const body = await readBody(event)
  return validate(schema, body ?? {}, 'request body')
}

/** Whether the body is a plain HTML form's (a page sent without JavaScript posts one): such a request is answered with a redirect, not JSON. */
export const sentAsForm = (event: H3Event): boolean => (getRequestHeader(event, 'content-type') ?? '').includes('application/x-www-form-urlencoded')

/** A body from a plain HTML form (application/x-www-form-urlencoded) or JSON, for the few routes a page posts as a form. */
export async function readFormOrJsonInput<T>(event: H3Event, schema: ZodType<T, ZodTypeDef, unknown>): Promise<T> {
  if (!sentAsForm(event)) return readInput(event, schema)
  // h3 parses the form (a repeated field becomes a list).
  return validate(schema, await readBody(event) ?? {}, 'form')
}

/** For bodies whose fields all have defaults: a request without any body counts as `{}`. */
export async function readOptionalInput<T>(event: H3Event, schema: ZodType<T, ZodTypeDef, unknown>): Promise<T> {
  const empty = !getRequestHeader(event, 'content-type') && !Number(getRequestHeader(event, 'content-length') ?? 0) && !getRequestHeader(event, 'transfer-encoding')
  return empty ? validate(schema, {}, 'request body') : readInput(event, schema)
}

export function readParams<T>(event: H3Event, schema: ZodType<T, ZodTypeDef, unknown>): T {
  return validate(schema, getRouterParams(event, { decode: true }), 'address')
}

export function readQuery<T>(event: H3Event, schema: ZodType<T, ZodTypeDef, unknown>): T {
  return validateQuery(schema, getQuery(event))
}

/** A query string's fields (as `getQuery` reads them) through a route's schema: 400 with the fields when they do not fit. */
export function validateQuery<T>(schema: ZodType<T, ZodTypeDef, unknown>, query: Record<string, unknown>): T {
  return validate(schema, query, 'query')
}
