// The org's .github repository configures natsgh with `natsgh.yaml`: template
// variables, which files to generate, per-file opt-outs. Parsed and validated
// here; errors name the offending key and line so a person can fix the file.
import { UsageError } from '../errors.js';

export const REPO_CONFIG_PATH = 'natsgh.yaml';
export const REPO_TEMPLATES_DIR = 'natsgh/templates/';

export interface RepoConfig {
  variables: Record<string, string | number | boolean>;
  /** Paths or folder prefixes ("workflow-templates/") to generate; undefined = all shipped files. */
  include?: string[];
  /** Paths or folder prefixes never generated (per-file opt-outs). */
  exclude: string[];
}

export async function parseRepoConfig(yamlText: string, source = REPO_CONFIG_PATH): Promise<RepoConfig> {
  const { parseDocument } = await import('yaml');
  const { z } = await import('zod');
  const doc = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new UsageError(`${source} is not valid YAML: ${doc.errors[0].message}`, {
      code: 'repo_config_invalid',
      details: { file: source },
      suggestions: [`Fix the YAML syntax in ${source} (see the line named above).`],
    });
  }
  const pathList = z.array(
    z
      .string()
      .min(1)
      .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
        message: 'expected a relative path inside the repository',
      }),
  );
  const schema = z
    .object({
      version: z.literal(1).optional(),
      variables: z
        .record(
          z
            .string()
            .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'variable names are letters, digits and _' }),
          z.union([z.string(), z.number(), z.boolean()]),
        )
        .default({}),
      files: z
        .object({ include: pathList.optional(), exclude: pathList.default([]) })
        .strict()
        .default({}),
    })
    .strict();
  const raw = doc.toJS() ?? {};
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new UsageError(`${source} is invalid: ${problems.join('; ')}`, {
      code: 'repo_config_invalid',
      details: { file: source, problems },
      suggestions: [
        `Allowed keys: version (1), variables (name: value), files.include and files.exclude (lists of paths). Fix ${source}.`,
      ],
    });
  }
  return {
    variables: parsed.data.variables,
    include: parsed.data.files.include,
    exclude: parsed.data.files.exclude,
  };
}

/** True when `path` equals an entry or lies under an entry ending in "/". */
export function pathSelected(path: string, entries: readonly string[]): boolean {
  return entries.some((e) => (e.endsWith('/') ? path.startsWith(e) : path === e));
}
