/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: false }] },
  testMatch: ['**/*.test.ts'],
  reporters: ['default', '<rootDir>/tests/helpers/stuck-reporter.js'],
};
