import { z } from 'astro/zod';
import { CMS_LABELS } from './cms-labels.ts';
import { TIME_ZONE } from './dates.ts';
import { frenchSpacing, typeset } from './typography.ts';

/**
 * The configuration of the administration interface (Sveltia CMS, `/admin/`), generated from
 * the content schemas so that it cannot drift from them: one collection per collection of
 * `src/content.config.ts` that editors write, one field per schema field, with the schema's
 * type and requirement. The French words come from `CMS_LABELS`.
 */

/** A field of the configuration, as Sveltia CMS reads it. */
export type CmsField = {
  name: string;
  label: string;
  widget: string;
  required: boolean;
  hint?: string;
  fields?: CmsField[];
} & Record<string, unknown>;

/** A schema field the generator has no input for: the build stops rather than guess one. */
export class CmsConfigError extends Error {}

/**
 * What `image()` gives in the schemas the CMS reads (`SchemaContext`): a path, marked so that
 * it becomes an image picker. Astro's own `image()` only exists inside its loader.
 */
export const cmsImage = () => z.string().meta({ contentMediaType: 'image/*' });

/** What the relation's picker shows and searches in each collection a field can refer to. */
const DISPLAY_FIELD: Record<string, string> = { articles: 'title', sections: 'name', authors: 'name', pages: 'title' };

const PROBE = 'kiosque-cms-probe';

/**
 * The collection a `reference()` field points to. Astro keeps it out of sight, in the
 * transform that turns a slug into `{ id, collection }`, so the field is asked.
 */
function referencedCollection(schema: z.ZodType): string | undefined {
  const result = schema.safeParse(PROBE);
  if (!result.success) return undefined;
  const data = result.data as { id?: unknown; collection?: unknown } | null;
  return data?.id === PROBE && typeof data.collection === 'string' ? data.collection : undefined;
}

const metaOf = (schema: z.ZodType) => z.globalRegistry.get(schema) ?? {};

/** The field without its `optional`, `default` and `nullable` wrappers, and what they said. */
function unwrap(schema: z.ZodType): { core: z.ZodType; required: boolean; defaultValue?: unknown } {
  let core = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    if (core instanceof z.ZodOptional || core instanceof z.ZodNullable) {
      if (core instanceof z.ZodOptional) required = false;
      core = core.unwrap() as z.ZodType;
    } else if (core instanceof z.ZodDefault) {
      required = false;
      defaultValue = core.def.defaultValue;
      core = core.unwrap() as z.ZodType;
    } else return { core, required, defaultValue };
  }
}

function relation(collection: string, path: string): Record<string, unknown> {
  const display = DISPLAY_FIELD[collection];
  if (display === undefined)
    throw new CmsConfigError(`${path}: no field to show for a reference to "${collection}" (DISPLAY_FIELD)`);
  return {
    widget: 'relation',
    collection,
    value_field: '{{slug}}',
    display_fields: [display],
    search_fields: [display],
  };
}

/** What the editor sees of one field, in French. */
function words(path: string, name: string): Pick<CmsField, 'label' | 'hint'> {
  const entry = CMS_LABELS[path];
  return {
    label: typeset(entry?.label ?? name),
    ...(entry?.hint === undefined ? {} : { hint: typeset(entry.hint) }),
  };
}

/**
 * The input for one schema field. A type with no input here (a record, a union of shapes) is
 * an error naming the field: a guess could write what the schema then refuses.
 */
