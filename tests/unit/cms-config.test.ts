import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { collections } from '../../src/content.config';
import { cmsSchemas } from '../../src/content/cms-schemas';
import { sveltiaPackage } from '../../src/lib/cms-admin';
import {
  CmsConfigError,
  LEFT_OUT,
  cmsBackend,
  cmsConfig,
  fieldsOf,
  type CmsField,
  type CmsSchemas,
} from '../../src/lib/cms-config';
import { CMS_LABELS } from '../../src/lib/cms-labels';

const config = cmsConfig({
  schemas: cmsSchemas,
  backend: cmsBackend({}),
  contentDir: 'content',
  siteUrl: 'https://kiosque.example',
  siteName: 'Kiosque',
  tags: ['énergie', 'climat', "pouvoir d'achat"],
});

interface Collection {
  name: string;
  folder?: string;
  fields?: CmsField[];
  files?: { name: string; file: string; fields: CmsField[] }[];
}
const generated = config['collections'] as Collection[];
const collection = (name: string) => {
  const found = generated.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no collection ${name} in the configuration`);
  return found;
};
const file = (name: string) => {
  const found = collection('fronts').files?.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no file ${name} in the configuration`);
  return found;
};

/** Where the fields of each schema are in the configuration. */
const fieldsOfSchema: Record<keyof CmsSchemas, () => CmsField[]> = {
  articles: () => collection('articles').fields ?? [],
  pages: () => collection('pages').fields ?? [],
  sections: () => collection('sections').fields ?? [],
  authors: () => collection('authors').fields ?? [],
  front: () => file('une').fields[0]?.fields ?? [],
  picks: () => file('picks').fields[0]?.fields ?? [],
};
/** Fields the configuration adds to a schema's: the Markdown body, and the id the picks file gives each item. */
const ADDED: Partial<Record<keyof CmsSchemas, string[]>> = { articles: ['body'], pages: ['body'], picks: ['id'] };

/** A schema field as zod's own JSON Schema writes it, for the values a file may hold (`io: 'input'`). */
interface Json {
  type?: string;
  format?: string;
  contentMediaType?: string;
  enum?: unknown[];
  anyOf?: Json[];
  items?: Json;
  properties?: Record<string, Json>;
  required?: string[];
}

const jsonOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;

/** The collection a `reference()` field names, asked of the field itself with a slug. */
function referenced(field: z.ZodType, many: boolean): unknown {
  const parsed = field.safeParse(many ? ['some-slug'] : 'some-slug').data as
    { collection?: unknown } | { collection?: unknown }[] | undefined;
  return Array.isArray(parsed) ? parsed[0]?.collection : parsed?.collection;
}

const isReference = (json: Json) =>
  (json.anyOf ?? []).some((branch) => branch.type === 'object' && branch.properties?.['collection'] !== undefined);

/**
 * What a schema field must become in the CMS, read from its JSON Schema rather than from the
 * generator: the input (`widget`), and what a picker refers to or a list offers.
 */
function expected(json: Json, field: z.ZodType): Record<string, unknown> {
  if (json.format === 'date-time') return { widget: 'datetime' };
  if (isReference(json)) return { widget: 'relation', collection: referenced(field, false) };
  const branches = (json.anyOf ?? []).filter((branch) => branch.type !== 'null');
  if (branches.length === 1 && branches[0] !== undefined) return expected(branches[0], field);
  if (json.enum !== undefined) return { widget: 'select', options: json.enum };
  switch (json.type) {
    case 'string':
      return { widget: json.contentMediaType === 'image/*' ? 'image' : ['string', 'text'] };
    case 'integer':
      return { widget: 'number', value_type: 'int' };
    case 'number':
      return { widget: 'number', value_type: 'float' };
    case 'boolean':
      return { widget: 'boolean' };
    case 'object':
      return { widget: 'object' };
    case 'array': {
      const items = json.items ?? {};
      if (isReference(items)) return { widget: 'relation', multiple: true, collection: referenced(field, true) };
      return { widget: 'list' };
    }
    default:
      return { widget: `no input for ${JSON.stringify(json)}` };
  }
}

/** The inner object schema of a field, past `optional`, `default` and `nullable`. */
function objectIn(field: z.ZodType): z.ZodObject | undefined {
  if (field instanceof z.ZodObject) return field;
  if (field instanceof z.ZodArray) return objectIn(field.element as z.ZodType);
  const inner = (field.def as { innerType?: z.ZodType }).innerType;
  return inner === undefined ? undefined : objectIn(inner);
}

/**
 * Every difference between a schema and the CMS fields made of it, objects included: a field
 * missing on either side, or with another input or another requirement (required means
 * neither optional nor defaulted, as the JSON Schema of the input says).
 */
