import type { Database } from '../db/database';
import type { App } from '../http/app';
import { createJobQueue, type JobQueue } from './job-queue';

const queues = new WeakMap<App, JobQueue>();

/**
 * The app's one job queue: started when the app is ready (so jobs left from before a restart
 * are picked up), stopped when it closes, before the database is. Features define their kinds
 * of job on it while their routes are registered.
 */
export function jobsOf(app: App, database: Database): JobQueue {
  const existing = queues.get(app);
  if (existing) return existing;
  const queue = createJobQueue(database, { onError: (error) => app.log.error(error) });
  queues.set(app, queue);
  app.addHook('onReady', async () => queue.start());
  app.addHook('onClose', async () => queue.stop());
  return queue;
}
