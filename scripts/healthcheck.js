#!/usr/bin/env node
// The container's HEALTHCHECK (Dockerfile): exit 0 when the server on this machine answers /healthz
// with 200, else 1. The slim image has no curl. /healthz answers 200 whenever the server serves, also
// with a rejected policy file (docs/deploy.md), so a container is restarted only when it stops serving.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

const TIMEOUT_MS = 4000;
const port = Number(process.env.PORT ?? '3000');
const listen = process.env.HOST ?? 'localhost';
// A server listening on every address is reached on loopback; otherwise on the address it listens on.
const host = listen === '0.0.0.0' || listen === '::' ? '127.0.0.1' : listen;
const plain = process.env.PREFLIGHT_TLS === 'off';
// With its own certificate the server's name is not 127.0.0.1; this only asks whether it answers.
const request = plain ? httpRequest : httpsRequest;

const outgoing = request({ host, port, path: '/healthz', method: 'GET', timeout: TIMEOUT_MS, rejectUnauthorized: false }, (response) => {
  response.resume();
  process.exitCode = response.statusCode === 200 ? 0 : 1;
  if (response.statusCode !== 200) console.error(`healthcheck: /healthz answered ${response.statusCode}`);
});
outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
outgoing.on('error', (error) => {
  console.error(`healthcheck: ${error.message}`);
  process.exitCode = 1;
});
outgoing.end();
