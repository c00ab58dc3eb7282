// The one script of a page sent without the app's JavaScript (plugins/static-page.server.ts):
// a form submitted while the server cannot be reached is held, the page says so, and the form is
// sent by itself, with what the visitor typed, once the server answers again. Without it the
// browser shows its own "No internet" page and the form is gone.
(() => {
  /** Forms between a submit and their sending: the probe under way, or the wait for the line. */
  const held = new Map()
  let passing = null

  // Any answer means the line works, an error status too: the form then gets the server's own
  // answer rather than waiting for one that will not change.
  const reachable = () => {
    const abort = new AbortController()
    const timer = setTimeout(() => abort.abort(), 8000)
    return fetch('/api/health', { method: 'HEAD', cache: 'no-store', signal: abort.signal })
      .then(() => true, () => false)
      .finally(() => clearTimeout(timer))
  }

  const say = (form, text) => {
    let status = form.querySelector('.form-waiting')
    if (!status) {
      status = document.createElement('p')
      status.className = 'form-waiting'
      status.setAttribute('role', 'status')
      form.append(status)
    }
    status.textContent = text
  }

  const send = (form, submitter) => {
    held.delete(form)
    say(form, '')
    passing = form
    try {
      if (form.requestSubmit) form.requestSubmit(submitter && submitter.form === form ? submitter : undefined)
      else form.submit()
    }
    finally { passing = null }
  }

  // Asks the server at once, then after 2, 4, 8 and every 15 seconds, and at once whenever the
  // browser says it is back online.
  const attempt = (form) => {
    const state = held.get(form)
    if (!state || state.asking) return
    clearTimeout(state.timer)
    state.asking = true
    reachable().then((up) => {
      state.asking = false
      if (held.get(form) !== state) return
      if (up) return send(form, state.submitter)
      say(form, form.dataset.offlineMessage || 'You are offline. This is sent as soon as the connection is back.')
      state.timer = setTimeout(() => attempt(form), state.delay)
      state.delay = Math.min(state.delay * 2, 15000)
    })
  }

  window.addEventListener('online', () => held.forEach((_, form) => attempt(form)))

  document.addEventListener('submit', (event) => {
    const form = event.target
    if (!(form instanceof HTMLFormElement) || form === passing) return
    event.preventDefault()
    const state = held.get(form)
    // Submitted again while held: ask now, and send the latest values.
    if (state) state.submitter = event.submitter
    else held.set(form, { submitter: event.submitter, delay: 2000, timer: 0, asking: false })
    attempt(form)
  })
})()
