export {
  type ConnectionPurpose,
  closeRedis,
  createRedisConnection,
  pingRedis,
  type RedisConnection,
} from './connection.ts';
export { clearWindow, countInWindow, peekWindow } from './counters.ts';
export { readHeartbeat, recordHeartbeat, schedulerHeartbeatKey } from './heartbeat.ts';
export {
  type ConsumerOptions,
  consumeQueues,
  type JobConsumers,
  PermanentJobError,
  type ReceivedJob,
} from './job-consumers.ts';
export { closeQueues, createQueues, enqueue, enqueueMany, type Queues } from './job-producer.ts';
export { type KeyValueStore, redisKeyValueStore } from './key-values.ts';
export { type LiveSubscription, publishLive, subscribeLive } from './live.ts';
export { acquireLock, claimEpoch, type Lock } from './locks.ts';
export { putOnce, takeOnce } from './one-time.ts';
export { installSchedules, nextScheduledRuns, type Schedule } from './schedules.ts';
export { scrubQueuedMentions } from './scrub.ts';
export { isRedisUnavailable } from './unavailable.ts';
