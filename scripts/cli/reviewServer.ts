/**
 * The review console on a local Node http server: adapts requests to handleReviewRequest
 * (shared/review/reviewConsole.ts, the same handler the Lambda runs) and authenticates each
 * reviewer by a random access token printed at start (one per reviewer name). Requests whose Host
 * is not the address it listens on are refused (421), so a DNS-rebinding page cannot reach it
 * under a name of its own (unless it listens on every interface, `--host 0.0.0.0`).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleReviewRequest, MAX_BODY_BYTES, type ConsoleDeps, type ConsoleRequest } from '#shared/review/reviewConsole';

export interface ReviewServer {
  server: Server;
  url: string;
  /** reviewer → the URL that signs them in (the token is in the fragment, never sent to the server as a URL). */
  logins: Record<string, string>;
  close(): Promise<void>;
}

export interface ReviewServerOptions {
  host?: string;
  port?: number;
  reviewers: string[];
  deps: Omit<ConsoleDeps, 'authenticate' | 'basePath'>;
}

const ERROR_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
};

function bearer(req: ConsoleRequest): string | undefined {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES + 1) return 'x'.repeat(MAX_BODY_BYTES + 1); // the handler refuses it as too large
    chunks.push(chunk as Buffer);
  }
  return chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
}

export async function startReviewServer(opts: ReviewServerOptions): Promise<ReviewServer> {
  const tokens = new Map<string, Buffer>(opts.reviewers.map((r) => [r, Buffer.from(randomBytes(24).toString('base64url'))]));
  const authenticate = (req: ConsoleRequest): string | undefined => {
    const given = bearer(req);
    if (!given) return undefined;
    const g = Buffer.from(given);
    for (const [reviewer, t] of tokens) if (t.length === g.length && timingSafeEqual(t, g)) return reviewer;
    return undefined;
  };
  const host = opts.host ?? '127.0.0.1';
  // Listening on every interface (--host 0.0.0.0) means being reached by names we cannot know: no Host check then.
  const anyHost = host === '0.0.0.0' || host === '::';
  let allowedHosts = new Set<string>();
  const server = createServer(async (req, res) => {
    try {
      if (!anyHost && !allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
        res.writeHead(421, { ...ERROR_HEADERS }).end(JSON.stringify({ error: 'misdirected', message: 'the review console answers only to the address it printed' }));
        return;
      }
      const url = new URL(req.url ?? '/', 'http://local');
      const creq: ConsoleRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])),
        body: await readBody(req),
      };
      const out = await handleReviewRequest(creq, { ...opts.deps, authenticate });
      res.writeHead(out.status, out.headers).end(out.body);
    } catch (err) {
      process.stderr.write(`review console: ${(err as Error).stack ?? err}\n`);
      if (!res.headersSent) res.writeHead(500, { ...ERROR_HEADERS });
      res.end(JSON.stringify({ error: 'internal', message: 'the request failed; nothing was changed unless it said so' }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const names = [host.includes(':') ? `[${host}]` : host, ...(host === '127.0.0.1' || host === '::1' ? ['localhost'] : [])];
  allowedHosts = new Set(names.map((n) => `${n}:${port}`.toLowerCase()));
  const url = `http://${names[0]}:${port}`;
  const logins = Object.fromEntries([...tokens].map(([r, t]) => [r, `${url}/#token=${t.toString()}`]));
  return {
    server,
    url,
    logins,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
