import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../../lib/responses.js';
import { userActor } from '../../../plugins/external/auth.js';
import { ContentVersionListSchema, NewContentVersionSchema, Slug } from '../../../schemas/content.js';
import { auditContext } from '../../http/audit-context.js';
import {
  createVersion,
  getVersion,
  guidance,
  listPages,
  listVersions,
  publishedPage,
  publishedSection,
  publishVersion,
} from '../../../services/content/content.js';

const SlugParams = Type.Object({ slug: Slug }, { additionalProperties: false });
const VersionParams = Type.Object(
  { slug: Slug, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
const tags = ['content'];

/** R-CONTENT-1..3: the program's own pages, readable without signing in; the program manager edits them. */
const content: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/content',
    {
      schema: {
        tags,
        summary: "The program's pages (public)",
        security: [],
        response: { 200: Type.Array(Type.Ref('ContentPageSummary')) },
      },
    },
    async () => listPages(app.db),
  );
  app.get(
    '/content/:slug',
    {
      schema: {
        tags,
        summary: 'A page as published now (public)',
        security: [],
        params: SlugParams,
        response: responses({ 200: Type.Ref('ContentPage') }, [404]),
      },
    },
    async (request) => publishedPage(app.db, request.params.slug),
  );
  app.get(
    '/content/:slug/sections/:sectionId',
    {
      schema: {
        tags,
        summary: 'One section of a published page, found by its heading anchor (public, R-CONTENT-3)',
        security: [],
        params: Type.Object(
          { slug: Slug, sectionId: Type.String({ pattern: '^[\\p{L}\\p{N}-]{1,120}$' }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Ref('ContentSection') }, [404]),
      },
    },
    async (request) => publishedSection(app.db, request.params.slug, request.params.sectionId),
  );
  app.get(
    '/guidance',
    {
      schema: {
        tags,
        summary:
          'The guidance other screens show: reflection prompts, questions for a prospective mentor, agreement topics (R-CONTENT-3)',
        security: [],
        response: responses({ 200: Type.Ref('Guidance') }, [404]),
      },
    },
    async () => guidance(app.db),
  );

  app.get(
    '/content/:slug/versions',
    {
      onRequest: app.guards.programManager,
      schema: {
        tags,
        summary: "A page's history, drafts included (program manager)",
        params: SlugParams,
        response: responses({ 200: ContentVersionListSchema }, [403, 404]),
      },
    },
    async (request) => listVersions(app.db, request.params.slug),
  );
  app.get(
    '/content/:slug/versions/:version',
    {
      onRequest: app.guards.programManager,
      schema: {
        tags,
        summary: 'One version of a page (program manager)',
        params: VersionParams,
        response: responses({ 200: Type.Ref('ContentVersion') }, [403, 404]),
      },
    },
    async (request) => getVersion(app.db, request.params.slug, request.params.version),
  );
  app.post(
    '/content/:slug/versions',
    {
      onRequest: app.guards.programManager,
      schema: {
        tags,
        summary: 'Save a new version of a page, as a draft or published at once (program manager)',
        params: SlugParams,
        body: NewContentVersionSchema,
        response: responses({ 201: Type.Ref('ContentVersion') }, [403, 404, 422]),
      },
    },
    async (request, reply) => {
      const saved = await createVersion(
        app.db,
        userActor(request),
        request.params.slug,
        request.body,
        auditContext(request),
      );
      return reply.status(201).send(saved);
    },
  );
  app.post(
    '/content/:slug/versions/:version/publish',
    {
      onRequest: app.guards.programManager,
      schema: {
        tags,
        summary: 'Publish a draft (program manager)',
        params: VersionParams,
        response: responses({ 200: Type.Ref('ContentVersion') }, [403, 404, 409, 422]),
      },
    },
    async (request) =>
      publishVersion(app.db, request.params.slug, request.params.version, auditContext(request)),
  );
};
export default content;
