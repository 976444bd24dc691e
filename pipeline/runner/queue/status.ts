// `samut status --queue URL`: what is on the queue and which workers are alive.
import { Queue } from 'bullmq';
import { DEFAULT_QUEUE_NAME, redisConnection } from './connection.ts';

export interface QueueStatus {
  waiting: number;
  active: number;
  /** Jobs finished since the workers began counting (a week of metrics), collected or not. */
  done: number;
  failed: number;
  /** Each live worker's name (host and pid) and how long it has been connected, in seconds. */
  workers: { name: string; ageS: number }[];
}

export async function queueStatus(url: string, name = DEFAULT_QUEUE_NAME): Promise<QueueStatus> {
  const queue = new Queue(name, { connection: redisConnection(url) });
  try {
    const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed');
    const workers = await queue.getWorkers();
    const [completed, failed] = await Promise.all([queue.getMetrics('completed'), queue.getMetrics('failed')]);
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0),
      active: counts.active ?? 0,
      done: Math.max(Number(completed.meta.count), counts.completed ?? 0),
      failed: Math.max(Number(failed.meta.count), counts.failed ?? 0),
      workers: workers.map((client) => ({ name: String(client.rawname ?? client.name ?? '').replace(/^.*:w:/u, ''), ageS: Number(client.age ?? 0) })),
    };
  } finally {
    await queue.close();
  }
}
