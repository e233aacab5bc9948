import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Development logs a newcomer can read (issue 20): pino-pretty on one line per entry, written synchronously so the
 * start-up banner printed after it stays last. pino-pretty is a development dependency, so it is loaded only here.
 */
export async function developmentLogger(
  destination?: NodeJS.WritableStream,
): Promise<{ stream: NodeJS.WritableStream }> {
  const { default: pretty } = await import('pino-pretty');
  return {
    stream: pretty({
      sync: true,
      singleLine: true,
      ignore: 'pid,hostname',
      translateTime: 'SYS:HH:MM:ss',
      ...(destination ? { destination } : {}),
    }),
  };
}

/** One line per request, "GET /api/v1/me 200 12 ms", with the request id in its fields (STYLE.md), instead of two. */
export class OneLinePerRequest extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = `${request.method} ${request.url.split('?')[0]} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`;
    if (error) reply.log.error({ err: error }, line);
    else reply.log.info(line);
  }
}
