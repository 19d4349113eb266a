// Moved to scripts/bench/pg-databases.ts (the cluster test and the bench matrix share it).
export * from "../../scripts/bench/pg-databases";