function differences(
  schema: z.ZodObject,
  json: Json,
  fields: CmsField[],
  path: string,
  added: string[] = [],
): string[] {
  const problems: string[] = [];
  const properties = json.properties ?? {};
  for (const extra of fields.filter((field) => !(field.name in properties) && !added.includes(field.name)))
    problems.push(`${path}.${extra.name}: in the CMS, not in the schema`);
  for (const [name, property] of Object.entries(properties)) {
    const where = `${path}.${name}`;
    const field = fields.find((candidate) => candidate.name === name);
    if (field === undefined) {
      problems.push(`${where}: in the schema, not in the CMS`);
      continue;
    }
    const required = json.required?.includes(name) ?? false;
    if (field.required !== required)
      problems.push(`${where}: required is ${required} in the schema, ${field.required} in the CMS`);
    const zodField = schema.shape[name] as z.ZodType;
    for (const [key, value] of Object.entries(expected(property, zodField))) {
      const actual =
        key === 'options' ? (field['options'] as { value: unknown }[]).map((option) => option.value) : field[key];
      const fits =
        Array.isArray(value) && key === 'widget'
          ? value.includes(actual)
          : JSON.stringify(actual) === JSON.stringify(value);
      if (!fits)
        problems.push(
          `${where}: ${key} is ${JSON.stringify(value)} in the schema, ${JSON.stringify(actual)} in the CMS`,
        );
    }
    const inner = objectIn(zodField);
    const innerJson = [property, ...(property.anyOf ?? []), property.items ?? {}].find(
      (candidate) => candidate.properties,
    );
    if (inner !== undefined && innerJson !== undefined)
      problems.push(...differences(inner, innerJson, field.fields ?? [], where));
  }
  return problems;
}

