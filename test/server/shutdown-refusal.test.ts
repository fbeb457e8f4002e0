// While the server shuts down, in-flight requests finish and requests that still reach it (pipelined
// on a busy keep-alive connection) are refused with 503 in the one error shape, not Fastify's own.
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { createTestStorage, eventually, startServer } from './helpers/test-server.ts';
import type { TestStorage } from './helpers/test-server.ts';

/** Whether a new TCP connection to the port is refused (the server stopped listening). */
function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** Everything the server sends on the socket, kept as it arrives. */
function record(socket: Socket): { text: () => string; closed: Promise<void> } {
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  return { text: () => text, closed: new Promise((resolve) => socket.once('close', () => resolve())) };
}

describe('shutting down', () => {
  let storage: TestStorage;
  let server: RunningServer;

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    server = await startServer(storage, { now: () => new Date('2026-11-25T10:00:00Z') });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  });

  it('finishes the request in flight and refuses one that arrives meanwhile with 503 { error: { code: "unavailable" } }', async () => {
    const socket = connect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const received = record(socket);
    const body = JSON.stringify({ text: 'Is Rex ready?' });
    // A message whose body is still arriving keeps this connection busy while the server closes. The
    // server's "100 Continue" says the request has reached the routes (before the closing started).
    socket.write(
      `POST /v1/clinics/no-such-clinic/messages HTTP/1.1\r\nhost: 127.0.0.1\r\nexpect: 100-continue\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
    );
    await eventually(received.text, (text) => text.includes('100 Continue'));
    socket.write(body.slice(0, 5));
    const closed = server.close();
    await eventually(
      () => refusesConnections(server.port),
      (refused) => refused,
    );
    socket.write(`${body.slice(5)}GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n`);
    await received.closed;
    await closed;
    const answers = received.text().split(/(?=HTTP\/1\.1 )/);
    expect(answers.map((answer) => answer.slice(0, 12))).toEqual(['HTTP/1.1 100', 'HTTP/1.1 404', 'HTTP/1.1 503']);
    expect(answers[2]).toMatch(/\r\nconnection: close\r\n/i);
    // Dated by the server's clock like every other answer: the app corrects its own clock by it.
    for (const answer of answers.slice(1)) expect(answer).toMatch(/\r\ndate: Wed, 25 Nov 2026 10:00:00 GMT\r\n/i);
    const refusal = JSON.parse(answers[2]!.slice(answers[2]!.indexOf('\r\n\r\n') + 4)) as { error: { code: string; message: string } };
    expect(refusal.error.code).toBe('unavailable');
    expect(refusal.error.message).toMatch(/shutting down/);
  });
});
