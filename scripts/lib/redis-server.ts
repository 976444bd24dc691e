// A real redis-server on 127.0.0.1, for the queue engine's tests and benchmark: a free port, and
// the server's own "ready" line before anyone connects.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `redis-server ARGS`, resolved once it accepts connections; rejected with its log if it exits first. */
export async function spawnRedis(args: readonly string[], stderr: 'pipe' | 'inherit' = 'pipe'): Promise<ChildProcess> {
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', stderr] });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', () => reject(new Error(`redis-server exited: ${log}`)));
  });
  return child;
}
