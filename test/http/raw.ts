/**
 * HTTP below fetch, for what fetch refuses to send (TRACE, unknown methods, a header block past Node's limit, a
 * broken request line): the bytes go out on a plain socket and the answer is parsed just enough to check it.
 */
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** Sends `request` (the bytes of an HTTP/1.1 request) to `url`'s host and reads the answer until the server closes. */
export function rawRequest(url: string, request: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Map<string, string>();
      for (const line of lines) {
        const at = line.indexOf(':');
        headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
      }
      const status = Number(statusLine.split(' ')[1]);
      if (!Number.isInteger(status)) reject(new Error(`no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      else resolve({ status, headers, body: rest.join('\r\n\r\n') });
    });
  });
}

/** A one-shot request line plus headers that asks the server to close afterwards. */
export function requestText(method: string, path: string, host: string, extraHeaders = ''): string {
  return `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n${extraHeaders}\r\n`;
}
