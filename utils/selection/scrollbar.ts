// A press on a scrolling container's own scrollbar drags the scrollbar, not a selection
// rectangle. The scrollbar is the part of the container's border box outside its client area
// (right of clientWidth, below clientHeight), inside the border (clientLeft/clientTop).

interface Press { target: unknown, clientX: number, clientY: number }
type Scroller = Pick<HTMLElement, 'getBoundingClientRect' | 'clientLeft' | 'clientTop' | 'clientWidth' | 'clientHeight'>

export function pressedOnScrollbar(press: Press, scroller: Scroller | null): boolean {
  // A press on a tile or on the content is never on the container's scrollbar.
  if (!scroller || press.target !== scroller) return false
  const box = scroller.getBoundingClientRect()
  const x = press.clientX - box.left - scroller.clientLeft
  const y = press.clientY - box.top - scroller.clientTop
  return x >= scroller.clientWidth || y >= scroller.clientHeight
}
