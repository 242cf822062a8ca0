import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Deps } from '../lib/context.js';
import { registerAccess } from './access.js';

/** A bare Fastify with only the access mechanism: what a new module's routes meet at start-up. */
async function appWith(routes: (app: ReturnType<typeof Fastify>) => void) {
  const app = Fastify();
  registerAccess(app, {} as Deps);
  await app.register(async (api) => routes(api), { prefix: '/api' });
  await app.ready();
  return app;
}

describe('route declarations', () => {
  it('refuses to start with an /api route that declares no access, naming it and the fix', async () => {
    await expect(appWith((api) => api.get('/neu', async () => ({})))).rejects.toThrow(
      /GET \/api\/neu declares no access.*config: \{ access:/,
    );
  });

  it('refuses network access on a route without :networkId', async () => {
    await expect(
      appWith((api) =>
        api.post('/dinge', { config: { access: { permission: 'steering.manage' } } }, async () => ({})),
      ),
    ).rejects.toThrow(/POST \/api\/dinge .*needs a :networkId/);
  });

  it('refuses an upload route whose form is not declared for the API document', async () => {
    await expect(
      appWith((api) =>
        api.post(
          '/networks/:networkId/ablage',
          {
            config: { access: { permission: 'files.write' } },
            schema: { consumes: ['multipart/form-data'] },
          },
          async () => ({}),
        ),
      ),
    ).rejects.toThrow(/multipart\/form-data but declares no form/);
  });

  it('starts with declared routes and lists them with their access', async () => {
    const app = await appWith((api) => {
      api.get('/offen', { config: { access: 'public' } }, async () => ({}));
      api.post(
        '/networks/:networkId/ablage',
        {
          config: { access: { permission: 'files.write' }, multipart: z.object({ file: z.file() }) },
          schema: { consumes: ['multipart/form-data'] },
        },
        async () => ({}),
      );
    });
    expect(app.routeAccess).toEqual([
      { method: 'GET', url: '/api/offen', access: 'public', upload: false },
      {
        method: 'POST',
        url: '/api/networks/:networkId/ablage',
        access: { permission: 'files.write' },
        upload: true,
      },
    ]);
    await app.close();
  });
});
