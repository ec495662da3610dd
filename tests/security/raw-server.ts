// A raw socket server of the fault matrix's own (node:net on 127.0.0.1, port 0): a pass-through
// to the simulator for every request, except the ones a fault is set for, which it answers the
// way no well-behaved HTTP server would: headers that never come, a body that never ends, a 50 MB
// body (streamed in 64 KiB chunks under backpressure, never built as one string), a connection
// reset in the middle of the body. It logs every request it got (method and path), so a test can
// count the writes that reached "the server", faulted or not.
import { request as httpRequest } from 'node:http';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type RawFault = 'no-headers' | 'endless-body' | 'huge-body' | 'reset-mid-body';

export interface RawHit {
  method: string;
  path: string;
  fault: RawFault | undefined;
}

export interface RawServer {
  /** http://127.0.0.1:port: put the simulator's paths after it. */
  url: string;
  /** Every request received, in order. */
  hits: RawHit[];
  /** Bytes of the last huge body written to the socket before the client let go. */
  hugeBytesSent: number;
  /** `match` as the simulator's rules: "METHOD /path-prefix". Applies to every matching request until cleared. */
  setFault(match: string, fault: RawFault): void;
  clearFault(): void;
  close(): Promise<void>;
}

export const HUGE_BYTES = 50 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x20); // spaces: inside a JSON string, so the body is "valid" until the cap

export async function startRawServer(upstream: string): Promise<RawServer> {
  const sockets = new Set<Socket>();
  let fault: { match: string; kind: RawFault } | undefined;
  const state: RawServer = {
    url: '',
    hits: [],
    hugeBytesSent: 0,
    setFault: (match, kind) => void (fault = { match, kind }),
    clearFault: () => void (fault = undefined),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };

  const matches = (match: string, method: string, path: string) => {
    const [m, prefix] = match.split(' ');
    return method === m && path.startsWith(prefix ?? '');
  };

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buf = Buffer.alloc(0);
    let handled = false;
    socket.on('data', (data: Buffer) => {
      if (handled) return;
      buf = Buffer.concat([buf, data]);
      const end = buf.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = buf.subarray(0, end).toString('latin1').split('\r\n');
      const [method = 'GET', path = '/'] = (head[0] ?? '').split(' ');
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      const body = buf.subarray(end + 4);
      if (body.length < length) return; // wait for the rest of the request body
      handled = true;
      const kind = fault && matches(fault.match, method, path) ? fault.kind : undefined;
      state.hits.push({ method, path, fault: kind });
      if (kind) return void misbehave(socket, kind, state);
      forward(upstream, method, path, headers, body.subarray(0, length), socket);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

function misbehave(socket: Socket, kind: RawFault, state: RawServer): void {
  switch (kind) {
    case 'no-headers':
      return; // the request was read; nothing is ever written back
    case 'endless-body':
      // Headers promise 4096 bytes; 9 come, then silence.
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{"data":[');
      return;
    case 'reset-mid-body':
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{"data":[{"id":"x","name":"half');
      // Let the head and the first bytes land, then a TCP RST (ECONNRESET), not a polite FIN.
      setTimeout(() => socket.resetAndDestroy(), 50);
      return;
    case 'huge-body': {
      state.hugeBytesSent = 0;
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${HUGE_BYTES + 14}\r\n\r\n{"padding":"`);
      const pump = () => {
        while (!socket.destroyed && state.hugeBytesSent < HUGE_BYTES) {
          state.hugeBytesSent += CHUNK.length;
          if (!socket.write(CHUNK)) return void socket.once('drain', pump);
        }
        if (!socket.destroyed) socket.end('"}');
      };
      pump();
      return;
    }
  }
}

/** The request as it came, to the simulator; its answer back whole, then the connection closed. */
function forward(upstream: string, method: string, path: string, headers: Record<string, string>, body: Buffer, socket: Socket): void {
  const { connection: _c, host: _h, 'keep-alive': _k, ...rest } = headers;
  const req = httpRequest(`${upstream}${path}`, { method, headers: { ...rest, connection: 'close' } }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      const text = Buffer.concat(chunks);
      const lines = [`HTTP/1.1 ${res.statusCode} ${res.statusMessage ?? ''}`];
      for (const [k, v] of Object.entries(res.headers)) {
        if (['connection', 'content-length', 'transfer-encoding', 'keep-alive'].includes(k) || v === undefined) continue;
        for (const one of Array.isArray(v) ? v : [v]) lines.push(`${k}: ${one}`);
      }
      lines.push(`content-length: ${text.length}`, 'connection: close', '', '');
      socket.end(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), text]));
    });
    res.on('error', () => socket.destroy());
  });
  req.on('error', () => socket.destroy());
  req.end(body);
}
