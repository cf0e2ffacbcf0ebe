export { createLogger, type Logger } from './logger.ts';
export {
  DEFAULT_CLOSE_DEADLINE_MS,
  isEntryPoint,
  type RunningService,
  runService,
} from './run-service.ts';
