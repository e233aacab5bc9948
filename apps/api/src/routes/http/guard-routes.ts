import type { FastifyInstance, onRequestHookHandler } from 'fastify';

/**
 * Puts a guard on every route this plugin (and its children) declares from here on, as the route's first onRequest
 * hook. Unlike a plugin-level hook, the guard is then part of each route's own options, where the OpenAPI document
 * reads its security from (R-API-6). Call it before declaring routes.
 */
export function guardRoutes(app: FastifyInstance, guard: onRequestHookHandler): void {
  app.addHook('onRoute', (route) => {
    const hooks = [route.onRequest ?? []].flat();
    if (!hooks.includes(guard)) route.onRequest = [guard, ...hooks];
  });
}
