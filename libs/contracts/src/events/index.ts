import { USER_ERASED_V1 } from './identity/user-erased.v1';
import { USER_REGISTERED_V1 } from './identity/user-registered.v1';
import { USER_UPDATED_V1 } from './identity/user-updated.v1';

export * from './identity/user-erased.v1';
export * from './identity/user-registered.v1';
export * from './identity/user-snapshot';
export * from './identity/user-updated.v1';

/** Every event of the academy; a name here is a promise to consumers. */
export const EVENTS = [USER_REGISTERED_V1, USER_UPDATED_V1, USER_ERASED_V1] as const;

export type KnownEvent = (typeof EVENTS)[number];
export type EventType = KnownEvent['type'];

export function eventDefinition(type: string): KnownEvent | undefined {
  return EVENTS.find((definition) => definition.type === type);
}
