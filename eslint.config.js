// Lint that keeps the layering of the code true (see README, "Architecture").
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Imports a layer may never make, with the reason a person reads in the lint error. */
const forbid = (groups) => ({
  'no-restricted-imports': [
    'error',
    {
      // Node built-ins by exact name (a pattern would also catch a local './events').
      paths: groups.filter((g) => g === noNode).flatMap((g) => g.group.map((name) => ({ name, message: g.message }))),
      patterns: groups.filter((g) => g !== noNode),
    },
  ],
});

const noNode = { group: nodeBuiltins, message: 'Node is not available in this layer.' };
const noElectron = { group: ['electron', 'electron/*'], message: 'Electron belongs to src/main and src/preload only.' };
const noDockerode = {
  group: ['dockerode', 'docker-modem'],
  message:
    'Only src/main/engine/connection imports dockerode (its EngineClient); the engine, dashboard, isolation and backends call the engine through that client.',
};
const noMain = { group: ['**/main/**', '**/main'], message: 'This layer may not import the main process.' };
const noRenderer = { group: ['**/renderer/**', '**/renderer'], message: 'The renderer is imported by nobody.' };
const noPreload = { group: ['**/preload/**', '**/preload'], message: 'The preload is imported by nobody.' };
const noReact = { group: ['react', 'react-dom', 'react-dom/*', 'zustand'], message: 'UI libraries belong to src/renderer.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/shared/**'], rules: forbid([noNode, noElectron, noDockerode, noMain, noRenderer, noPreload, noReact]) },
  { files: ['src/renderer/**'], rules: forbid([noNode, noElectron, noDockerode, noMain, noPreload]) },
  { files: ['src/preload/**'], rules: forbid([noNode, noDockerode, noMain, noRenderer, noReact]) },
  { files: ['src/main/**'], ignores: ['src/main/engine/**'], rules: forbid([noDockerode, noRenderer, noPreload, noReact]) },
  // The engine never needs Electron; within it, only the connection holds dockerode.
  { files: ['src/main/engine/**'], ignores: ['src/main/engine/connection/**'], rules: forbid([noDockerode, noRenderer, noPreload, noReact, noElectron]) },
  { files: ['src/main/engine/connection/**'], rules: forbid([noRenderer, noPreload, noReact, noElectron]) },
  {
    files: ['src/renderer/**/*.tsx'],
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: '19' } },
    rules: {
      // Every user-facing string comes from src/renderer/i18n.
      'react/jsx-no-literals': ['error', { noStrings: true, ignoreProps: true, allowedStrings: ['·', '—', '/', ':', '×', '…', '(', ')'] }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
