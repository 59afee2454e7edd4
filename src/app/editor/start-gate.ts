/**
 * A one-way gate for start-up work that must wait for something (the first score) but never forever: it opens
 * when `open()` is called or `fallbackMs` after it was made, whichever comes first. `opened` then resolves after
 * the next frame has been painted, so the work starts after the browser has shown what opened it.
 */
export interface StartGate {
  readonly opened: Promise<void>;
  open(): void;
}

export function startGate(fallbackMs: number, timers: { setTimeout: typeof setTimeout; afterPaint: (cb: () => void) => void } = defaultTimers): StartGate {
  let release!: () => void;
  let isOpen = false;
  const opened = new Promise<void>((resolve) => (release = resolve));
  const open = () => {
    if (isOpen) return;
    isOpen = true;
    timers.afterPaint(release);
  };
  timers.setTimeout(open, fallbackMs);
  return { opened, open };
}

const defaultTimers = {
  setTimeout: ((cb: () => void, ms: number) => globalThis.setTimeout(cb, ms)) as typeof setTimeout,
  // A task after the next animation frame: the frame with the score is painted before Monaco's parse starts.
  // A hidden tab paints no frames: then a short timer opens it.
  afterPaint: (cb: () => void) => {
    let done = false;
    const once = () => {
      if (!done) (done = true), cb();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
    setTimeout(once, 250);
  },
};
