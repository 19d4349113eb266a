import type { ActionRows, Route } from "./types";

// Access-matrix rows of this area (dm): one per page/route file, one per "use server" file.
export const routes: Route[] = [];
export const actions: ActionRows = {};