function widgetFor(core: z.ZodType, path: string, context: FieldContext): Record<string, unknown> {
  if (metaOf(core).format === 'date-time')
    // Picked in Paris time, and written in ISO 8601 with the Paris offset, as the guide asks
    // (2026-11-28T17:05:00+01:00). A custom `format` would be read back wrong: with one,
    // Sveltia CMS 0.221 showed 17:35 on 10 November as 02:35 on 25 October.
    return { widget: 'datetime', input_timezone: TIME_ZONE };
  if (core instanceof z.ZodString) {
    if (metaOf(core).contentMediaType === 'image/*') return { widget: 'image', choose_url: false };
    return { widget: CMS_LABELS[path]?.long ? 'text' : 'string' };
  }
  if (core instanceof z.ZodNumber) {
    return {
      widget: 'number',
      // `.int()` and its kin (`safeint`, `int32`, `uint32`) name an integer format.
      value_type: core.format?.includes('int') ? 'int' : 'float',
      ...(Number.isFinite(core.minValue) ? { min: core.minValue } : {}),
      ...(Number.isFinite(core.maxValue) && (core.maxValue ?? 0) < Number.MAX_SAFE_INTEGER
        ? { max: core.maxValue }
        : {}),
    };
  }
  if (core instanceof z.ZodBoolean) return { widget: 'boolean' };
  if (core instanceof z.ZodEnum) {
    const labels = CMS_LABELS[path]?.options ?? {};
    return {
      widget: 'select',
      options: core.options.map((value) => ({ value, label: typeset(labels[String(value)] ?? String(value)) })),
    };
  }
  if (core instanceof z.ZodObject) return { widget: 'object', fields: fieldsOf(core, path, context) };
  if (core instanceof z.ZodArray) {
    const element = unwrap(core.element as z.ZodType).core;
    const target = referencedCollection(element);
    if (target !== undefined) return { ...relation(target, path), multiple: true };
    if (element instanceof z.ZodString) {
      const suggestions = context.suggestions[path] ?? [];
      return {
        widget: 'list',
        ...(suggestions.length > 0
          ? { hint: typeset(`Séparés par des virgules. Les plus employés : ${suggestions.join(', ')}.`) }
          : {}),
      };
    }
    if (element instanceof z.ZodObject) return { widget: 'list', fields: fieldsOf(element, path, context) };
    throw new CmsConfigError(`${path}: no CMS input for a list of ${element.def.type}`);
  }
  const target = referencedCollection(core);
  if (target !== undefined) return relation(target, path);
  throw new CmsConfigError(`${path}: no CMS input for a ${core.def.type} field`);
}

interface FieldContext {
  /** Values to suggest in a free list's help line (the most used tags), by field path. */
  suggestions: Record<string, readonly string[]>;
}

/** The CMS fields of an object schema, in the schema's order; `path` names the object (`articles`, `articles.image`). */
export function fieldsOf(schema: z.ZodObject, path: string, context: FieldContext = { suggestions: {} }): CmsField[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldPath = `${path}.${name}`;
    const { core, required, defaultValue } = unwrap(field as z.ZodType);
    const widget = widgetFor(core, fieldPath, context);
    return {
      name,
      ...words(fieldPath, name),
      ...widget,
      required,
      ...(defaultValue === undefined || (Array.isArray(defaultValue) && defaultValue.length === 0)
        ? {}
        : { default: defaultValue }),
    } as CmsField;
  });
}

/** Where the administration interface reads and writes: a GitHub or GitLab repository. */
export interface CmsBackend {
  name: 'github' | 'gitlab';
  repo: string;
  branch: string;
  /** The OAuth client's origin (Sveltia CMS Authenticator, or GitLab itself). */
  base_url?: string;
  /** A self-hosted GitLab's or GitHub Enterprise's API. */
  api_root?: string;
  /** GitLab's OAuth application, for sign-in without a client secret (PKCE). */
  app_id?: string;
  auth_type?: 'pkce';
}

/** Used when `KIOSQUE_CMS_REPO` is not set: only the local folder workflow of `astro dev` works then. */
const PLACEHOLDER_REPO = 'redaction/kiosque';

/**
 * The backend from the build's environment (docs/deployment.md, « The administration
 * interface »). A bad value stops the build with the variable's name.
 */
