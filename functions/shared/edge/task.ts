import middy from '@middy/core';
import type * as z from 'zod';
import { parseOrThrow } from '../../../domain/validation.ts';
import { correlate, correlationIdOf, structuredLogs } from '../observe/log.ts';

/**
 * A Step Functions task: its input is validated by the schema at the edge, like an HTTP body.
 * A ValidationError fails the state with that name, which no Retry matches.
 */
export function taskHandler<Input, Output>(schema: z.ZodType<Input>, run: (input: Input) => Promise<Output>) {
  return middy(async (event: unknown) => {
    correlate(correlationIdOf(event));
    return run(parseOrThrow(schema, event));
  }).use(structuredLogs());
}
