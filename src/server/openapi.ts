// OpenAPI 3.1 generated from the zod schemas of the routes; served at /api/openapi.json, readable at /api/docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from './app.ts';
import { access } from './access.ts';
import { VERSION } from '../version.ts';
import { SESSION_COOKIE } from './cookies.ts';

export async function registerOpenApi(app: App) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Synergy API', version: VERSION, description: 'Cross-border science and technology cooperation exchange. Cookie sessions; state-changing requests need the x-csrf-token header from GET /api/csrf.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  // The app's own CSP (helmet, app.ts) covers the docs page: swagger-ui's `staticCSP` would replace it with one that
  // forbids the inline styles swagger-ui itself applies (a console error on every load). No validator badge: it loads
  // an image from validator.swagger.io, which the CSP refuses and which is unreachable from some networks anyway.
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false, uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null } });
  app.route({
    method: 'GET', url: '/api/openapi.json', config: { access: access.public },
    schema: { hide: true, response: { 200: z.any() } },
    handler: async () => app.swagger(),
  });
}