export function cmsBackend(env: Record<string, string | undefined>): CmsBackend {
  const name = env['KIOSQUE_CMS_BACKEND'] || 'github';
  if (name !== 'github' && name !== 'gitlab')
    throw new CmsConfigError(`KIOSQUE_CMS_BACKEND: expected github or gitlab, got "${name}"`);
  const repo = env['KIOSQUE_CMS_REPO'] || PLACEHOLDER_REPO;
  if (!/^[\w.-]+(?:\/[\w.-]+)+$/.test(repo))
    throw new CmsConfigError(`KIOSQUE_CMS_REPO: expected owner/name (group/subgroup/name on GitLab), got "${repo}"`);
  if (name === 'github' && repo.split('/').length !== 2)
    throw new CmsConfigError(`KIOSQUE_CMS_REPO: a GitHub repository is owner/name, got "${repo}"`);
  const backend: CmsBackend = { name, repo, branch: env['KIOSQUE_CMS_BRANCH'] || 'main' };
  for (const [variable, key] of [
    ['KIOSQUE_CMS_AUTH_URL', 'base_url'],
    ['KIOSQUE_CMS_API_ROOT', 'api_root'],
  ] as const) {
    const value = env[variable];
    if (!value) continue;
    if (!URL.canParse(value) || !value.startsWith('https://'))
      throw new CmsConfigError(`${variable}: expected an https:// address, got "${value}"`);
    backend[key] = value.replace(/\/+$/, '');
  }
  const appId = env['KIOSQUE_CMS_APP_ID'];
  if (appId) {
    if (name !== 'gitlab')
      throw new CmsConfigError(
        'KIOSQUE_CMS_APP_ID: only GitLab signs in with an application id; GitHub needs KIOSQUE_CMS_AUTH_URL',
      );
    backend.app_id = appId;
    backend.auth_type = 'pkce';
  }
  return backend;
}

/** The schemas of the collections the CMS edits, as `src/content.config.ts` names them. */
export interface CmsSchemas {
  articles: z.ZodObject;
  pages: z.ZodObject;
  sections: z.ZodObject;
  authors: z.ZodObject;
  front: z.ZodObject;
  picks: z.ZodObject;
}

/**
 * Collections the CMS leaves out, and why. Reader comments arrive through the comment service
 * and are decided with `npm run moderate`, which keeps the moderation rules (a rejection
 * carries its reason, a barred pseudonym stays barred); a form that edits their files would
 * go around them. A live's messages are one folder per live, which the CMS cannot choose per entry.
 */
export const LEFT_OUT = {
  comments: 'moderated with npm run moderate (docs/comments.md)',
  live: 'a live message lives in the folder of its live (content/live/<slug>/), and a folder collection of the CMS writes all its entries in one folder: messages are files in git for now',
} as const;

interface CmsOptions {
  schemas: CmsSchemas;
  backend: CmsBackend;
  /** The content folder, relative to the repository's root (`content`, `KIOSQUE_CONTENT_DIR`). */
  contentDir: string;
  /** The site's name, on the sign-in page and the browser's tab. */
  siteName: string;
  /** The production address, for the « Voir le site » links. */
  siteUrl: string;
  /** The archive's tags, most used first: the first ones are suggested beside the tags field. */
  tags: readonly string[];
}

/** How many of the most used tags the tags field suggests. */
const SUGGESTED_TAGS = 20;

