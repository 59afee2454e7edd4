/** A local HTTP + WebSocket server that records every request it gets (the hostile grader's target). */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  server.on('upgrade', (req, socket) => {
    hits.push(`websocket ${req.url}`);
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    hits,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * A python grader that tries storage, the network (the witness at `target`, host:port), script imports and the
 * page, and prints one line per attempt. Every line must say "blocked". A WebSocket is the one probe that can
 * fail later rather than at once (Chromium and WebKit create it and it never opens; Firefox throws at once),
 * so it is kept in `probeSocket` for SOCKET_CHECK to look at in the next run.
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

def grade(sample, item):
    results = [
        attempt("localStorage", lambda: js.localStorage.getItem("openai-api-key")),
        attempt("indexedDB", lambda: js.indexedDB.open("grader-playground-secrets")),
        attempt("caches", lambda: js.caches.keys()),
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
 * Reward 0.5 when the probe socket is not open (never created, or created and never connected), 0 when it is
 * open: a value of its own, so a wait for it cannot be met by the hostile grader's 1.
 */
export const SOCKET_CHECK =
  'import js\n\ndef grade(sample, item):\n    s = getattr(js.globalThis, "probeSocket", None)\n    return 0.0 if s is not None and s.readyState == 1 else 0.5\n';
