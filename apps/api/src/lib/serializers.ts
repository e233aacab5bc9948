import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type Factory = ReturnType<typeof SerializerSelector>;

/**
 * Fastify's default response-serializer factory, with each compiled serializer shared by every route whose response
 * schema is the same. Fastify compiles one serializer per route and status, and fast-json-stringify re-checks every
 * shared schema on each compile: most of the ~150 operations answer 400, 401, 403, 404 and 409 with the same
 * problem+json schema, so without sharing, start-up spent about 1.5 s compiling the same serializers hundreds of times
 * (every test file pays it too). The cache lives per encapsulation context (per set of shared schemas), so a schema
 * is never compiled against the wrong set.
 */
export function sharedSerializers(): Factory {
  const base = SerializerSelector();
  return (externalSchemas, serializerOptions) => {
    const compile = base(externalSchemas, serializerOptions);
    const compiled = new Map<string, ReturnType<typeof compile>>();
    return (route) => {
      const key = JSON.stringify(route.schema);
      let serializer = compiled.get(key);
      if (!serializer) {
        serializer = compile(route);
        compiled.set(key, serializer);
      }
      return serializer;
    };
  };
}
