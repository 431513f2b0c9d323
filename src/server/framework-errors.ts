// Errors raised before any route runs, turned into the same localised { error: { code, message } }
// as everything else: Node's HTTP parser (431 header fields too large, 408, malformed requests —
// answered on the raw socket, so the language is read from the bytes received) and Fastify's own
// routing errors (a broken %-escape in the URL, an over-long parameter).
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { langFromAcceptLanguage, t } from '../platform/i18n.ts';
import { isLang, type Lang } from '../shared/languages.ts';

/** The language of a request from its raw headers: the language cookie (synergy_lang), then Accept-Language. */
export function langOfHeaders(cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  const fromCookie = /(?:^|;\s*)synergy_lang=([a-z]{2})/.exec(cookie ?? '')?.[1];
  return isLang(fromCookie) ? fromCookie : langFromAcceptLanguage(acceptLanguage) ?? 'en';
}

function headerOf(head: string, name: string): string | undefined {
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim();
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `server.on('clientError')`: a response written on the socket, as Node would, but in the user's language. */
export function clientErrorHandler(err: Error & { code?: string; rawPacket?: unknown }, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] = err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers_too_large']
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'request_timeout'] : [400, 'bad_request'];
  // Node passes the bytes received as a Buffer (Fastify's type says { type, data }).
  const packet = err.rawPacket as Buffer | { data?: number[] } | undefined;
  const head = Buffer.isBuffer(packet) ? packet.toString('latin1') : packet?.data ? Buffer.from(packet.data).toString('latin1') : '';
  const lang = langOfHeaders(headerOf(head, 'cookie'), headerOf(head, 'accept-language'));
  const message = t(lang, `errors:${code}`);
  const path = /^[A-Z]+ (\S+)/.exec(head)?.[1] ?? '/api/';
  // Browsers navigating to a page get a page (a long search text in the address); API callers get JSON.
  const body = path.startsWith('/api/') || !path.startsWith('/')
    ? JSON.stringify({ error: { code, message } })
    : `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Synergy</title>` +
      `<p>${escapeHtml(message)}</p><p><a href="/">${escapeHtml(t(lang, 'errors:page.go_home'))}</a></p></html>`;
  const type = body.startsWith('{') ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
      `Content-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

/** Fastify's `frameworkErrors`: raised while routing, before the onRequest hooks set the language. */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = langOfHeaders(req.headers.cookie, req.headers['accept-language']);
  // A URL that cannot be decoded names nothing that exists.
  const code = err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'not_found' : 'bad_request';
  return reply.code(code === 'not_found' ? 404 : 400).send({ error: { code, message: t(lang, `errors:${code}`) } });
}
