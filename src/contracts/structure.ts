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

/** A municipality of the region: official key (8 digits, e.g. 05958032) and name. */
export const MunicipalityInput = z.object({
  regionKey: z
    .string()
    .trim()
    .regex(/^[0-9]{8}$/, {
      error: 'Der Regionalschlüssel einer Kommune besteht aus 8 Ziffern, z. B. 05958032.',
    }),
  name: z
    .string()
    .trim()
    .min(1, { error: 'Bitte den Namen der Kommune angeben.' })
    .max(200, { error: 'Der Name einer Kommune hat höchstens 200 Zeichen.' }),
});

/** The whole list of the network's municipalities: it replaces the one stored. */
export const MunicipalitiesInput = z.object({
  municipalities: z
    .array(MunicipalityInput)
    .max(100, { error: 'Ein Bildungsnetzwerk hat höchstens 100 Kommunen.' })
    .superRefine((list, ctx) => {
      const keys = new Set<string>();
      const names = new Set<string>();
      list.forEach((m, i) => {
        if (keys.has(m.regionKey))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'regionKey'],
            message: `Der Regionalschlüssel ${m.regionKey} steht mehrfach in der Liste.`,
          });
        const name = m.name.toLocaleLowerCase('de');
        if (names.has(name))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'name'],
            message: `Die Kommune „${m.name}“ steht mehrfach in der Liste.`,
          });
        keys.add(m.regionKey);
        names.add(name);
      });
    }),
});
export type MunicipalitiesInput = z.input<typeof MunicipalitiesInput>;

export const Municipality = z.object({ id: z.uuid(), regionKey: z.string(), name: z.string() });
export type Municipality = z.infer<typeof Municipality>;
export const MunicipalityList = z.array(Municipality);
