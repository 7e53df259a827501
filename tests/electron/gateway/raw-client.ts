/**
 * A client that sends exactly the bytes it is given, over node:net: the malformed requests and frames a
 * well-behaved client (fetch, ws) refuses to produce.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';

export interface RawAnswer {
  /** The HTTP status of the answer, or null when the server closed without one. */
  status: number | null;
  closed: boolean;
}

/** Sends the text and waits for the head of the server's answer, or for it to close (or for the timeout). */
export function rawHttp(port: number, request: string | Buffer, timeoutMs = 3000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let finished = false;
    const finish = (closed: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.1 (\d{3})/.exec(Buffer.concat(chunks).toString('latin1'));
      resolve({ status: match ? Number(match[1]) : null, closed });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (Buffer.concat(chunks).includes('\r\n\r\n')) finish(socket.readableEnded);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
    socket.write(request);
  });
}

/** A WebSocket frame as bytes; `length` may lie about the payload, as an attacker's header would. */
export function wsFrame(options: {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  rsv1?: boolean;
  masked?: boolean;
  length?: number;
}): Buffer {
  const payload = options.payload ?? Buffer.alloc(0);
  const length = options.length ?? payload.length;
  const first = (options.fin === false ? 0 : 0x80) | (options.rsv1 ? 0x40 : 0) | options.opcode;
  const masked = options.masked !== false;
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, (masked ? 0x80 : 0) | length]);
  else if (length < 65536) {
    header = Buffer.alloc(4);
    header.writeUInt16BE(length, 2);
    header[1] = (masked ? 0x80 : 0) | 126;
  } else {
    header = Buffer.alloc(10);
    header.writeBigUInt64BE(BigInt(length), 2);
    header[1] = (masked ? 0x80 : 0) | 127;
  }
  header[0] = first;
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, index) => byte ^ (mask[index % 4] as number)));
  return Buffer.concat([header, mask, body]);
}

/**
 * Opens a WebSocket by hand (the handshake as raw text), sends the frames, and waits for the server to
 * close the connection (or send its close frame). Resolves whether the handshake was accepted and whether the server closed it.
 */
export function rawWebSocket(
  port: number,
  cookie: string,
  frames: Buffer[],
  timeoutMs = 3000,
): Promise<{ upgraded: boolean; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let upgraded = false;
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ upgraded, closed });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
    socket.on('data', (chunk) => {
      if (upgraded) {
        // The server's close frame (opcode 8) ends the conversation even before it drops the connection.
        if (chunk[0] === 0x88) finish(true);
        return;
      }
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      upgraded = received.toString('latin1').startsWith('HTTP/1.1 101');
      if (!upgraded) return;
      for (const frame of frames) socket.write(frame);
      if (received[end + 4] === 0x88) finish(true);
    });
    socket.write(
      [
        'GET /rpc HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        `Cookie: ${cookie}`,
        '',
        '',
      ].join('\r\n'),
    );
  });
}
