// Moved to scripts/bench/nginx.ts (the bench matrix puts nginx in front of its cells too).
export { nginxConfig, type RunningNginx, startNginx, upstreamsFor } from "../../scripts/bench/nginx";
