import { publicUrlProblem } from './public-url';

describe('publicUrlProblem', () => {
  it('says so when PUBLIC_URL is unset and the QR codes would point at localhost', () => {
    const problem = publicUrlProblem('http://localhost:3002', {});
    expect(problem).toContain('PUBLIC_URL is not set (so http://localhost:3002)');
    expect(problem).toContain('phone cannot open');
  });

  it('says so when PUBLIC_URL is set to a loopback address', () => {
    expect(publicUrlProblem('http://127.0.0.1:3000', { PUBLIC_URL: 'http://127.0.0.1:3000' })).toContain(
      'PUBLIC_URL is http://127.0.0.1:3000',
    );
  });

  it('is quiet for an address people can reach, and in test runs', () => {
    expect(
      publicUrlProblem('https://academie.example.nl', { PUBLIC_URL: 'https://academie.example.nl' }),
    ).toBeNull();
    expect(publicUrlProblem('http://localhost:3002', { NODE_ENV: 'test' })).toBeNull();
  });
});
