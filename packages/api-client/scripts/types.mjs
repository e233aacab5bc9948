// The one way types are made from the OpenAPI document, shared by `generate` and the freshness test.
import openapiTS, { astToString } from 'openapi-typescript';

const HEADER =
  '// Generated from openapi.json by scripts/generate.mjs (pnpm --filter @hhs-mentoring/api-client generate). Do not edit.\n\n';

/** @param {object} document the OpenAPI document */
export async function typesFor(document) {
  const ast = await openapiTS(document, { alphabetize: false });
  return HEADER + astToString(ast);
}
