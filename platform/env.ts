// The environment's rules live in platform/config.mjs, plain JavaScript shared with scripts/start.mjs;
// this is how TypeScript code names them.
export { environmentSchema, parseEnvironment, parseServerEnvironment } from './config.mjs';
export type { Environment, EnvironmentResult } from './config.mjs';
