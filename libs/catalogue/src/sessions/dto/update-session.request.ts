import { PartialType } from '@nestjs/swagger';
import { CreateSessionRequest } from './create-session.request';

/**
 * Only the fields given change. `meetings`, when given, is the whole new list: meetings with an `id` are kept
 * (and may move), those without are added, the ones left out are removed.
 */
export class UpdateSessionRequest extends PartialType(CreateSessionRequest) {}
