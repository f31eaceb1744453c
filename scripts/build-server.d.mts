/** Types of build-server.mjs for the TypeScript that imports it (the bench, the tests). */
export function buildServer(options?: { outDir?: string; ifStale?: boolean }): Promise<boolean>;
