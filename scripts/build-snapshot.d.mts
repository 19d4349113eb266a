// Types of scripts/build-snapshot.mjs (plain JavaScript: tests/e2e/support/serve.mjs runs it under node).
export const BUILD_SNAPSHOT_DIR: string;
export function sourceTreeId(root: string): string | null;
export function copyBuild(source: string, target: string): void;
export function snapshotBuild(root: string, distDir: string, snapshotDir: string, treeId: string | null): boolean;
export function snapshotMatches(root: string, snapshotDir: string): boolean;