/** Sveltia CMS's configuration (`/admin/config.yml`), as an object to write as YAML. */
export function cmsConfig(options: CmsOptions): Record<string, unknown> {
  const { schemas, contentDir } = options;
  const dir = contentDir.replace(/^\.\//, '').replace(/\/+$/, '');
  const context: FieldContext = { suggestions: { 'articles.tags': options.tags.slice(0, SUGGESTED_TAGS) } };
  const body = (hint: string): CmsField => ({
    name: 'body',
    label: 'Texte',
    widget: 'markdown',
    required: true,
    hint: frenchSpacing(hint),
    // Markdown as typed first: the rich-text editor may rewrite what it does not know, such
    // as the `::lire-aussi{article="…"}` directive.
    modes: ['raw', 'rich_text'],
  });
  // Pictures sit beside the files that show them (`./images/velo.jpg`), as Astro's image() reads them.
  const pictures = { media_folder: 'images', public_folder: './images' };
  return {
    backend: options.backend,
    app_title: `${options.siteName} · administration`,
    logo: { src: '/favicon.svg' },
    // « Voir sur le site » opens an entry's page, at the addresses src/pages/ gives them.
    site_url: options.siteUrl,
    show_preview_links: true,
    // Sveltia CMS requires one; every collection with pictures has its own.
    media_folder: `${dir}/articles/images`,
    public_folder: '/images',
    // File names are addresses: lower case, no accents, single hyphens, 80 characters at most.
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-', maxlength: 80 },
    // An optional field left empty is left out, not written `kicker: ''`, which the schema refuses.
    output: { omit_empty_optional_fields: true },
    collections: [
      {
        name: 'articles',
        label: 'Articles',
        label_singular: 'Article',
        folder: `${dir}/articles`,
        extension: 'md',
        format: 'yaml-frontmatter',
        identifier_field: 'title',
        slug: '{{title}}',
        summary: '{{title}}',
        preview_path: '{{fields.section}}/{{slug}}/',
        sortable_fields: {
          fields: ['publishedAt', 'title'],
          default: { field: 'publishedAt', direction: 'descending' },
        },
        ...pictures,
        fields: [
          ...fieldsOf(schemas.articles, 'articles', context),
          body(
            'En Markdown. Une ligne ::lire-aussi{article="adresse"} cite un autre article ; ::newsletter place la lettre de la rubrique.',
          ),
        ],
      },
      {
        name: 'pages',
        label: 'Pages du site',
        label_singular: 'Page',
        folder: `${dir}/pages`,
        extension: 'md',
        format: 'yaml-frontmatter',
        identifier_field: 'title',
        slug: '{{title}}',
        preview_path: 'infos/{{slug}}/',
        fields: [...fieldsOf(schemas.pages, 'pages', context), body('En Markdown.')],
      },
      {
        name: 'sections',
        label: 'Rubriques',
        label_singular: 'Rubrique',
        folder: `${dir}/sections`,
        extension: 'yaml',
        format: 'yaml',
        identifier_field: 'name',
        slug: '{{name}}',
        preview_path: '{{slug}}/',
        sortable_fields: ['order', 'name'],
        fields: fieldsOf(schemas.sections, 'sections', context),
      },
      {
        name: 'authors',
        label: 'Auteurs',
        label_singular: 'Auteur',
        folder: `${dir}/authors`,
        extension: 'yaml',
        format: 'yaml',
        identifier_field: 'name',
        slug: '{{name}}',
        preview_path: 'auteurs/{{slug}}/',
        ...pictures,
        fields: fieldsOf(schemas.authors, 'authors', context),
      },
      {
        name: 'fronts',
        label: 'Mise en avant',
        files: [
          {
            name: 'une',
            label: 'À la une',
            file: `${dir}/une.yaml`,
            format: 'yaml',
            // The file loader reads one entry per top-level key: « À la une » is the entry `une`.
            fields: [
              {
                name: 'une',
                label: 'À la une',
                widget: 'object',
                required: true,
                fields: fieldsOf(schemas.front, 'front', context),
              },
            ],
          },
          {
            name: 'picks',
            label: 'À ne pas manquer',
            file: `${dir}/picks.yaml`,
            format: 'yaml',
            fields: [
              {
                name: 'picks',
                label: 'À ne pas manquer',
                label_singular: 'Article',
                widget: 'list',
                // The file is a list at its top level, one entry per item, named by its `id`.
                root: true,
                required: true,
                summary: '{{fields.article}}',
                fields: [
                  { name: 'id', label: 'Identifiant', widget: 'uuid', prefix: 'pick-', required: true },
                  ...fieldsOf(schemas.picks, 'picks', context),
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}
