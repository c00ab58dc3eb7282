// Any /api path no route matched: a 404 envelope instead of the HTML page renderer.
export default defineApiHandler((event) => {
  throw new AppError('NOT_FOUND', `No API route ${event.method} ${event.path.split('?')[0]}`)
})
