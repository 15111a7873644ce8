import { ParseUUIDPipe } from '@nestjs/common';
import { notFound } from '@academy/platform';

/** An id that is not a UUID names nothing: 404, the same as an unknown one. */
export const uuidParam = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => notFound(what) });
