// Cluster global setup (runs once, in the main Vitest process): starts the cluster of tests/cluster/cluster.ts,
// hands its addresses to the test files (cluster-env.ts) and takes it all down when the run ends, printing how
// long the suite took (CI time: the cluster suite runs last in `npm test`).
import type { TestProject } from "vitest/node";
import { Cleanup } from "../../scripts/bench/env";
import { type ClusterInfo, startCluster } from "./cluster";

declare module "vitest" {
  interface ProvidedContext {
    cluster: ClusterInfo;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const cleanup = new Cleanup();
  try {
    project.provide("cluster", await startCluster(cleanup));
  } catch (error) {
    await cleanup.run();
    throw error;
  }
  const ready = Date.now();
  return async () => {
    const testsDone = Date.now();
    await cleanup.run();
    const s = (ms: number) => (ms / 1000).toFixed(1);
    console.log(`[cluster] suite run time ${s(Date.now() - started)} s: setup ${s(ready - started)} s, tests ${s(testsDone - ready)} s, teardown ${s(Date.now() - testsDone)} s`);
  };
}
