/**
 * Calls `onIdle` when nobody has touched the screen for `ms`. A kiosk left
 * half-way (a service chosen, English on, a ticket shown) goes back to the start
 * for the next citizen.
 */
export function watchIdle(
  ms: number,
  onIdle: () => void,
  target: EventTarget = window,
): () => void {
  let timer: ReturnType<typeof setTimeout> = setTimeout(onIdle, ms);
  const reset = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, ms);
  };
  const events = ['pointerdown', 'keydown', 'touchstart'] as const;
  for (const e of events) target.addEventListener(e, reset, { passive: true });
  return () => {
    clearTimeout(timer);
    for (const e of events) target.removeEventListener(e, reset);
  };
}
