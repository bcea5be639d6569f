import { z } from 'zod';

/**
 * Loose views of what the HIS sends: the fields the client relies on are checked, everything else
 * passes through untouched for the caller (and the UI) to read.
 */
export const FhirResourceSchema = z.looseObject({
  resourceType: z.string().min(1),
  id: z.string().min(1),
});
export type FhirResource = z.infer<typeof FhirResourceSchema>;

export const BundleLinkSchema = z.looseObject({ relation: z.string(), url: z.string() });

export const SearchBundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string(),
  total: z.number().int().nonnegative().optional(),
  link: z.array(BundleLinkSchema).optional(),
  entry: z
    .array(
      z.looseObject({
        fullUrl: z.string().optional(),
        resource: z.looseObject({ resourceType: z.string(), id: z.string().optional() }).optional(),
        search: z.looseObject({ mode: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});
export type SearchBundle = z.infer<typeof SearchBundleSchema>;

export const OperationOutcomeSchema = z.looseObject({
  resourceType: z.literal('OperationOutcome'),
  issue: z.array(z.looseObject({ severity: z.string().optional(), code: z.string().optional(), diagnostics: z.string().optional() })),
});

/** A `collection` Bundle the client assembles (Patient first, then the record). */
export interface CollectionBundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
}