describe('the CMS configuration, generated from the content schemas', () => {
  test('has every schema field, objects included, with the schema’s type and requirement', () => {
    const problems = Object.entries(cmsSchemas).flatMap(([name, schema]) =>
      differences(
        schema,
        jsonOf(schema),
        fieldsOfSchema[name as keyof CmsSchemas](),
        name,
        ADDED[name as keyof CmsSchemas],
      ),
    );
    expect(problems).toEqual([]);
  });

  test('that check catches a field added to a schema, a requirement changed, and a field removed', () => {
    const fields = fieldsOfSchema.articles();
    // The article schema as it would be if someone gave it a new field, made the kicker
    // required, and changed the picture, without the generator following.
    const drifted = z.object({
      ...cmsSchemas.articles.shape,
      kicker: z.string(),
      image: z
        .object({ alt: z.string(), credit: z.string(), caption: z.string().optional(), src: z.string() })
        .optional(),
      podcast: z.string(),
    });
    expect(differences(drifted, jsonOf(drifted), fields, 'articles', ['body'])).toEqual([
      'articles.kicker: required is true in the schema, false in the CMS',
      'articles.image.decorative: in the CMS, not in the schema',
      'articles.image.alt: required is true in the schema, false in the CMS',
      'articles.image.src: widget is ["string","text"] in the schema, "image" in the CMS',
      'articles.podcast: in the schema, not in the CMS',
    ]);
  });

  test('stops, naming the field, at a type it has no input for', () => {
    const schema = z.object({ sources: z.record(z.string(), z.string()) });
    expect(() => fieldsOf(schema, 'articles')).toThrow(CmsConfigError);
    expect(() => fieldsOf(schema, 'articles')).toThrow('articles.sources: no CMS input for a record field');
  });

  test('covers every collection, but the comments, left out with a reason', () => {
    expect(Object.keys(collections).sort()).toEqual([...Object.keys(cmsSchemas), ...Object.keys(LEFT_OUT)].sort());
  });

  test('has a French label for every schema field, and none for a field that is gone', () => {
    const paths = (json: Json, path: string): string[] =>
      Object.entries(json.properties ?? {}).flatMap(([name, property]) => {
        const inner = isReference(property)
          ? undefined
          : [property, ...(property.anyOf ?? []), property.items ?? {}].find((candidate) => candidate.properties);
        return [`${path}.${name}`, ...(inner === undefined ? [] : paths(inner, `${path}.${name}`))];
      });
    const fields = Object.entries(cmsSchemas).flatMap(([name, schema]) => paths(jsonOf(schema), name));
    expect(fields.filter((path) => CMS_LABELS[path] === undefined)).toEqual([]);
    expect(Object.keys(CMS_LABELS).filter((path) => !fields.includes(path))).toEqual([]);
  });

  test('is one Sveltia CMS accepts, by its own JSON Schema', () => {
    const schema = JSON.parse(readFileSync(join(sveltiaPackage().dir, 'schema/sveltia-cms.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false }).compile(schema);
    validate(config);
    expect(validate.errors ?? []).toEqual([]);
  });
});

describe('what an editor sees in it', () => {
  const field = (name: string) => {
    const found = fieldsOfSchema.articles().find((candidate) => candidate.name === name);
    if (found === undefined) throw new Error(`no field ${name}`);
    return found;
  };

  test('labels, help and choices are in French, set the French way', () => {
    expect(field('standfirst')).toMatchObject({ label: 'Chapô', widget: 'text' });
    expect(field('kicker').hint).toBe('Facultatif\u00A0: VIDÉO., ENQUÊTE., ENTRETIEN.');
    expect(field('comments')['options']).toEqual([
      { value: 'open', label: 'Ouverts à tous' },
      { value: 'closed', label: 'Fermés' },
      { value: 'subscribers', label: 'Réservés aux abonnés' },
    ]);
  });

  test('dates are picked in Paris time, and written in ISO 8601 (with their offset)', () => {
    expect(field('publishedAt')).toMatchObject({ widget: 'datetime', input_timezone: 'Europe/Paris', required: true });
    expect(field('publishedAt')).not.toHaveProperty('format');
  });

  test('sections, authors and related stories are picked from their collections by name or title', () => {
    expect(field('section')).toMatchObject({ widget: 'relation', collection: 'sections', display_fields: ['name'] });
    expect(field('authors')).toMatchObject({ collection: 'authors', multiple: true, display_fields: ['name'] });
    expect(field('related')).toMatchObject({ collection: 'articles', multiple: true, display_fields: ['title'] });
  });

  test('tags are free, with the most used ones suggested', () => {
    expect(field('tags')).toMatchObject({ widget: 'list', required: false });
    expect(field('tags').hint).toBe(
      'Séparés par des virgules. Les plus employés\u00A0: énergie, climat, pouvoir d’achat.',
    );
  });

  test('files are where the site reads them, pictures beside them', () => {
    expect(collection('articles')).toMatchObject({
      folder: 'content/articles',
      media_folder: 'images',
      public_folder: './images',
    });
    expect(file('une').file).toBe('content/une.yaml');
    expect(file('picks').fields[0]).toMatchObject({ widget: 'list', root: true });
    expect(config['output']).toEqual({ omit_empty_optional_fields: true });
  });
});

describe('the CMS backend, from the build environment', () => {
  test('is GitHub on the main branch by default, with a placeholder repository for the local workflow', () => {
    expect(cmsBackend({})).toEqual({ name: 'github', repo: 'redaction/kiosque', branch: 'main' });
  });

  test('takes a GitHub repository with its OAuth client, or a GitLab project signing in with PKCE', () => {
    expect(
      cmsBackend({
        KIOSQUE_CMS_REPO: 'journal/kiosque',
        KIOSQUE_CMS_BRANCH: 'production',
        KIOSQUE_CMS_AUTH_URL: 'https://auth.journal.example/',
      }),
    ).toEqual({
      name: 'github',
      repo: 'journal/kiosque',
      branch: 'production',
      base_url: 'https://auth.journal.example',
    });
    expect(
      cmsBackend({
        KIOSQUE_CMS_BACKEND: 'gitlab',
        KIOSQUE_CMS_REPO: 'journal/web/kiosque',
        KIOSQUE_CMS_APP_ID: 'abc123',
      }),
    ).toEqual({ name: 'gitlab', repo: 'journal/web/kiosque', branch: 'main', app_id: 'abc123', auth_type: 'pkce' });
  });

  test('refuses a bad value, naming the variable', () => {
    expect(() => cmsBackend({ KIOSQUE_CMS_BACKEND: 'bitbucket' })).toThrow(
      'KIOSQUE_CMS_BACKEND: expected github or gitlab, got "bitbucket"',
    );
    expect(() => cmsBackend({ KIOSQUE_CMS_REPO: 'kiosque' })).toThrow('KIOSQUE_CMS_REPO: expected owner/name');
    expect(() => cmsBackend({ KIOSQUE_CMS_REPO: 'a/b/c' })).toThrow(
      'KIOSQUE_CMS_REPO: a GitHub repository is owner/name',
    );
    expect(() => cmsBackend({ KIOSQUE_CMS_AUTH_URL: 'http://auth.example' })).toThrow(
      'KIOSQUE_CMS_AUTH_URL: expected an https:// address, got "http://auth.example"',
    );
    expect(() => cmsBackend({ KIOSQUE_CMS_APP_ID: 'abc' })).toThrow('KIOSQUE_CMS_APP_ID: only GitLab');
  });
});
