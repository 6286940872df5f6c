#!/usr/bin/env node
// Tiny dependency-free static server for web/ (npm start, browser tests).
//   node scripts/serve.mjs [ROOT]          PORT (default 8080) and HOST (default 127.0.0.1) from env
//   import { startServer } from './serve.mjs'; const s = await startServer({ root, port: 0 });
// Every response carries the strict CSP the widgets must live under, so the page is tested
// the way a blog embedding it would serve it; and no-cache, so a rebuilt wasm is picked up.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "script-src 'self' 'wasm-unsafe-eval'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', // required by WebAssembly.instantiateStreaming
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.bin': 'application/octet-stream',
};

function send(res, status, text, head = false) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(head ? undefined : text + '\n');
}

/** Resolve a request path inside root, or return null if it would leave root. */
function resolveInside(root, urlPath) {
  let p;
  try {
    p = decodeURIComponent(urlPath.split(/[?#]/, 1)[0]);
  } catch {
    return null; // malformed %-escape
  }
  if (p.includes('\0') || p.includes('\\')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + p));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

export function createHandler(rootDir) {
  const root = fs.realpathSync(path.resolve(rootDir));
  return async (req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) return send(res, 405, 'method not allowed');
    // Check the raw path too: a literal ".." segment is refused, never silently normalised.
    const raw = req.url.split(/[?#]/, 1)[0];
    let file = /(^|\/)\.\.(\/|$)/.test(raw) ? null : resolveInside(root, raw);
    if (!file) return send(res, 403, 'forbidden', head);
    try {
      let st = await fs.promises.stat(file);
      if (st.isDirectory()) {
        if (!raw.endsWith('/')) {
          // Build the Location from the resolved path (a raw "//host" would be an open redirect).
          const rel = path.relative(root, file).split(path.sep).map(encodeURIComponent).join('/');
          res.writeHead(301, { Location: rel ? `/${rel}/` : '/' });
          return res.end();
        }
        file = path.join(file, 'index.html');
        st = await fs.promises.stat(file);
      }
      // Symlinks must not lead outside root either.
      const real = await fs.promises.realpath(file);
      if (real !== root && !real.startsWith(root + path.sep)) return send(res, 403, 'forbidden', head);
      if (!st.isFile()) return send(res, 404, 'not found', head);
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': st.size,
      });
      if (head) return res.end();
      fs.createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      send(res, 404, `not found: ${raw}`, head);
    }
  };
}

/** Start serving root; resolves to the http.Server once listening (port 0 = ephemeral). */
export function startServer({ root, port = 8080, host = '127.0.0.1' } = {}) {
  const server = http.createServer(createHandler(root));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

// Run as a script: serve ROOT (default web/ next to this scripts/ folder).
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? fileURLToPath(new URL('../web/', import.meta.url));
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  startServer({ root, port, host }).then(
    (server) => {
      const shown = host === '127.0.0.1' || host === '::1' ? 'localhost' : host;
      console.log(`Serving ${path.relative(process.cwd(), root) || '.'} at http://${shown}:${server.address().port}/  (Ctrl+C to stop)`);
    },
    (err) => {
      console.error(`serve: cannot listen on ${host}:${port}: ${err.code ?? err.message}` +
        (err.code === 'EADDRINUSE' ? ' (port in use; set PORT=...)' : ''));
      process.exit(1);
    },
  );
}
