import { z } from 'zod';

export const BodyKind = z.enum(['office', 'steering_committee', 'conference']);

export const NetworkStructure = z.object({
  bodies: z.array(z.object({ kind: BodyKind, name: z.string(), description: z.string() })),
  municipalities: z.array(z.object({ regionKey: z.string(), name: z.string() })),
  team: z.array(
    z.object({
      function: z.string(),
      name: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
});
export type NetworkStructure = z.infer<typeof NetworkStructure>;
