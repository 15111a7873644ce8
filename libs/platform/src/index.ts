export * from './auth/decorators';
export * from './auth/principal';
export { AuthGuard } from './auth/auth.guard';
export { SESSION_CHECKER, type SessionChecker } from './auth/jwt.strategy';
export * from './config/app-config';
export * from './database/database.module';
export * from './database/database.options';
export * from './database/transactions';
export * from './database/duplicate-key';
export * from './database/locking';
export * from './errors/domain-error';
export * from './errors/problem-details';
export {
  HTML_ERROR_RENDERER,
  type HtmlErrorRenderer,
  ProblemDetailsFilter,
} from './errors/problem-details.filter';
export { createValidationPipe } from './errors/validation';
export * from './health/health.registry';
export * from './http/bootstrap';
export { FastRoutes, type FastRouteHandler } from './http/fast-routes';
export { Metrics } from './metrics/metrics';
export * from './pagination';
export * from './time/wall-clock';
export { PlatformModule } from './platform.module';
export { columns } from './database/migration-columns';
