// One `next build` for the e2e run and the cluster test of the same `npm test` (CI time).
// The e2e server writes into its build folder while it runs (pages it renders and caches, data it caches), so the
// e2e run keeps a copy of what `next build` made, before starting the server, stamped with the source tree it was
// built from. The cluster test uses that copy only when the stamp equals the tree it runs in; otherwise it builds.
// The build itself holds nothing of a database: the only pages rendered at build time are /offline and the error
// pages (every catalog page lists no static params and is rendered on first request).
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const STAMP = "SOURCE_TREE";
/** Where tests/e2e/support/serve.mjs keeps the copy (gitignored like every .next-* folder). */
export const BUILD_SNAPSHOT_DIR = ".next-build-snapshot";

/**
 * A fingerprint of the sources as they are in the working tree: HEAD, the uncommitted changes to tracked files,
 * and the untracked files git does not ignore (name and content). Writes nothing to the repository. Null outside
 * a git checkout (then no copy is kept or used).
 */
export function sourceTreeId(root) {
  const git = (args) => execFileSync("git", args, { cwd: root, maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
  try {
    const hash = crypto.createHash("sha256");
    hash.update(git(["rev-parse", "HEAD"]));
    hash.update(git(["diff", "HEAD", "--binary"]));
    const untracked = git(["ls-files", "--others", "--exclude-standard", "-z"]).toString("utf8").split("\0").filter(Boolean).sort();
    for (const file of untracked) {
      hash.update(`\0${file}\0`);
      hash.update(fs.readFileSync(path.join(root, file)));
    }
    return hash.digest("hex");
  } catch {
    return null;
  }
}

/** Replaces `target` with a copy of the build folder `source`, without its cache folder (what a server cached). */
export function copyBuild(source, target) {
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(source, target, { recursive: true, filter: (from) => from !== path.join(source, "cache") });
}

/** Copies `distDir` to `snapshotDir` (both relative to `root`) and stamps it with `treeId` (null: no copy). */
export function snapshotBuild(root, distDir, snapshotDir, treeId) {
  if (treeId === null) return false;
  copyBuild(path.join(root, distDir), path.join(root, snapshotDir));
  fs.writeFileSync(path.join(root, snapshotDir, STAMP), treeId);
  return true;
}

/** Whether `snapshotDir` holds a build of the sources as they are now. */
export function snapshotMatches(root, snapshotDir) {
  try {
    const id = sourceTreeId(root);
    return id !== null && fs.readFileSync(path.join(root, snapshotDir, STAMP), "utf8") === id;
  } catch {
    return false;
  }
}
