/**
 * An HTTP proxy as self-hosted runners have them: it tunnels each CONNECT to the requested port on
 * 127.0.0.1 (whatever the host name), and records the targets. A request sent to it as a plain
 * proxied request (no CONNECT) is refused with 502 and recorded too, so a test sees how it was used.
 */
import http from 'node:http';
import net from 'node:net';

export interface ConnectProxy {
  url: string;
  /** `host:port` of each CONNECT, in order. */
  tunnels: string[];
  /** Plain proxied requests (refused). */
  refused: string[];
  close(): Promise<void>;
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const refused: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    refused.push(`${req.method} ${req.url}`);
    res.writeHead(502).end('this proxy only tunnels (CONNECT)');
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    tunnels.push(target);
    const port = Number(target.slice(target.lastIndexOf(':') + 1));
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    refused,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
