import { Type } from '@sinclair/typebox';

export const Slug = Type.String({ pattern: '^[a-z0-9-]{1,80}$' });
export const ContentPageSummarySchema = Type.Object(
  {
    slug: Type.String(),
    title: Type.String(),
    version: Type.Integer(),
    publishedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'ContentPageSummary' },
);
export const ContentPageSchema = Type.Object(
  {
    slug: Type.String(),
    title: Type.String(),
    version: Type.Integer(),
    publishedAt: Type.String({ format: 'date-time' }),
    markdown: Type.String({ description: 'Markdown; render it without raw HTML' }),
  },
  { $id: 'ContentPage' },
);
const versionFields = {
  version: Type.Integer(),
  title: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  authorName: Type.Union([Type.String(), Type.Null()], { description: 'Null for the seeded first version' }),
  createdAt: Type.String({ format: 'date-time' }),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Null while a draft',
  }),
};
export const ContentVersionSummarySchema = Type.Object(versionFields, { $id: 'ContentVersionSummary' });
export const ContentVersionSchema = Type.Object(
  { ...versionFields, slug: Type.String(), markdown: Type.String() },
  { $id: 'ContentVersion' },
);
export const ContentVersionListSchema = Type.Object({
  slug: Type.String(),
  currentVersion: Type.Union([Type.Integer(), Type.Null()]),
  items: Type.Array(Type.Ref('ContentVersionSummary')),
});
export const NewContentVersionSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    markdown: Type.String({ minLength: 1, maxLength: 100_000 }),
    note: Type.Optional(Type.String({ maxLength: 500, description: 'What changed, for the history' })),
    publish: Type.Boolean({ description: 'Publish at once, or keep as a draft' }),
  },
  { additionalProperties: false },
);
export const ContentSectionSchema = Type.Object(
  {
    slug: Type.String(),
    version: Type.Integer(),
    id: Type.String(),
    heading: Type.String(),
    markdown: Type.String(),
    items: Type.Array(Type.String(), { description: 'The list items directly in the section, as Markdown' }),
  },
  { $id: 'ContentSection' },
);
export const GuidanceSchema = Type.Object(
  {
    reflectionPrompts: Type.Ref('ContentSection'),
    questionsForProspectiveMentor: Type.Ref('ContentSection'),
    agreementTopics: Type.Ref('ContentSection'),
  },
  { $id: 'Guidance' },
);
