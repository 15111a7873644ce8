import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, LessThan, type Repository } from 'typeorm';
import { IDENTITY } from '../identity.constants';
import { LookupBatcher } from './lookup-batcher';
import { RefreshToken } from './refresh-token.entity';

@Injectable()
export class RefreshTokensRepository {
  private readonly revokedFamilies: LookupBatcher<string, boolean>;

  constructor(
    @InjectRepository(RefreshToken, IDENTITY) private readonly repository: Repository<RefreshToken>,
  ) {
    this.revokedFamilies = new LookupBatcher(async (familyIds) => {
      const rows = await this.repository
        .createQueryBuilder('t')
        .select('DISTINCT t.family_id', 'familyId')
        .where('t.family_id IN (:...familyIds)', { familyIds })
        .andWhere('t.revoked_at IS NOT NULL')
        .getRawMany<{ familyId: string }>();
      return new Map(rows.map((row) => [row.familyId, true]));
    }, false);
  }

  private repo(manager?: EntityManager): Repository<RefreshToken> {
    return manager ? manager.getRepository(RefreshToken) : this.repository;
  }

  async insert(token: RefreshToken, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(token);
  }

  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.repository.findOneBy({ tokenHash });
  }

  /**
   * Marks the token spent only if it still is neither spent nor revoked. Of two concurrent exchanges of one
   * token exactly one gets `true`; the other is reuse.
   */
  async markUsed(id: string, at: Date, manager?: EntityManager): Promise<boolean> {
    const result = await this.repo(manager).update(
      { id, usedAt: IsNull(), revokedAt: IsNull() },
      { usedAt: at },
    );
    return result.affected === 1;
  }

  async revokeFamily(familyId: string, at: Date, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ familyId, revokedAt: IsNull() }, { revokedAt: at });
  }

  async revokeAllForUser(userId: string, at: Date, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ userId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Whether the session (token family) was ended; the checks of requests that arrive together share a query. */
  familyRevoked(familyId: string): Promise<boolean> {
    return this.revokedFamilies.load(familyId);
  }

  async deleteForUser(userId: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete({ userId });
  }

  /** Housekeeping: tokens past their expiry are of no use to anyone. */
  async deleteExpiredBefore(at: Date): Promise<number> {
    const result = await this.repository.delete({ expiresAt: LessThan(at) });
    return result.affected ?? 0;
  }
}
