import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { LookupBatcher } from '../auth/lookup-batcher';
import { IDENTITY } from '../identity.constants';
import { User } from './user.entity';

export type UserChanges = Partial<
  Pick<User, 'displayName' | 'locale' | 'admin' | 'disabled' | 'passwordHash' | 'updatedAt'>
>;

type SessionState = Pick<User, 'id' | 'sessionVersion' | 'disabled'>;

@Injectable()
export class UsersRepository {
  private readonly sessionStates: LookupBatcher<string, SessionState | null>;

  constructor(@InjectRepository(User, IDENTITY) private readonly repository: Repository<User>) {
    this.sessionStates = new LookupBatcher<string, SessionState | null>(async (ids) => {
      const rows = await this.repository.find({
        where: { id: In(ids) },
        select: { id: true, sessionVersion: true, disabled: true },
      });
      return new Map(rows.map((row): [string, SessionState] => [row.id, row]));
    }, null);
  }

  private repo(manager?: EntityManager): Repository<User> {
    return manager ? manager.getRepository(User) : this.repository;
  }

  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** `email` must already be normalised (trimmed, lower-cased). */
  findByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOneBy({ email });
  }

  emailExists(email: string, manager?: EntityManager): Promise<boolean> {
    return this.repo(manager).existsBy({ email });
  }

  /**
   * Only what the session check needs, so the hot path reads two small columns; the checks of the requests
   * that arrive together share one query.
   */
  sessionState(id: string): Promise<SessionState | null> {
    return this.sessionStates.load(id);
  }

  async insert(user: User, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(user);
  }

  async update(id: string, changes: UserChanges, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, changes);
  }

  async bumpSessionVersion(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).increment({ id }, 'sessionVersion', 1);
  }

  async delete(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }

  count(manager?: EntityManager): Promise<number> {
    return this.repo(manager).count();
  }

  countAdmins(manager?: EntityManager): Promise<number> {
    return this.repo(manager).countBy({ admin: true, disabled: false });
  }
}
