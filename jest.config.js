/** Three projects: unit (beside the code), int (real SQLite, MariaDB, Redis), e2e (a booted app over HTTP). */
const moduleNameMapper = {
  '^@academy/(platform|contracts|messaging|identity|web|catalogue|enrolment|notification)$':
    '<rootDir>/libs/$1/src',
  '^@academy/(platform|contracts|messaging|identity|web|catalogue|enrolment|notification)/(.*)$':
    '<rootDir>/libs/$1/src/$2',
};
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
};
module.exports = {
  testTimeout: 60000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['**/*.int-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['**/*.e2e-spec.ts'] },
  ],
};
