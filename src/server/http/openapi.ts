import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { accessKey, describeAccess } from './access.js';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/** The session cookie as an OpenAPI security scheme; operations that need a session name it. */
export const sessionScheme = {
  session: { type: 'apiKey', in: 'cookie', name: 'bn.session_token' },
} as const;

/**
 * Completes each operation of the OpenAPI document from the route's declarations, so that no route
 * has to repeat them in its schema: who may call it (a line "Berechtigung: …" and `x-permission`),
 * the session it needs, and the form of a multipart upload (`config.multipart`) as its request body.
 */
export function openapiTransform(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const config = (input.route as { config?: import('fastify').FastifyContextConfig }).config;
  const access = config?.access;
  if (!input.schema || !access) return jsonSchemaTransform(input);
  const schema: Record<string, unknown> = { ...input.schema };
  const line = `Berechtigung: ${describeAccess(access)}`;
  schema.description = schema.description ? `${schema.description}\n\n${line}` : line;
  schema['x-permission'] = accessKey(access);
  if (access !== 'public') schema.security = [{ session: [] }];
  if (config.multipart) {
    schema.body = config.multipart;
    schema.consumes = ['multipart/form-data'];
  }
  return jsonSchemaTransform({ ...input, schema: schema as TransformInput['schema'] });
}
