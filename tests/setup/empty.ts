// Stand-in for the `server-only` package in Vitest: the real one throws outside a React Server
// Components bundle, which would stop tests from importing lib/ modules marked server-only.
export {};
