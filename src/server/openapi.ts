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
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.route({
    method: 'GET', url: '/api/openapi.json', config: { access: access.public },
    schema: { hide: true, response: { 200: z.any() } },
    handler: async () => app.swagger(),
  });
}
