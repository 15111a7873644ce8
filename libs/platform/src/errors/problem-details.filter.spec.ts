import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError, ERROR_STATUS, type ErrorCode } from './domain-error';
import { ProblemDetailsFilter } from './problem-details.filter';

const request = { url: '/api/things?page=2', id: 'req-1234' } as unknown as FastifyRequest;
const filter = new ProblemDetailsFilter();

describe('ProblemDetailsFilter', () => {
  it.each(Object.entries(ERROR_STATUS) as Array<[ErrorCode, number]>)('maps %s to %i', (code, status) => {
    const problem = filter.toProblem(new DomainError(code, 'Explained for people.'), request);
    expect(problem).toMatchObject({ status, code, detail: 'Explained for people.', instance: '/api/things' });
    expect(problem.type).toContain(code.replace(/\./g, '/'));
  });

  it('carries field errors', () => {
    const errors = [{ field: 'email', messages: ['email must be an email'] }];
    const problem = filter.toProblem(
      new DomainError('validation.failed', 'Some fields are not valid.', { errors }),
      request,
    );
    expect(problem.errors).toEqual(errors);
  });

  it('turns a duplicate key on MariaDB or SQLite into 409', () => {
    for (const code of ['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE']) {
      const error = new QueryFailedError('INSERT …', [], Object.assign(new Error('dup'), { code }));
      expect(filter.toProblem(error, request).status).toBe(409);
    }
  });

  it('answers Nest and Fastify client errors with their status', () => {
    expect(filter.toProblem(new NotFoundException(), request).status).toBe(404);
    expect(filter.toProblem(new BadRequestException('nope'), request)).toMatchObject({
      status: 400,
      detail: 'nope',
    });
    expect(filter.toProblem(new ThrottlerException(), request).status).toBe(429);
    expect(filter.toProblem(Object.assign(new Error('too big'), { statusCode: 413 }), request).status).toBe(
      413,
    );
  });

  it('hides the internals of anything unknown behind a 500 with a reference', () => {
    const problem = filter.toProblem(new Error('secret table users_x exploded'), request);
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('secret');
    expect(problem.detail).toContain('req-1234');
    expect(problem.requestId).toBe('req-1234');
  });
});
