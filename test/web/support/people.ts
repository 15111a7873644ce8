import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer } from '../../support/apps';

/** The password of every member these helpers make. */
export const MEMBER_PASSWORD = 'in it doarpshûs is altyd kofje';

export interface NewMember {
  email: string;
  password: string;
  userId: string;
  name: string;
}

/** An access token, through the real login. */
export async function loginToken(
  app: NestFastifyApplication,
  email: string,
  password: string,
): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  return res.json<{ accessToken: string }>().accessToken;
}

/** A new organisation, made by an administrator through the API. */
export async function newOrganisation(app: NestFastifyApplication, adminToken: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/organisations',
    headers: bearer(adminToken),
    payload: { name: `Doarpshûs ${randomUUID().slice(0, 8)}` },
  });
  if (res.statusCode !== 201) throw new Error(`organisation: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A new person with one membership, made by an administrator through the API. */
export async function newMember(
  app: NestFastifyApplication,
  adminToken: string,
  organisationId: string,
  role: 'volunteer' | 'coordinator',
  name: string,
): Promise<NewMember> {
  const email = `${role}-${randomUUID().slice(0, 8)}@academie.test`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: bearer(adminToken),
    payload: { email, password: MEMBER_PASSWORD, displayName: name, memberships: [{ organisationId, role }] },
  });
  if (res.statusCode !== 201) throw new Error(`member ${email}: ${res.statusCode} ${res.body}`);
  return { email, password: MEMBER_PASSWORD, userId: res.json<{ id: string }>().id, name };
}
