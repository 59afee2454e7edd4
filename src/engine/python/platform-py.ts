/**
 * Python source of `_gp_platform`: what Pyodide's single-threaded, signal-less WebAssembly build lacks, emulated so
 * a grader written for CPython gets the answer it would get there. Installed by platform.ts when a source imports
 * signal, threading or concurrent. What cannot be emulated is listed in PLATFORM_LIMITS (wasm32.ts) and README.
 */
export const PLATFORM_MODULE = '_gp_platform';

export const PLATFORM_PY = String.raw`"""Emulations for Pyodide (see platform-py.ts): signal.alarm/setitimer as accepted no-op guards, threads and
ThreadPoolExecutor tasks run to completion synchronously when started or submitted."""
import concurrent.futures
import concurrent.futures.thread as _cft
import math
import signal
import threading
import time

_alarm = {"deadline": None}


def alarm(seconds):
    """signal.alarm: accepted, never fires (the playground's host enforces the time limit). Returns the seconds
    left of the previous alarm, as on CPython."""
    seconds = int(seconds)
    now = time.monotonic()
    prev = _alarm["deadline"]
    left = 0 if prev is None else max(0, math.ceil(prev - now))
    _alarm["deadline"] = None if seconds == 0 else now + seconds
    return left


_itimers = {}


def setitimer(which, seconds, interval=0.0):
    """signal.setitimer: accepted, never fires; returns the previous (delay, interval)."""
    prev = _itimers.get(which, (0.0, 0.0))
    _itimers[which] = (0.0, 0.0) if not seconds else (float(seconds), float(interval))
    return prev


def getitimer(which):
    return _itimers.get(which, (0.0, 0.0))


def _thread_start(self):
    """Thread.start: run the thread's run() to completion now, in this (the only) thread."""
    if not self._initialized:
        raise RuntimeError("thread.__init__() not called")
    if self._started.is_set():
        raise RuntimeError("threads can only be started once")
    self._started.set()
    self._gp_running = True
    try:
        self.run()
    except SystemExit:
        pass
    except Exception:  # as CPython does: the exception goes to threading.excepthook, not to the caller
        self._invoke_excepthook(self)
    finally:
        self._gp_running = False
        self._gp_done = True


def _thread_join(self, timeout=None):
    if not self._initialized:
        raise RuntimeError("Thread.__init__() not called")
    if not self._started.is_set():
        raise RuntimeError("cannot join thread before it is started")
    if getattr(self, "_gp_running", False):
        raise RuntimeError("cannot join current thread")


def _thread_is_alive(self):
    return bool(getattr(self, "_gp_running", False))


def _timer_start(self):
    """threading.Timer: a guard that never fires (the host enforces the time limit); cancel() still works."""
    if self._started.is_set():
        raise RuntimeError("threads can only be started once")
    self._started.set()
    self._gp_done = True


def _submit(self, fn, /, *args, **kwargs):
    """ThreadPoolExecutor.submit: run the task now, in one worker context per executor (its initializer runs
    once, before the first task); the result or exception goes into the returned Future, as a worker would put it."""
    with self._shutdown_lock:
        if self._broken:
            raise self.BROKEN(self._broken)
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        if _cft._shutdown:
            raise RuntimeError("cannot schedule new futures after interpreter shutdown")
        future = concurrent.futures.Future()
        task = self._resolve_work_item_task(fn, args, kwargs)
    ctx = getattr(self, "_gp_context", None)
    if ctx is None:
        ctx = self._create_worker_context()
        try:
            ctx.initialize()
        except Exception:
            concurrent.futures._base.LOGGER.critical("Exception in initializer:", exc_info=True)
            self._initializer_failed()
            future.set_exception(self.BROKEN(self._broken))
            return future
        self._gp_context = ctx
    _cft._WorkItem(future, task).run(ctx)
    return future


def install():
    signal.alarm = alarm
    signal.setitimer = setitimer
    signal.getitimer = getitimer
    threading.Thread.start = _thread_start
    threading.Thread.join = _thread_join
    threading.Thread.is_alive = _thread_is_alive
    threading.Timer.start = _timer_start
    _cft.ThreadPoolExecutor.submit = _submit
`;
